package io.beth.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.http.HttpHandler;
import io.beth.http.HttpResponse;
import io.beth.http.HttpServer;
import io.beth.http.HttpServerOptions;
import io.beth.http.HttpStatusException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The line a failed handler leaves on standard error when SLF4J has no provider: one per failure,
 * naming the request and the exception; nothing for a chosen status or a response. Driven by the
 * JDK's HttpClient; the reporting handler writes to a stream of the test's (this JVM has
 * slf4j-simple, so the server itself does not wrap its handler here).
 */
class UnloggedFailuresTest {

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private HttpServer server;
  private HttpClient client;

  @BeforeEach
  void start() {
    HttpHandler routes =
        request ->
            switch (request.path()) {
              case "/thrown" -> throw new IllegalStateException("thrown\nacross lines");
              case "/failed" ->
                  CompletableFuture.failedFuture(new IllegalArgumentException("failed"));
              case "/status" ->
                  CompletableFuture.failedFuture(new HttpStatusException(409, "chosen"));
              case "/nothing" -> CompletableFuture.completedFuture(null);
              default -> CompletableFuture.completedFuture(HttpResponse.ok("fine"));
            };
    PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    server =
        HttpServer.start(
                UnloggedFailures.reporting(routes, out),
                HttpServerOptions.builder().host("127.0.0.1").port(0).build())
            .join();
    client = HttpClient.newHttpClient();
  }

  @AfterEach
  void stop() {
    server.stop(Duration.ofSeconds(1)).join();
  }

  private int get(String path) throws Exception {
    return client
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
            BodyHandlers.discarding())
        .statusCode();
  }

  private List<String> lines() {
    return printed.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void aThrowingHandlerLeavesOneLineNamingTheRequestAndTheException() throws Exception {
    assertEquals(500, get("/thrown?id=7"));
    List<String> lines = lines();
    assertEquals(1, lines.size(), lines.toString());
    assertEquals(
        "beth: the handler of GET /thrown?id=7 failed: java.lang.IllegalStateException:"
            + " thrown across lines, answered 500 "
            + UnloggedFailures.HINT,
        lines.get(0));
  }

  @Test
  void aFailedFutureAndAMissingResponseLeaveALineEach() throws Exception {
    assertEquals(500, get("/failed"));
    assertEquals(500, get("/nothing"));
    List<String> lines = lines();
    assertEquals(2, lines.size(), lines.toString());
    assertTrue(
        lines
            .get(0)
            .startsWith(
                "beth: the handler of GET /failed failed: java.lang.IllegalArgumentException: failed,"),
        lines.get(0));
    assertTrue(
        lines
            .get(1)
            .startsWith(
                "beth: the handler of GET /nothing completed with no response, answered 500"),
        lines.get(1));
  }

  @Test
  void aChosenStatusAndAResponseLeaveNothing() throws Exception {
    assertEquals(409, get("/status"));
    assertEquals(200, get("/fine"));
    assertFalse(printed.size() > 0, printed.toString(StandardCharsets.UTF_8));
  }
}
