package io.beth.websocket;

import io.beth.http.HttpRequest;
import io.beth.websocket.internal.ServerUpgrade;
import java.util.Objects;

/**
 * Server-side WebSockets: turns an HTTP request into a WebSocket. Use from any handler:
 *
 * <pre>{@code
 * HttpHandler echo = HttpHandler.sync(request -> {
 *   WebSocketUpgrade upgrade = WebSockets.upgrade(request, WebSocketOptions.DEFAULT);
 *   upgrade.socket().thenAccept(ws -> Streams.connect(ws, ws));
 *   return upgrade.response();
 * });
 * }</pre>
 */
public final class WebSockets {

  private WebSockets() {}

  /**
   * Validates the handshake request. If valid, the response switches protocols (with the negotiated
   * subprotocol, compression and {@link WebSocketOptions#headers()}) and the socket completes once
   * the 101 is written. If not, the response is a 400 naming the reason (403 when the origin check
   * refuses, 426 for an unsupported version) and the socket fails with a {@link
   * WebSocketHandshakeException}.
   */
  public static WebSocketUpgrade upgrade(HttpRequest request, WebSocketOptions options) {
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(options, "options == null");
    return ServerUpgrade.upgrade(request, options);
  }

  /** {@link #upgrade(HttpRequest, WebSocketOptions)} with {@link WebSocketOptions#DEFAULT}. */
  public static WebSocketUpgrade upgrade(HttpRequest request) {
    return upgrade(request, WebSocketOptions.DEFAULT);
  }
}
