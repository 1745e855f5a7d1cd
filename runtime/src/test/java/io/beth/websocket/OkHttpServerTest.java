package io.beth.websocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.http.HttpHandler;
import io.beth.http.HttpHeaders;
import io.beth.http.HttpServer;
import io.beth.http.HttpServerOptions;
import io.beth.stream.Streams;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.ByteString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server through an independent client: OkHttp's WebSocket. */
class OkHttpServerTest {

  private final OkHttpClient okhttp =
      new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(10)).build();
  private final WireCounter wire = new WireCounter();
  private final CompletableFuture<WebSocket> accepted = new CompletableFuture<>();
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(Duration.ofSeconds(1)).join();
    }
    okhttp.dispatcher().executorService().shutdown();
    okhttp.connectionPool().evictAll();
  }

  /** A server upgrading every request with {@code options}; echoes if {@code echo}. */
  private Request start(WebSocketOptions options, boolean echo) {
    server =
        HttpServer.start(
                HttpHandler.sync(
                    request -> {
                      WebSocketUpgrade upgrade = WebSockets.upgrade(request, options);
                      upgrade
                          .socket()
                          .thenAccept(
                              ws -> {
                                accepted.complete(ws);
                                if (echo) {
                                  Streams.connect(ws, ws);
                                }
                              });
                      return upgrade.response();
                    }),
                HttpServerOptions.builder()
                    .host("127.0.0.1")
                    .pipelineHook(p -> p.addFirst("wire-counter", wire))
                    .build())
            .join();
    return new Request.Builder().url("http://127.0.0.1:" + server.port() + "/ws").build();
  }

  private WebSocket socket() {
    return accepted.orTimeout(5, TimeUnit.SECONDS).join();
  }

  @Test
  void echoesTextAndBinary() throws Exception {
    OkHttpClientPeer client =
        OkHttpClientPeer.connect(okhttp, start(WebSocketOptions.DEFAULT, true));
    client.awaitOpen();
    assertTrue(client.socket.send("hello"));
    assertEquals("hello", client.next());
    assertTrue(client.socket.send(ByteString.of((byte) 1, (byte) 2, (byte) 3)));
    assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) client.next());
    assertTrue(client.socket.close(1000, "done"));
    assertEquals(new CloseStatus(1000, "done"), socket().closeStatus().get(5, TimeUnit.SECONDS));
    assertEquals(1000, client.closed.get(5, TimeUnit.SECONDS).code());
  }

  @Test
  void compressionIsNegotiatedAndShrinksTheWireBothWays() throws Exception {
    OkHttpClientPeer client =
        OkHttpClientPeer.connect(
            okhttp, start(WebSocketOptions.builder().compression(true).build(), true));
    Response handshake = client.awaitOpen();
    assertTrue(
        handshake.header("Sec-WebSocket-Extensions", "").contains("permessage-deflate"),
        handshake.headers().toString());
    assertTrue(socket().isCompressed());
    String big = "compressible text, ".repeat(10_000); // 190 kB
    long readBefore = wire.read.get();
    long writtenBefore = wire.written.get();
    assertTrue(client.socket.send(big));
    assertEquals(big, client.next());
    long read = wire.read.get() - readBefore;
    long written = wire.written.get() - writtenBefore;
    assertTrue(read < big.length() / 20, "read " + read + " bytes for " + big.length());
    assertTrue(written < big.length() / 20, "wrote " + written + " bytes for " + big.length());
    byte[] binary = new byte[100_000];
    assertTrue(client.socket.send(ByteString.of(binary)));
    assertArrayEquals(binary, (byte[]) client.next());
  }

  @Test
  void withoutCompressionTheOfferIsDeclined() throws Exception {
    OkHttpClientPeer client =
        OkHttpClientPeer.connect(okhttp, start(WebSocketOptions.DEFAULT, true));
    Response handshake = client.awaitOpen();
    assertNull(handshake.header("Sec-WebSocket-Extensions"));
    assertFalse(socket().isCompressed());
    String big = "x".repeat(50_000);
    assertTrue(client.socket.send(big));
    assertEquals(big, client.next());
  }

  @Test
  void theServersCloseCodeAndReasonReachTheClient() throws Exception {
    OkHttpClientPeer client =
        OkHttpClientPeer.connect(okhttp, start(WebSocketOptions.DEFAULT, false));
    client.awaitOpen();
    WebSocket ws = socket();
    ws.put("last words").join();
    ws.close(4001, "done");
    assertEquals("last words", client.next());
    assertEquals(new CloseStatus(4001, "done"), client.closed.get(5, TimeUnit.SECONDS));
    assertNull(ws.take().get(5, TimeUnit.SECONDS));
    assertEquals(4001, ws.closeStatus().get(5, TimeUnit.SECONDS).code());
  }

  @Test
  void theClientsCloseCodeAndReasonReachTheServer() throws Exception {
    OkHttpClientPeer client =
        OkHttpClientPeer.connect(okhttp, start(WebSocketOptions.DEFAULT, false));
    client.awaitOpen();
    WebSocket ws = socket();
    assertTrue(client.socket.close(4000, "bye"));
    assertNull(ws.take().get(5, TimeUnit.SECONDS));
    assertEquals(new CloseStatus(4000, "bye"), ws.closeStatus().get(5, TimeUnit.SECONDS));
    assertEquals(4000, client.closed.get(5, TimeUnit.SECONDS).code());
  }

  @Test
  void aSubprotocolIsSelectedAndExtraHeadersAreSent() throws Exception {
    Request request =
        start(
                WebSocketOptions.builder()
                    .subprotocols("chat", "superchat")
                    .headers(HttpHeaders.builder().add("X-Served-By", "beth").build())
                    .build(),
                false)
            .newBuilder()
            .header("Sec-WebSocket-Protocol", "other, superchat")
            .build();
    OkHttpClientPeer client = OkHttpClientPeer.connect(okhttp, request);
    Response handshake = client.awaitOpen();
    assertEquals("superchat", handshake.header("Sec-WebSocket-Protocol"));
    assertEquals("beth", handshake.header("X-Served-By"));
    assertEquals("superchat", socket().subprotocol());
  }

  @Test
  void theOriginCheckRefusesWith403() throws Exception {
    Request request =
        start(
            WebSocketOptions.builder()
                .originCheck(origin -> "https://good.example".equals(origin))
                .build(),
            false);
    OkHttpClientPeer refused =
        OkHttpClientPeer.connect(
            okhttp, request.newBuilder().header("Origin", "https://evil.example").build());
    Response response = refused.failed.get(10, TimeUnit.SECONDS);
    assertEquals(403, response.code());
    assertTrue(refused.failedBody.contains("https://evil.example"), refused.failedBody);

    OkHttpClientPeer allowed =
        OkHttpClientPeer.connect(
            okhttp, request.newBuilder().header("Origin", "https://good.example").build());
    assertEquals(101, allowed.awaitOpen().code());
  }

  @Test
  void clientPingsAreAnsweredAndHeartbeatsAnsweredByTheClient() throws Exception {
    // OkHttp fails the socket when a pong has not come back by its next ping
    OkHttpClient pinging = okhttp.newBuilder().pingInterval(Duration.ofMillis(300)).build();
    OkHttpClientPeer client =
        OkHttpClientPeer.connect(
            pinging,
            start(
                WebSocketOptions.builder()
                    .heartbeat(Duration.ofMillis(50), Duration.ofSeconds(5))
                    .build(),
                true));
    client.awaitOpen();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (pongs(client) < 2 && System.nanoTime() < deadline) {
      assertFalse(client.failed.isDone(), "OkHttp failed the socket");
      assertTrue(client.socket.send("tick"));
      assertEquals("tick", client.next()); // each round trip lets pings and pongs flow
    }
    assertTrue(pongs(client) >= 2, "OkHttp received pongs: " + pongs(client));
    assertFalse(client.failed.isDone(), "OkHttp saw a failure");
    assertNull(socket().closeStatus().getNow(null), "the server closed a live peer");
  }

  private static int pongs(OkHttpClientPeer client) {
    return ((okhttp3.internal.ws.RealWebSocket) client.socket).receivedPongCount();
  }
}
