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
 * <p>A parameter of type {@code Source<byte[]>} receives the body as a stream, unread; a {@code
 * String} (or {@code CharSequence}) its text, in the charset of its {@code Content-Type} (UTF-8
 * when it names none), whatever the type; a {@code byte[]} its bytes as they came. Any other type
 * receives the body aggregated and decoded by the codec chosen by the request's {@code
 * Content-Type} (JSON through Jackson by default): a content type no codec reads is answered 415,
 * and a body that does not decode 400, with a message naming the parameter and what was wrong (an
 * empty body, or a body that is not the expected value) but not the codec's own wording. At most
 * one parameter of a method may be the body. A body on a {@code GET} route is warned about. A route
 * interface's generated client sends a {@code String} body as UTF-8 {@code text/plain}, a {@code
 * byte[]} as {@code application/octet-stream}, and any other value encoded by its codec.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Body {}
