package io.beth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that an {@link HttpRoute} method, or every route method of a type, never blocks, so that
 * it runs inline on the connection's event loop with no thread hop.
 *
 * <pre>{@code
 * @HttpRoute(method = "GET", path = "/plaintext")
 * @NonBlocking
 * String plaintext() { return "Hello, World!"; }
 * }</pre>
 *
 * <p>Without it a route may block: Beth calls it on the HTTP server's executor (virtual threads
 * when the JVM has them), as {@code HttpHandler.nonBlocking()} decides for a handler written by
 * hand. A non-blocking route must not wait on I/O, locks or futures; it answers at once or returns
 * a future. Answers that need no route (404, 405, {@code OPTIONS}) are made on the event loop
 * either way.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface NonBlocking {}
