package io.beth.processor.model;

/** How Dagger obtains a handler instance. */
public enum Construction {
  /** Through the class's own {@code @Inject} constructor. */
  INJECT,
  /**
   * Through a record's {@code @Inject} constructor, called by the generated module with the
   * constructor's dependencies (Dagger does not construct records itself).
   */
  RECORD_INJECT,
  /** Through its public constructor without parameters, called by the generated module. */
  NO_ARG
}
