package io.beth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps an HTTP method and a path template to a method, or gives a path prefix to every route of a
 * type.
 *
 * <pre>{@code
 * @HttpRoute(path = "/users")
 * final class UsersRoutes {
 *   @HttpRoute(method = "GET", path = "/{id}")
 *   CompletableFuture<User> user(@PathParam("id") UUID id) { ... }
 * }
 * }</pre>
 *
 * <p><b>On a method</b> of a class, the method handles requests whose method equals {@link
 * #method()} and whose path matches the type's prefix followed by {@link #path()}. The method must
 * be neither private nor static. On a method of an <b>interface</b>, the interface is a route
 * contract: Beth generates a typed client for it, whose methods must return a {@code
 * CompletableFuture} or {@code CompletionStage}; a class annotated with {@code @HttpRoute} that
 * implements the interface serves its routes.
 *
 * <p><b>What a route method returns</b> becomes the response: an {@code HttpResponse} as it is;
 * {@code void} (or a future of {@code Void}) is {@code 204 No Content}; a {@code Source} or {@code
 * Flow.Publisher} is sent in chunks (of {@code ServerSentEvent}, as an event stream); any other
 * value is encoded by the codec (JSON by default) with {@code 200 OK}, and a {@code null} value is
 * {@code 204}. A value may come in a {@code CompletableFuture} or {@code CompletionStage}, and in
 * an {@code Optional}: an empty {@code Optional} is answered {@code 404 Not Found} with no body,
 * and on a route interface's generated client a method returning a future of {@code Optional}
 * completes empty on a {@code 404} (or an empty {@code 2xx} body) instead of failing.
 *
 * <pre>{@code
 * @HttpRoute(method = "GET", path = "/users/{id}")
 * Optional<User> user(@PathParam("id") long id) { return users.find(id); } // 404 when absent
 * }</pre>
 *
 * <p><b>On a type</b>, only {@link #path()} is accepted: a prefix added before every route path
 * declared by the type's own methods (a route inherited from a route interface keeps the
 * interface's path); a method path of {@code ""} or {@code "/"} is the prefix itself. {@code
 * method} must be left out there. A class that implements a route interface serves its routes only
 * when it carries {@code @HttpRoute}, bare if it needs no prefix; an override of a route method
 * does not repeat {@code @HttpRoute}, since the interface declares the route for the server and the
 * client alike. Routes are served by concrete classes: an abstract class's routes are not inherited
 * by its subclasses.
 *
 * <p>A path template starts with {@code /} and is a list of segments separated by {@code /}; a
 * segment is either literal text or a whole-segment placeholder {@code {name}} whose name is a Java
 * identifier bound by a {@link PathParam} parameter. Empty segments ({@code //}), a trailing {@code
 * /} (other than the root {@code /}), braces inside literal text, {@code ?} and {@code #} are
 * rejected. Literal segments take precedence over placeholders when matching.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface HttpRoute {

  /**
   * The HTTP method: an upper-case token such as {@code GET}, {@code POST}, {@code PUT}, {@code
   * DELETE} or {@code PATCH}. {@code HEAD} and {@code OPTIONS} are answered automatically but may
   * be declared. Not accepted on a type.
   */
  String method() default "GET";

  /** The path template on a method, the path prefix on a type; see the class documentation. */
  String path() default "";
}
