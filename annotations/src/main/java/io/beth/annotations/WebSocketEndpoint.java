package io.beth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class that handles WebSocket connections upgraded from requests to {@link #path()}.
 *
 * <pre>{@code
 * @WebSocketEndpoint(path = "/chat")
 * final class Chat implements WebSocketHandler {
 *   @Inject Chat(Rooms rooms) { ... }
 *   ...
 * }
 * }</pre>
 *
 * <p>The class must implement the runtime's {@code io.beth.websocket.WebSocketHandler}, which is
 * offered each upgraded duplex stream and its upgrade request. The path is a literal path starting
 * with {@code /} (no placeholders); it must not also be the path of an HTTP route. The endpoint is
 * served by the application's HTTP server. The class must be constructible by Dagger: an
 * {@code @Inject} constructor, or else a non-private constructor without parameters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface WebSocketEndpoint {

  /** The literal request path upgraded to this endpoint, such as {@code /chat}. */
  String path();
}
