package io.beth.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.stream.BufferedStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** HTTP/1.1 semantics checked on the wire with a raw socket. */
class HttpProtocolTest {

  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(Duration.ofSeconds(1)).join();
    }
  }

  private int start(HttpHandler handler) {
    return start(handler, HttpServerOptions.builder().host("127.0.0.1"));
  }

  private int start(HttpHandler handler, HttpServerOptions.Builder options) {
    server = HttpServer.start(handler, options.build()).join();
    return server.port();
  }

  private static HttpHandler echoPath() {
    return HttpHandler.sync(request -> HttpResponse.ok(request.method() + " " + request.path()))
        .nonBlocking();
  }

  @Test
  void keepAliveServesSeveralRequestsOnOneConnection() throws Exception {
    try (RawHttp http = new RawHttp(start(echoPath()))) {
      for (int i = 0; i < 3; i++) {
        http.send("GET /" + i + " HTTP/1.1\r\nHost: x\r\n\r\n");
        RawHttp.Response response = http.read();
        assertEquals("GET /" + i, response.body);
        assertNull(response.header("connection"));
      }
    }
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrderEvenWhenLaterOnesFinishFirst() throws Exception {
    int port =
        start(
            request -> {
              long delay = Long.parseLong(request.path().substring(1));
              return CompletableFuture.supplyAsync(
                  () -> HttpResponse.ok(request.path()),
                  CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS));
            });
    try (RawHttp http = new RawHttp(port)) {
      http.send(
          "GET /300 HTTP/1.1\r\nHost: x\r\n\r\n"
              + "GET /1 HTTP/1.1\r\nHost: x\r\n\r\n"
              + "POST /100 HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
              + "GET /0 HTTP/1.1\r\nHost: x\r\n\r\n");
      assertEquals("/300", http.read().body);
      assertEquals("/1", http.read().body);
      assertEquals("/100", http.read().body);
      assertEquals("/0", http.read().body);
    }
  }

  @Test
  void headAnswersWithTheLengthButNoBody() throws Exception {
    int port = start(HttpHandler.sync(request -> HttpResponse.ok("twelve bytes")));
    try (RawHttp http = new RawHttp(port)) {
      http.send("HEAD / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n");
      RawHttp.Response head = http.read(true);
      assertEquals(200, head.status);
      assertEquals("12", head.header("content-length"));
      RawHttp.Response get = http.read();
      assertEquals("twelve bytes", get.body); // nothing came between the two answers
    }
  }

  @Test
  void headOfAStreamSendsNoBodyAndClosesTheStream() throws Exception {
    BufferedStream<String> stream = BufferedStream.create(1);
    int port = start(HttpHandler.sync(request -> HttpResponse.builder().body(stream).build()));
    try (RawHttp http = new RawHttp(port)) {
      http.send("HEAD / HTTP/1.1\r\nHost: x\r\n\r\nGET /next HTTP/1.1\r\nHost: x\r\n\r\n");
      RawHttp.Response head = http.read(true);
      assertEquals(200, head.status);
      assertNull(head.header("content-length"));
      stream.closed().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void connectionCloseIsHonoured() throws Exception {
    try (RawHttp http = new RawHttp(start(echoPath()))) {
      http.send("GET /bye HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      RawHttp.Response response = http.read();
      assertEquals("close", response.header("connection"));
      assertTrue(http.closedByServer());
    }
  }

  @Test
  void aResponseAskingForCloseClosesTheConnection() throws Exception {
    int port =
        start(
            HttpHandler.sync(
                request -> HttpResponse.builder().header("Connection", "close").body("x").build()));
    try (RawHttp http = new RawHttp(port)) {
      http.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
      assertEquals("close", http.read().header("connection"));
      assertTrue(http.closedByServer());
    }
  }

  @Test
  void http10ClosesUnlessKeepAliveAndStreamsAreCloseDelimited() throws Exception {
    int port =
        start(
            HttpHandler.sync(
                request ->
                    request.path().equals("/stream")
                        ? HttpResponse.builder()
                            .body(
                                io.beth.stream.Streams.fromPublisher(
                                    java.util.concurrent.Flow.Publisher.class.cast(
                                        (java.util.concurrent.Flow.Publisher<String>)
                                            s -> {
                                              BufferedStream<String> b = BufferedStream.create(2);
                                              b.put("a");
                                              b.put("b");
                                              b.close();
                                              b.subscribe(s);
                                            }),
                                    2))
                            .build()
                        : HttpResponse.ok("old")));
    try (RawHttp http = new RawHttp(port)) {
      http.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
      RawHttp.Response first = http.read();
      assertEquals("old", first.body);
      assertEquals("keep-alive", first.header("connection"));
      http.send("GET /stream HTTP/1.0\r\n\r\n");
      RawHttp.Response second = http.read();
      assertNull(second.header("transfer-encoding"));
      assertEquals("ab", second.body); // read to the end of the connection
    }
  }

  @Test
  void expectContinueGets100ThenTheAnswer() throws Exception {
    int port = start(request -> request.bodyString().thenApply(HttpResponse::ok));
    try (RawHttp http = new RawHttp(port)) {
      http.send("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
      assertEquals(100, http.read().status);
      http.send("hello");
      assertEquals("hello", http.read().body);
    }
  }

  @Test
  void expectContinueHookMayRefuseWith417() throws Exception {
    CompletableFuture<Boolean> handlerCalled = new CompletableFuture<>();
    int port =
        start(
            HttpHandler.sync(
                request -> {
                  handlerCalled.complete(true);
                  return HttpResponse.ok();
                }),
            HttpServerOptions.builder()
                .host("127.0.0.1")
                .expectContinue(request -> request.contentLength() < 100));
    try (RawHttp http = new RawHttp(port)) {
      http.send("PUT / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 500\r\n\r\n");
      assertEquals(417, http.read().status);
      assertTrue(http.closedByServer());
    }
    assertFalse(handlerCalled.isDone());
  }

  @Test
  void unknownExpectationIs417() throws Exception {
    try (RawHttp http = new RawHttp(start(echoPath()))) {
      http.send("GET / HTTP/1.1\r\nHost: x\r\nExpect: teapot\r\n\r\n");
      assertEquals(417, http.read().status);
    }
  }

  @Test
  void everyResponseHasADateAndKnownSizesAContentLength() throws Exception {
    try (RawHttp http = new RawHttp(start(echoPath()))) {
      http.send("GET /d HTTP/1.1\r\nHost: x\r\n\r\n");
      RawHttp.Response response = http.read();
      assertNotNull(response.header("date"));
      assertEquals("6", response.header("content-length"));
      assertNull(response.header("transfer-encoding"));
    }
  }

  @Test
  void streamsAreSentChunked() throws Exception {
    int port =
        start(
            HttpHandler.sync(
                request -> {
                  BufferedStream<Object> body = BufferedStream.create(4);
                  body.put("one,");
                  body.put("two,".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                  body.put(
                      java.nio.ByteBuffer.wrap(
                          "three".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                  body.close();
                  return HttpResponse.builder().body(body).build();
                }));
    try (RawHttp http = new RawHttp(port)) {
      http.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
      RawHttp.Response response = http.read();
      assertEquals("chunked", response.header("transfer-encoding"));
      assertEquals("one,two,three", response.body);
      http.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n"); // still usable
      assertEquals("one,two,three", http.read().body);
    }
  }
}
