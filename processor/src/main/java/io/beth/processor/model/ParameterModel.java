package io.beth.processor.model;

import java.util.Optional;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * One route method parameter and what it binds to. {@code name} is the path placeholder, query
 * parameter, header or cookie name (empty for the body and the request); {@code conversion} is
 * present for text-bound parameters, whose {@code type} is the value type (the argument of an
 * {@code Optional} or {@code List}); {@code defaultValue} is the annotation's default, if set.
 */
public record ParameterModel(
    VariableElement element,
    Binding binding,
    String name,
    TypeMirror type,
    Arity arity,
    Optional<Conversion> conversion,
    Optional<String> defaultValue) {

  /** What a parameter is bound to. */
  public enum Binding {
    PATH,
    QUERY,
    HEADER,
    COOKIE,
    /** The body decoded by a codec. */
    BODY,
    /** The body as text ({@code String}), in the charset of its content type. */
    BODY_TEXT,
    /** The body's bytes as they came ({@code byte[]}). */
    BODY_BYTES,
    /** The body as an unread {@code Source<byte[]>}. */
    BODY_STREAM,
    /** The whole {@code HttpRequest}. */
    REQUEST
  }

  /** Whether this parameter is bound to the body, in any form. */
  public boolean isBody() {
    return binding == Binding.BODY
        || binding == Binding.BODY_TEXT
        || binding == Binding.BODY_BYTES
        || binding == Binding.BODY_STREAM;
  }

  /** How many values a text-bound parameter takes. */
  public enum Arity {
    /** Exactly one value, or the default. */
    ONE,
    /** {@code Optional<T>}: zero or one value. */
    OPTIONAL,
    /** {@code List<T>}: every value. */
    LIST
  }
}
