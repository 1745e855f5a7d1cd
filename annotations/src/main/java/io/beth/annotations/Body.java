package io.beth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a route method's parameter to the request body.
 *
 * <pre>{@code
 * @HttpRoute(method = "POST", path = "/users")
 * CompletableFuture<User> create(@Body NewUser user) { ... }
 *
 * @HttpRoute(method = "PUT", path = "/files/{name}")
 * CompletableFuture<HttpResponse> upload(@PathParam("name") String name, @Body Source<byte[]> body) { ... }
 * }</pre>
 *
 * <p>A parameter of type {@code Source<byte[]>} receives the body as a stream, unread. Any other
 * type receives the body aggregated and decoded by the codec chosen by the request's {@code
 * Content-Type} (JSON through Jackson by default); a body that does not decode is answered 400. At
 * most one parameter of a method may be the body. A body on a {@code GET} route is warned about.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Body {}
