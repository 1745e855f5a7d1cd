package io.beth.websocket;

import io.beth.websocket.internal.ClientConnector;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** Opens WebSockets to servers. */
public final class WebSocketClient {

  private WebSocketClient() {}

  /**
   * Connects to a {@code ws://} or {@code wss://} URI. The future completes with the open socket,
   * or fails: with a {@link WebSocketHandshakeException} carrying the status, headers and body when
   * the server refuses the handshake, with a {@link WebSocketException} on a connect or handshake
   * timeout or a lost connection.
   */
  public static CompletableFuture<WebSocket> connect(URI uri, WebSocketOptions options) {
    Objects.requireNonNull(uri, "uri == null");
    Objects.requireNonNull(options, "options == null");
    return ClientConnector.connect(uri, options);
  }

  /** {@link #connect(URI, WebSocketOptions)} with {@link WebSocketOptions#DEFAULT}. */
  public static CompletableFuture<WebSocket> connect(URI uri) {
    return connect(uri, WebSocketOptions.DEFAULT);
  }
}
