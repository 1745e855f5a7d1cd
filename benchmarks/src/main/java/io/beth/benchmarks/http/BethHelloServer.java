package io.beth.benchmarks.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.beth.http.HttpHandler;
import io.beth.http.HttpResponse;
import io.beth.http.HttpServer;
import io.beth.http.HttpServerOptions;
import java.util.Map;

/**
 * Beth's hello-world server with a programmatic handler: {@code GET /plaintext} and {@code GET
 * /json}. The handler is declared {@link HttpHandler#nonBlocking()} and runs inline on the event
 * loop, unless started {@code blocking}: then it is the default, blocking-safe handler that the
 * server calls on its executor, the cost of which the benchmark compares. Usage: {@code
 * BethHelloServer port [ioThreads] [non-blocking|blocking]}.
 */
public final class BethHelloServer {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpResponse HELLO = HttpResponse.ok("Hello, World!");
  private static final HttpResponse NOT_FOUND = HttpResponse.status(404).build();

  private BethHelloServer() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    boolean blocking = args.length > 2 && mode(args[2]);
    HttpHandler routes =
        HttpHandler.sync(
            request -> {
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
            });
    HttpHandler handler = blocking ? routes : routes.nonBlocking();
    HttpServer server =
        HttpServer.start(handler, HttpServerOptions.builder().port(port).ioThreads(threads).build())
            .join();
    System.err.println(
        "beth (" + (blocking ? "blocking" : "non-blocking") + ") listening on " + server.address());
    server.stopped().join();
  }

  /** Whether {@code mode} asks for the blocking handler. */
  private static boolean mode(String mode) {
    switch (mode) {
      case "blocking":
        return true;
      case "non-blocking":
        return false;
      default:
        throw new IllegalArgumentException(mode + ": expected blocking or non-blocking");
    }
  }
}
