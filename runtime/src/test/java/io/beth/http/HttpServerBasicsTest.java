package io.beth.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpServerBasicsTest {

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(Duration.ofSeconds(1)).join();
    }
  }

  private URI start(HttpHandler handler) {
    return start(handler, HttpServerOptions.builder().host("127.0.0.1").build());
  }

  private URI start(HttpHandler handler, HttpServerOptions options) {
    server = HttpServer.start(handler, options).join();
    return URI.create("http://127.0.0.1:" + server.port());
  }

  private java.net.http.HttpResponse<String> get(URI uri) throws Exception {
    return client.send(java.net.http.HttpRequest.newBuilder(uri).build(), BodyHandlers.ofString());
  }

  @Test
  void helloWorldThroughTheJdkClient() throws Exception {
    URI base = start(HttpHandler.sync(request -> HttpResponse.ok("Hello, World!")));
    java.net.http.HttpResponse<String> response = get(base.resolve("/plaintext"));
    assertEquals(200, response.statusCode());
    assertEquals("Hello, World!", response.body());
    assertEquals("text/plain; charset=utf-8", response.headers().firstValue("content-type").get());
    assertEquals("13", response.headers().firstValue("content-length").get());
    assertTrue(response.headers().firstValue("date").isPresent());
  }

  @Test
  void nonBlockingHandlersRunOnTheEventLoop() throws Exception {
    URI base =
        start(
            HttpHandler.sync(request -> HttpResponse.ok(Thread.currentThread().getName()))
                .nonBlocking());
    assertTrue(get(base).body().startsWith("beth-http-io"), "inline on a Netty thread");
  }

  @Test
  void blockingHandlersRunOffTheEventLoop() throws Exception {
    URI base =
        start(HttpHandler.sync(request -> HttpResponse.ok(Thread.currentThread().getName())));
    assertFalse(get(base).body().startsWith("beth-http-io"));
  }

  @Test
  void requestCarriesMethodPathQueryHeadersCookiesAndAddresses() throws Exception {
    CompletableFuture<HttpRequest> seen = new CompletableFuture<>();
    URI base =
        start(
            HttpHandler.sync(
                request -> {
                  seen.complete(request);
                  return HttpResponse.status(204).build();
                }));
    long before = System.nanoTime();
    java.net.http.HttpResponse<String> response =
        client.send(
            java.net.http.HttpRequest.newBuilder(base.resolve("/a%20b/c?x=1&x=2&y=%C3%A9"))
                .header("X-Multi", "one")
                .header("x-multi", "two")
                .header("Cookie", "session=abc; theme=dark")
                .build(),
            BodyHandlers.ofString());
    assertEquals(204, response.statusCode());
    HttpRequest request = seen.join();
    assertEquals("GET", request.method());
    assertEquals("/a%20b/c?x=1&x=2&y=%C3%A9", request.uri());
    assertEquals("/a b/c", request.path());
    assertEquals("/a%20b/c", request.rawPath());
    assertEquals(List.of("1", "2"), request.queryParams("x"));
    assertEquals("é", request.queryParam("y"));
    assertEquals(List.of("one", "two"), request.headers().values("X-MULTI"));
    assertEquals("abc", request.cookie("session"));
    assertEquals("dark", request.cookies().get("theme"));
    assertEquals("http", request.scheme());
    assertEquals("HTTP/1.1", request.protocol());
    assertTrue(request.isKeepAlive());
    assertNotNull(request.remoteAddress());
    assertEquals(server.port(), request.localAddress().getPort());
    assertTrue(request.arrivalNanos() >= before && request.arrivalNanos() <= System.nanoTime());
  }

  @Test
  void keepAliveIsFalseForConnectionCloseAndForHttp10() throws Exception {
    java.util.concurrent.LinkedBlockingQueue<HttpRequest> seen =
        new java.util.concurrent.LinkedBlockingQueue<>();
    start(
        HttpHandler.sync(
            request -> {
              seen.add(request);
              return HttpResponse.ok("seen");
            }));
    String[] requests = {
      "GET /a HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET /b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
      "GET /c HTTP/1.0\r\n\r\n",
      "GET /d HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"
    };
    boolean[] keepAlive = {true, false, false, true};
    for (int i = 0; i < requests.length; i++) {
      try (RawHttp http = new RawHttp(server.port())) {
        assertEquals(200, http.send(requests[i]).read().status);
      }
      HttpRequest request = seen.poll(5, java.util.concurrent.TimeUnit.SECONDS);
      assertEquals(keepAlive[i], request.isKeepAlive(), request.toString());
      assertEquals(i < 2 ? "HTTP/1.1" : "HTTP/1.0", request.protocol());
    }
  }

  @Test
  void theRemoteAddressIsTheClientSocketsLocalAddress() throws Exception {
    CompletableFuture<HttpRequest> seen = new CompletableFuture<>();
    start(
        HttpHandler.sync(
            request -> {
              seen.complete(request);
              return HttpResponse.ok();
            }));
    try (RawHttp http = new RawHttp(server.port())) {
      assertEquals(200, http.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read().status);
      HttpRequest request = seen.join();
      assertEquals(http.socket.getLocalSocketAddress(), request.remoteAddress());
      assertEquals(http.socket.getLocalPort(), request.remoteAddress().getPort());
      assertTrue(request.remoteAddress().getAddress().isLoopbackAddress());
      assertEquals(http.socket.getRemoteSocketAddress(), request.localAddress());
    }
  }

  @Test
  void statusHeadersAndCookiesReachTheClient() throws Exception {
    URI base =
        start(
            HttpHandler.sync(
                request ->
                    HttpResponse.status(404)
                        .header("X-Reason", "missing")
                        .cookie(Cookie.builder("id", "42").path("/").httpOnly(true).build())
                        .body("no such thing")
                        .build()));
    java.net.http.HttpResponse<String> response = get(base);
    assertEquals(404, response.statusCode());
    assertEquals("no such thing", response.body());
    assertEquals("missing", response.headers().firstValue("x-reason").get());
    assertEquals("id=42; Path=/; HTTPOnly", response.headers().firstValue("set-cookie").get());
  }

  @Test
  void postedBodyIsAggregated() throws Exception {
    URI base = start(request -> request.bodyString().thenApply(s -> HttpResponse.ok("got " + s)));
    java.net.http.HttpResponse<String> response =
        client.send(
            java.net.http.HttpRequest.newBuilder(base)
                .POST(BodyPublishers.ofString("payload"))
                .build(),
            BodyHandlers.ofString());
    assertEquals("got payload", response.body());
  }

  @Test
  void handlerExceptionIsA500WithoutStackTraceAndIsLoggedAsAnError() throws Exception {
    URI base =
        start(
            HttpHandler.sync(
                request -> {
                  throw new IllegalStateException("secret detail");
                }));
    try (StandardErrorLog log = new StandardErrorLog()) {
      java.net.http.HttpResponse<String> response = get(base.resolve("/thrown-7f3a"));
      assertEquals(500, response.statusCode());
      assertEquals("Internal Server Error", response.body());
      assertFalse(response.body().contains("secret"));
      assertFalse(response.body().contains("IllegalStateException"));
      // logged before the answer was written: in the log by the time the client has it
      String line = log.lineWith("GET /thrown-7f3a");
      assertNotNull(line, "logged:\n" + log.text());
      assertTrue(
          line.contains("ERROR") && line.contains("io.beth.http.internal.HttpConnectionHandler"),
          line);
      assertTrue(
          log.text().contains("java.lang.IllegalStateException: secret detail"),
          "with the exception");
    }
  }

  @Test
  void failedFutureIsA500LoggedAsAnErrorAndStatusExceptionsKeepTheirStatusUnlogged()
      throws Exception {
    URI base =
        start(
            request ->
                request.path().equals("/teapot-7f3a")
                    ? CompletableFuture.failedFuture(
                        new HttpStatusException(418, "short and stout"))
                    : CompletableFuture.failedFuture(new RuntimeException("boom 7f3a")));
    try (StandardErrorLog log = new StandardErrorLog()) {
      java.net.http.HttpResponse<String> failed = get(base.resolve("/failed-7f3a"));
      assertEquals(500, failed.statusCode());
      assertFalse(failed.body().contains("boom"));
      String line = log.lineWith("GET /failed-7f3a");
      assertNotNull(line, "logged:\n" + log.text());
      assertTrue(line.contains("ERROR"), line);
      assertTrue(log.text().contains("java.lang.RuntimeException: boom 7f3a"), "with the cause");

      assertEquals(418, get(base.resolve("/teapot-7f3a")).statusCode());
      assertNull(log.lineWith("/teapot-7f3a"), "an answer chosen by the handler is no error");
    }
  }

  @Test
  void bootstrapAndPipelineHooksSeeNettyDirectly() throws Exception {
    java.util.concurrent.atomic.AtomicInteger bootstraps =
        new java.util.concurrent.atomic.AtomicInteger();
    CompletableFuture<String> names = new CompletableFuture<>();
    URI base =
        start(
            HttpHandler.sync(request -> HttpResponse.ok("hooked")),
            HttpServerOptions.builder()
                .host("127.0.0.1")
                .bootstrapHook(
                    bootstrap -> {
                      bootstraps.incrementAndGet();
                      bootstrap.childOption(io.netty.channel.ChannelOption.SO_KEEPALIVE, true);
                    })
                .pipelineHook(pipeline -> names.complete(String.join(",", pipeline.names())))
                .build());
    assertEquals("hooked", get(base).body());
    assertEquals(1, bootstraps.get());
    assertTrue(names.join().contains("decoder,encoder"), names.join());
    assertTrue(names.join().contains("beth-http"), names.join());
  }
}
