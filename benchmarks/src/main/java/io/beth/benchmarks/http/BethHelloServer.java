package io.beth.benchmarks.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.beth.http.HttpHandler;
import io.beth.http.HttpResponse;
import io.beth.http.HttpServer;
import io.beth.http.HttpServerOptions;
import java.util.Map;

/**
 * Beth's hello-world server with an inline (non-blocking) handler: {@code GET /plaintext} and
 * {@code GET /json}. Usage: {@code BethHelloServer port [ioThreads]}.
 */
public final class BethHelloServer {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpResponse HELLO = HttpResponse.ok("Hello, World!");
  private static final HttpResponse NOT_FOUND = HttpResponse.status(404).build();

  private BethHelloServer() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    HttpHandler handler = HttpHandler.sync(request -> {
      switch (request.path()) {
        case "/plaintext":
          return HELLO;
        case "/json":
          return HttpResponse.builder()
              .contentType("application/json")
              .body(MAPPER.writeValueAsBytes(Map.of("message", "Hello, World!")))
              .build();
        default:
          return NOT_FOUND;
      }
    }).nonBlocking();
    HttpServer server = HttpServer.start(handler,
        HttpServerOptions.builder().port(port).ioThreads(threads).build()).join();
    System.err.println("beth listening on " + server.address());
    server.stopped().join();
  }
}
