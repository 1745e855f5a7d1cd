package io.beth.benchmarks.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.beth.benchmarks.PlainVertx;
import io.netty.handler.codec.DateFormatter;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Vert.x's hello-world server, an independent peer beside the Netty baseline: {@code GET
 * /plaintext} and {@code GET /json} answered on the event loop with the same headers as {@link
 * NettyHelloServer} (content type, length, date), one server instance (and event loop) per I/O
 * thread on one port. Usage: {@code VertxHelloServer port [ioThreads]}.
 */
public final class VertxHelloServer {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Buffer HELLO = Buffer.buffer("Hello, World!");
  private static final String TEXT = "text/plain; charset=utf-8";
  private static final String JSON = "application/json";

  private VertxHelloServer() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    int instances = Math.max(1, threads);
    Vertx vertx = PlainVertx.create(instances);
    HttpServerOptions options = new HttpServerOptions().setTcpNoDelay(true).setHost("0.0.0.0");
    PlainVertx.listen(
        vertx,
        instances,
        port,
        p ->
            vertx
                .createHttpServer(options)
                .requestHandler(VertxHelloServer::handle)
                .listen(p)
                .map(HttpServer::actualPort));
    System.err.println("vertx listening on port " + port + " with " + instances + " instances");
    new CountDownLatch(1).await();
  }

  private static void handle(HttpServerRequest request) {
    switch (request.path()) {
      case "/plaintext":
        request
            .response()
            .putHeader("content-type", TEXT)
            .putHeader("date", DateFormatter.format(new Date()))
            .end(HELLO);
        break;
      case "/json":
        byte[] json;
        try {
          json = MAPPER.writeValueAsBytes(Map.of("message", "Hello, World!"));
        } catch (Exception e) {
          request.response().setStatusCode(500).end();
          return;
        }
        request
            .response()
            .putHeader("content-type", JSON)
            .putHeader("date", DateFormatter.format(new Date()))
            .end(Buffer.buffer(json));
        break;
      default:
        request.response().setStatusCode(404).end();
    }
  }
}
