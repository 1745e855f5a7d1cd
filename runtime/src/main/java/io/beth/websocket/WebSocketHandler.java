package io.beth.websocket;

import io.beth.http.HttpRequest;

/**
 * Handles the WebSockets upgraded at one path: the contract of a {@code @WebSocketEndpoint} class,
 * which the generated router upgrades requests to. An echo endpoint:
 *
 * <pre>{@code
 * @WebSocketEndpoint(path = "/ws/echo")
 * public final class Echo implements WebSocketHandler {
 *   @Inject Echo() {}
 *
 *   @Override
 *   public void handle(WebSocket socket, HttpRequest upgrade) {
 *     Streams.connect(socket, socket);
 *   }
 * }
 * }</pre>
 *
 * <p>{@link #handle} is called once per connection, after the handshake response went out, off the
 * event loop (it may block, but should return quickly and let the stream do the work). If it
 * throws, the socket is closed with status 1011 (internal error). The socket's messages are {@code
 * String} for text and {@code byte[]} for binary; see {@link WebSocket}.
 */
@FunctionalInterface
public interface WebSocketHandler {

  /** Takes charge of one upgraded connection; {@code upgrade} is the handshake request. */
  void handle(WebSocket socket, HttpRequest upgrade) throws Exception;

  /**
   * How this endpoint's handshakes are answered and its sockets run (subprotocols, size limits,
   * compression, heartbeats); {@link WebSocketOptions#DEFAULT} unless overridden.
   */
  default WebSocketOptions options() {
    return WebSocketOptions.DEFAULT;
  }
}
