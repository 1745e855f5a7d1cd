package io.beth.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP version on the wire, with a raw socket: a status line says HTTP/1.1, or HTTP/1.0 to an
 * HTTP/1.0 request; a later HTTP/1.x is served as HTTP/1.1; another major version is a 505.
 */
class HttpVersionTest {

  private final List<String> seen = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(Duration.ofSeconds(1)).join();
    }
  }

  /** A server answering {@code <protocol> <path>}, after {@code /slow} waits 300 ms. */
  private int start() {
    server =
        HttpServer.start(
                request -> {
                  seen.add(request.protocol() + " " + request.path());
                  HttpResponse response =
                      HttpResponse.ok(request.protocol() + " " + request.path());
                  return request.path().equals("/slow")
                      ? CompletableFuture.supplyAsync(
                          () -> response,
                          CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS))
                      : CompletableFuture.completedFuture(response);
                },
                HttpServerOptions.builder().host("127.0.0.1").port(0).build())
            .join();
    return server.port();
  }

  @ParameterizedTest
  @ValueSource(strings = {"HTTP/9.9", "HTTP/2.0", "HTTP/0.9", "HTTP/3.1"})
  void anotherMajorVersionIsA505AndTheConnectionCloses(String version) throws Exception {
    try (RawHttp http = new RawHttp(start())) {
      http.send("GET / " + version + "\r\nHost: x\r\n\r\n");
      RawHttp.Response response = http.read();
      assertEquals("HTTP/1.1 505 HTTP Version Not Supported", response.statusLine);
      assertEquals("close", response.header("connection"));
      assertTrue(response.body.contains(version + " is not supported"), response.body);
      assertTrue(http.closedByServer(), "the connection is closed");
    }
    assertEquals(List.of(), seen, "the handler never saw the request");
  }

  @Test
  void aLaterHttp1MinorVersionIsServedAsHttp11() throws Exception {
    try (RawHttp http = new RawHttp(start())) {
      http.send("GET /a HTTP/1.2\r\nHost: x\r\n\r\n");
      RawHttp.Response first = http.read();
      assertEquals("HTTP/1.1 200 OK", first.statusLine);
      assertEquals("HTTP/1.1 /a", first.body, "the handler sees HTTP/1.1");
      http.send("GET /b HTTP/1.9\r\nHost: x\r\n\r\n"); // kept alive, as HTTP/1.1 is
      assertEquals("HTTP/1.1 200 OK", http.read().statusLine);
    }
  }

  @Test
  void anHttp10RequestGetsAnHttp10StatusLineAndAnHttp11OneAnHttp11Line() throws Exception {
    int port = start();
    try (RawHttp http = new RawHttp(port)) {
      http.send("GET /old HTTP/1.0\r\n\r\n");
      RawHttp.Response response = http.read();
      assertEquals("HTTP/1.0 200 OK", response.statusLine);
      assertEquals("HTTP/1.0 /old", response.body);
    }
    try (RawHttp http = new RawHttp(port)) {
      http.send("GET /missing-host HTTP/1.1\r\n\r\n"); // refused by the connection handler
      assertEquals("HTTP/1.1 400 Bad Request", http.read().statusLine);
    }
  }

  @Test
  void a505ToAPipelinedRequestComesAfterTheResponsesBeforeIt() throws Exception {
    try (RawHttp http = new RawHttp(start())) {
      http.send(
          "GET /slow HTTP/1.1\r\nHost: x\r\n\r\n"
              + "GET /fast HTTP/1.1\r\nHost: x\r\n\r\n"
              + "GET /future HTTP/9.9\r\nHost: x\r\n\r\n"
              + "GET /never HTTP/1.1\r\nHost: x\r\n\r\n");
      assertEquals("HTTP/1.1 /slow", http.read().body);
      assertEquals("HTTP/1.1 /fast", http.read().body);
      RawHttp.Response rejected = http.read();
      assertEquals(505, rejected.status);
      assertTrue(http.closedByServer(), "nothing after the 505");
    }
    assertEquals(List.of("HTTP/1.1 /slow", "HTTP/1.1 /fast"), seen);
  }

  @Test
  void noA505FollowsAResponseThatClosedTheConnection() throws Exception {
    try (RawHttp http = new RawHttp(start())) {
      http.send(
          "GET /slow HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
              + "GET /future HTTP/9.9\r\nHost: x\r\n\r\n");
      RawHttp.Response last = http.read();
      assertEquals("HTTP/1.1 /slow", last.body);
      assertEquals("close", last.header("connection"));
      assertTrue(http.closedByServer(), "the connection ends with the response that said so");
    }
  }
}
