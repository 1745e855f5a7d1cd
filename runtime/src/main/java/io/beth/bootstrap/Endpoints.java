package io.beth.bootstrap;

import io.beth.http.HttpRequest;
import io.beth.http.HttpResponse;
import io.beth.websocket.WebSocketHandler;
import io.beth.websocket.WebSocketUpgrade;
import io.beth.websocket.WebSockets;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves {@code @WebSocketEndpoint} classes for generated routers. */
public final class Endpoints {

  private static final Logger log = LoggerFactory.getLogger(Endpoints.class);

  private Endpoints() {}

  /**
   * Upgrades {@code request} with {@code handler}'s options and answers the handshake; once the
   * socket is open, hands it to {@code handler} off the event loop. A request that is not a valid
   * handshake is refused as {@link WebSockets#upgrade} says (400, 403 or 426). The handler runs on
   * the server's executor ({@link HttpRequest#executor()}); if it throws, the socket is closed with
   * 1011.
   */
  public static CompletableFuture<HttpResponse> webSocket(
      WebSocketHandler handler, HttpRequest request) {
    WebSocketUpgrade upgrade = WebSockets.upgrade(request, handler.options());
    upgrade
        .socket()
        .thenAcceptAsync(
            socket -> {
              try {
                handler.handle(socket, request);
              } catch (Exception | Error e) {
                log.warn(
                    "WebSocket handler {} failed for {}; closing the socket",
                    handler.getClass().getName(),
                    socket.remoteAddress(),
                    e);
                socket.close(1011, "internal error");
              }
            },
            request.executor());
    return CompletableFuture.completedFuture(upgrade.response());
  }
}
