package io.beth.benchmarks.websocket;

import io.beth.benchmarks.PlainVertx;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;

/**
 * An independent peer: a Vert.x WebSocket echo the way Vert.x's documentation writes one (a text
 * message handler writing each message back, as Beth echoes text as {@code String}s; binary
 * likewise), one server instance per I/O thread on one port, on a Vert.x of its own.
 */
final class VertxWebSocketEchoServer implements AutoCloseable {

  private final Vertx vertx;
  private final int port;

  VertxWebSocketEchoServer(int ioThreads) throws Exception {
    int instances = Math.max(1, ioThreads);
    vertx = PlainVertx.create(instances);
    HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setTcpNoDelay(true);
    try {
      port =
          PlainVertx.listen(
              vertx,
              instances,
              0,
              p ->
                  vertx
                      .createHttpServer(options)
                      .webSocketHandler(VertxWebSocketEchoServer::echo)
                      .listen(p)
                      .map(server -> server.actualPort()));
    } catch (Exception e) {
      PlainVertx.close(vertx); // its threads would keep the JVM alive
      throw e;
    }
  }

  private static void echo(ServerWebSocket ws) {
    if (!"/echo".equals(ws.path())) {
      ws.close((short) 1008, "no such endpoint");
      return;
    }
    ws.exceptionHandler(ignored -> ws.close()); // as the baseline: a reset load closes
    ws.textMessageHandler(ws::writeTextMessage);
    ws.binaryMessageHandler(ws::writeBinaryMessage);
  }

  int port() {
    return port;
  }

  @Override
  public void close() throws Exception {
    PlainVertx.close(vertx);
  }
}
