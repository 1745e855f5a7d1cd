package io.beth.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Limits, timeouts and malformed input: each gets its status and the connection is closed. */
class HttpLimitsTest {

  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(Duration.ofSeconds(1)).join();
    }
  }

  private int start(HttpServerOptions.Builder options) {
    server =
        HttpServer.start(
                request ->
                    request.bodyString().thenApply(body -> HttpResponse.ok("ok " + body.length())),
                options.host("127.0.0.1").build())
            .join();
    return server.port();
  }

  private int start() {
    return start(HttpServerOptions.builder());
  }

  private void assertAnsweredAndClosed(int port, String request, int status) throws Exception {
    try (RawHttp http = new RawHttp(port)) {
      http.send(request);
      RawHttp.Response response = http.read();
      assertEquals(status, response.status, response.toString());
      assertTrue(http.closedByServer(), "connection closed after " + status);
    }
  }

  @Test
  void tooLongRequestLineIs414() throws Exception {
    int port = start(HttpServerOptions.builder().maxInitialLineLength(100));
    assertAnsweredAndClosed(port, "GET /" + "a".repeat(200) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414);
  }

  @Test
  void tooLargeHeadersAre431() throws Exception {
    int port = start(HttpServerOptions.builder().maxHeaderSize(1024));
    assertAnsweredAndClosed(
        port, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(2000) + "\r\n\r\n", 431);
  }

  @Test
  void tooLargeAggregatedBodyIs413() throws Exception {
    int port = start(HttpServerOptions.builder().maxBodySize(10));
    assertAnsweredAndClosed(
        port, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 20\r\n\r\n" + "x".repeat(20), 413);
  }

  @Test
  void tooLargeChunkedBodyIs413() throws Exception {
    int port = start(HttpServerOptions.builder().maxBodySize(10));
    assertAnsweredAndClosed(
        port,
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "8\r\n12345678\r\n8\r\n12345678\r\n0\r\n\r\n",
        413);
  }

  @Test
  void anEarlyAnswerReachesAClientStillSendingItsBody() throws Exception {
    // 413 as soon as the declared length is seen, while 8 MiB are still coming. A close with
    // unread input resets the connection: the client's upload fails, and a client that gives up
    // on a failed upload (the JDK's does) never reads the answer. The server reads and drops the
    // rest instead, so the upload ends normally and the answer is there to read.
    int port = start(HttpServerOptions.builder().maxBodySize(1024));
    byte[] body = new byte[8 << 20];
    for (int round = 0; round < 5; round++) {
      try (RawHttp http = new RawHttp(port)) {
        http.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length + "\r\n\r\n");
        java.util.concurrent.CompletableFuture<Void> upload =
            java.util.concurrent.CompletableFuture.runAsync(
                () -> {
                  try {
                    http.send(body);
                  } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                });
        RawHttp.Response response = http.read();
        assertEquals(413, response.status, response.toString());
        assertTrue(http.closedByServer(), "connection closed after 413");
        upload.get(10, java.util.concurrent.TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void bodyWithinTheLimitIsFine() throws Exception {
    try (RawHttp http = new RawHttp(start(HttpServerOptions.builder().maxBodySize(10)))) {
      http.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n0123456789");
      assertEquals("ok 10", http.read().body);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GARBAGE\r\n\r\n",
        "GET / HTTP/1.1 extra\r\nHost: x\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nBad Name: v\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nBad\u0001Name: v\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "3\r\nabc\r\n0\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n",
        "GET / HTTP/1.1\r\n\r\n",
      })
  void malformedRequestsAre400AndClosed(String request) throws Exception {
    assertAnsweredAndClosed(start(), request, 400);
  }

  @Test
  void malformedRequestAfterAGoodOneStillGetsTheGoodAnswerFirst() throws Exception {
    try (RawHttp http = new RawHttp(start())) {
      http.send("GET / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nBad Name: v\r\n\r\n");
      assertEquals(200, http.read().status);
      assertEquals(400, http.read().status);
      assertTrue(http.closedByServer());
    }
  }

  @Test
  void slowRequestHeadIs408AndClosed() throws Exception {
    int port = start(HttpServerOptions.builder().headerReadTimeout(Duration.ofMillis(200)));
    try (RawHttp http = new RawHttp(port)) {
      http.send("GET / HTTP/1.1\r\nHost: x\r\n"); // the blank line never comes
      long start = System.nanoTime();
      assertEquals(408, http.read().status);
      assertTrue(http.closedByServer());
      assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
    }
  }

  /**
   * The head timeout counts from each head's first byte: a head begun shortly before a timeout
   * period that started with an earlier request ends is on time, and a later head that stalls is
   * still answered 408. (The gaps are the scenario: pauses between writes, not waits for results.)
   */
  @Test
  void eachHeadGetsItsOwnTimeoutOnAKeepAliveConnection() throws Exception {
    int port = start(HttpServerOptions.builder().headerReadTimeout(Duration.ofMillis(1500)));
    try (RawHttp http = new RawHttp(port)) {
      http.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
      assertEquals(200, http.read().status);
      Thread.sleep(900);
      http.send("GET /b HTTP/1.1\r\n"); // 900 ms after the first head began
      Thread.sleep(800); // past the first head's deadline, 700 ms within this one's
      http.send("Host: x\r\n\r\n");
      assertEquals(200, http.read().status);
      http.send("GET /c HTTP/1.1\r\nHost: x\r\n"); // the blank line never comes
      assertEquals(408, http.read().status);
      assertTrue(http.closedByServer());
    }
  }

  @Test
  void idleConnectionsAreClosedButSlowHandlersAreNot() throws Exception {
    server =
        HttpServer.start(
                request ->
                    java.util.concurrent.CompletableFuture.supplyAsync(
                        HttpResponse::ok,
                        java.util.concurrent.CompletableFuture.delayedExecutor(
                            600, java.util.concurrent.TimeUnit.MILLISECONDS)),
                HttpServerOptions.builder()
                    .host("127.0.0.1")
                    .idleTimeout(Duration.ofMillis(200))
                    .build())
            .join();
    try (RawHttp http = new RawHttp(server.port())) {
      http.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
      assertEquals(200, http.read().status); // took longer than the idle timeout
      assertTrue(http.closedByServer()); // then idle: closed
    }
  }
}
