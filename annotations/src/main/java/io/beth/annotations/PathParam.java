package io.beth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a route method's parameter to a {@code {name}} placeholder of its path template.
 *
 * <pre>{@code
 * @HttpRoute(method = "GET", path = "/users/{id}")
 * CompletableFuture<User> user(@PathParam("id") UUID id) { ... }
 * }</pre>
 *
 * <p>Every placeholder needs exactly one such parameter and every such parameter a placeholder. The
 * parameter type may be a primitive or its box, {@code String}, an enum, {@code UUID}, a {@code
 * java.time} type, or any type with a static {@code valueOf(String)}, {@code of(String)}, {@code
 * parse(CharSequence)} or {@code parse(String)} method or a public {@code String} constructor
 * ({@code Optional} is not accepted: a path value is always present). The segment is
 * percent-decoded before conversion; a value that does not convert is answered 400 naming the
 * parameter.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface PathParam {

  /** The placeholder name; empty means the parameter's own name. */
  String value() default "";
}
