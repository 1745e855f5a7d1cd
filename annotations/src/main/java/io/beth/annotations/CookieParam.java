package io.beth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a route method's parameter to a cookie.
 *
 * <pre>{@code
 * @HttpRoute(method = "GET", path = "/items")
 * List<Item> items(@CookieParam(value = "session", defaultValue = "anonymous") String session) { ... }
 * }</pre>
 *
 * <p>The parameter type may be a primitive or its box, {@code String}, an enum, {@code UUID}, a
 * {@code java.time} type, or any type with a static {@code valueOf(String)}, {@code of(String)},
 * {@code parse(CharSequence)} or {@code parse(String)} method or a public {@code String}
 * constructor; or {@code Optional<T>} of such a type. When the value is absent the parameter
 * receives {@link #defaultValue()} if set, {@code Optional.empty()} for an {@code Optional}, and
 * otherwise the request is answered 400. A value that does not convert is answered 400 naming the
 * parameter; a {@link #defaultValue()} that does not convert is a compile error (checked for
 * primitives, enums and the JDK's value types).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface CookieParam {

  /** Marks "no default value"; never a real value. */
  String NO_DEFAULT = "\u0000beth:no-default\u0000";

  /** The cookie name; empty means the parameter's own name. */
  String value() default "";

  /** The text converted when the value is absent; by default the value is required. */
  String defaultValue() default NO_DEFAULT;
}
