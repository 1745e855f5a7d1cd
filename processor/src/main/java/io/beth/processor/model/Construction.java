package io.beth.processor.model;

/** How Dagger obtains a handler instance. */
public enum Construction {
  /** Through the class's own {@code @Inject} constructor. */
  INJECT,
  /** Through its public constructor without parameters, called by the generated module. */
  NO_ARG
}
