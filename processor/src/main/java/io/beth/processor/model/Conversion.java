package io.beth.processor.model;

import javax.lang.model.type.TypeMirror;

/**
 * How text becomes a value of {@code target}: {@code member} names the static factory method for
 * {@link Kind#FACTORY}, and is empty otherwise.
 */
public record Conversion(Kind kind, TypeMirror target, String member) {

  /** The conversion families the router knows. */
  public enum Kind {
    /** The text itself ({@code String} or {@code CharSequence}). */
    STRING,
    /** A primitive or its box, parsed strictly. */
    PRIMITIVE,
    /** An enum constant by name. */
    ENUM,
    /** A public static factory taking the text. */
    FACTORY,
    /** A public constructor taking a {@code String}. */
    CONSTRUCTOR
  }
}
