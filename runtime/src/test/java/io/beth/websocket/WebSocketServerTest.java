package io.beth.websocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.http.HttpHandler;
import io.beth.http.HttpServer;
import io.beth.stream.Streams;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebSocketServerTest {

  private HttpServer server;
  private final CompletableFuture<WebSocket> accepted = new CompletableFuture<>();
  private final CompletableFuture<Throwable> refused = new CompletableFuture<>();

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(Duration.ofSeconds(1)).join();
    }
  }

  /** A server upgrading every request with {@code options}; echoes if {@code echo}. */
  private int start(WebSocketOptions options, boolean echo) {
    server =
        HttpServer.start(
                HttpHandler.sync(
                    request -> {
                      WebSocketUpgrade upgrade = WebSockets.upgrade(request, options);
                      upgrade
                          .socket()
                          .whenComplete(
                              (ws, e) -> {
                                if (ws != null) {
                                  accepted.complete(ws);
                                  if (echo) {
                                    Streams.connect(ws, ws);
                                  }
                                } else {
                                  refused.complete(e);
                                }
                              });
                      return upgrade.response();
                    }))
            .join();
    return server.port();
  }

  private WebSocket socket() {
    return accepted.orTimeout(5, TimeUnit.SECONDS).join();
  }

  @Test
  void echoesTextAndBinary() throws Exception {
    JdkClient client = JdkClient.connect(start(WebSocketOptions.DEFAULT, true));
    client.socket.sendText("hello", true).join();
    assertEquals("hello", client.next());
    client.socket.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).join();
    assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) client.next());
    client.socket.sendClose(1000, "done").join();
    assertEquals(new CloseStatus(1000, "done"), socket().closeStatus().get(5, TimeUnit.SECONDS));
    assertEquals(1000, client.closed.get(5, TimeUnit.SECONDS).code());
  }

  @Test
  void anythingConvertibleToBytesGoesOutAsBinaryAndCharSequencesAsText() throws Exception {
    JdkClient client = JdkClient.connect(start(WebSocketOptions.DEFAULT, false));
    WebSocket ws = socket();
    assertTrue(ws.put(ByteBuffer.wrap(new byte[] {1, 2})).get(5, TimeUnit.SECONDS));
    assertTrue(
        ws.put(io.netty.buffer.Unpooled.wrappedBuffer(new byte[] {3, 4})).get(5, TimeUnit.SECONDS));
    assertTrue(ws.put(new StringBuilder("built")).get(5, TimeUnit.SECONDS));
    assertArrayEquals(new byte[] {1, 2}, (byte[]) client.next());
    assertArrayEquals(new byte[] {3, 4}, (byte[]) client.next());
    assertEquals("built", client.next());
  }

  @Test
  void aTenMebibyteFragmentedMessageIsAggregated() throws Exception {
    int port = start(WebSocketOptions.builder().maxMessageSize(16 << 20).build(), true);
    JdkClient client = JdkClient.connect(port);
    byte[] message = new byte[10 << 20];
    for (int i = 0; i < message.length; i++) {
      message[i] = (byte) (i * 31);
    }
    int fragment = 512 * 1024;
    for (int off = 0; off < message.length; off += fragment) {
      boolean last = off + fragment >= message.length;
      client.socket.sendBinary(ByteBuffer.wrap(message, off, fragment), last).join();
    }
    long start = System.nanoTime();
    // unmasking under the paranoid leak detector is slow: allow for it
    assertArrayEquals(message, (byte[]) client.next(90));
    System.err.println("10 MiB echo ms " + (System.nanoTime() - start) / 1_000_000);
  }

  @Test
  void aMessageOverTheLimitClosesWith1009() throws Exception {
    int port = start(WebSocketOptions.builder().maxMessageSize(1024).build(), false);
    JdkClient client = JdkClient.connect(port);
    client.socket.sendText("x".repeat(800), false).join();
    client.socket.sendText("x".repeat(800), true).join();
    assertEquals(1009, client.closed.get(5, TimeUnit.SECONDS).code());
    WebSocket ws = socket();
    assertEquals(1009, ws.closeStatus().get(5, TimeUnit.SECONDS).code());
    CompletionException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            CompletionException.class, () -> ws.take().orTimeout(5, TimeUnit.SECONDS).join());
    assertInstanceOf(WebSocketException.class, e.getCause());
  }

  @Test
  void aSingleFrameMessageOverTheLimitClosesWith1009() throws Exception {
    // one whole frame, far below the maximum frame size: the aggregator lets it through unchecked
    int port = start(WebSocketOptions.builder().maxMessageSize(1024).build(), true);
    JdkClient client = JdkClient.connect(port);
    client.socket.sendText("x".repeat(1000), true).join();
    assertEquals("x".repeat(1000), client.next());
    client.socket.sendBinary(ByteBuffer.wrap(new byte[2000]), true).join();
    assertEquals(1009, client.closed.get(5, TimeUnit.SECONDS).code());
    WebSocket ws = socket();
    assertEquals(1009, ws.closeStatus().get(5, TimeUnit.SECONDS).code());
    assertTrue(client.messages.isEmpty(), "the oversized message was echoed");
  }

  @Test
  void aCompressedMessageInflatingPastTheLimitClosesWith1009WithoutInflatingIt() throws Exception {
    int port =
        start(
            WebSocketOptions.builder().compression(true).maxMessageSize(64 * 1024).build(), false);
    try (java.net.Socket raw =
        RawClient.handshake(port, "Sec-WebSocket-Extensions: permessage-deflate\r\n")) {
      WebSocket ws = socket();
      assertTrue(ws.isCompressed());
      byte[] bomb = RawClient.deflate(new byte[16 << 20]); // 16 MiB of zeros in some 16 KiB
      assertTrue(bomb.length < 64 * 1024, "compressed to " + bomb.length);
      RawClient.writeFrame(raw, 0x80 | 0x40 | 0x2, bomb, true); // FIN, RSV1 (compressed), binary
      assertEquals(1009, RawClient.readCloseCode(raw));
      assertEquals(1009, ws.closeStatus().get(5, TimeUnit.SECONDS).code());
      CompletionException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              CompletionException.class, () -> ws.take().orTimeout(5, TimeUnit.SECONDS).join());
      // the inflater stopped at the limit: the message was never inflated whole
      assertInstanceOf(
          io.netty.handler.codec.compression.DecompressionException.class,
          e.getCause().getCause(),
          String.valueOf(e.getCause().getCause()));
    }
  }

  @Test
  void aFrameOverTheMaximumFrameSizeClosesWith1009() throws Exception {
    int port = start(WebSocketOptions.builder().maxFrameSize(1024).build(), true);
    JdkClient client = JdkClient.connect(port);
    client.socket.sendText("x".repeat(1000), true).join();
    assertEquals("x".repeat(1000), client.next());
    client.socket.sendText("x".repeat(2000), true).join();
    assertEquals(1009, client.closed.get(5, TimeUnit.SECONDS).code());
    assertEquals(1009, socket().closeStatus().get(5, TimeUnit.SECONDS).code());
  }

  @Test
  void aPeerThatNeverAnswersTheCloseIsDroppedAfterTheCloseTimeout() throws Exception {
    int port =
        start(WebSocketOptions.builder().closeTimeout(Duration.ofMillis(200)).build(), false);
    try (java.net.Socket raw = RawClient.handshake(port)) {
      WebSocket ws = socket();
      ws.close(1000, "bye");
      assertEquals(1000, RawClient.readCloseCode(raw)); // and never answer it
      CloseStatus status = ws.closeStatus().get(5, TimeUnit.SECONDS);
      assertEquals(CloseStatus.ABNORMAL, status.code());
      assertTrue(status.reason().contains("no close frame from the peer"), status.reason());
      assertEquals(-1, raw.getInputStream().read()); // the server closed the connection
    }
  }

  @Test
  void aPingIsAnsweredWithItsPayload() throws Exception {
    int port = start(WebSocketOptions.DEFAULT, false);
    try (java.net.Socket raw = RawClient.handshake(port)) {
      socket();
      RawClient.sendFrame(raw, 0x9, new byte[] {7, 8, 9});
      assertArrayEquals(new byte[] {7, 8, 9}, RawClient.readFrame(raw, 0xA));
    }
  }

  @Test
  void theClientsCloseCodeAndReasonReachTheServer() throws Exception {
    JdkClient client = JdkClient.connect(start(WebSocketOptions.DEFAULT, false));
    WebSocket ws = socket();
    client.socket.sendClose(4000, "bye").join();
    assertNull(ws.take().get(5, TimeUnit.SECONDS));
    assertEquals(new CloseStatus(4000, "bye"), ws.closeStatus().get(5, TimeUnit.SECONDS));
    assertEquals(4000, client.closed.get(5, TimeUnit.SECONDS).code());
  }

  @Test
  void aCloseWithoutAStatusIsReportedAs1005AndAnsweredWithoutOne() throws Exception {
    int port = start(WebSocketOptions.DEFAULT, false);
    try (java.net.Socket raw = RawClient.handshake(port)) {
      WebSocket ws = socket();
      RawClient.sendFrame(raw, 0x8, new byte[0]);
      assertEquals(0, RawClient.readFrame(raw, 0x8).length, "an empty close frame in answer");
      assertEquals(
          new CloseStatus(CloseStatus.NO_STATUS, ""), ws.closeStatus().get(5, TimeUnit.SECONDS));
      assertNull(ws.take().get(5, TimeUnit.SECONDS));
      assertEquals(-1, raw.getInputStream().read()); // the server closed the connection
    }
  }

  @Test
  void theServersCloseCodeAndReasonReachTheClient() throws Exception {
    JdkClient client = JdkClient.connect(start(WebSocketOptions.DEFAULT, false));
    WebSocket ws = socket();
    ws.put("last words").join();
    ws.close(4001, "done");
    assertEquals("last words", client.next());
    assertEquals(new CloseStatus(4001, "done"), client.closed.get(5, TimeUnit.SECONDS));
    assertEquals(4001, ws.closeStatus().get(5, TimeUnit.SECONDS).code());
  }

  @Test
  void aCloseThatCannotGoOnTheWireIsRefusedAtOnceAndTheSocketStaysUsable() throws Exception {
    JdkClient client = JdkClient.connect(start(WebSocketOptions.DEFAULT, false));
    WebSocket ws = socket();
    for (int code : new int[] {999, 1004, 1005, 1006, 1015, 1016, 2999, 5000}) {
      assertThrows(IllegalArgumentException.class, () -> ws.close(code, "no"), "code " + code);
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> ws.close(1000, "é".repeat(62)),
        "a reason of 124 UTF-8 bytes makes a close frame over 125 bytes");
    ws.put("still open").join();
    assertEquals("still open", client.next());
    ws.close(3000, "é".repeat(61) + "x");
    assertEquals(
        new CloseStatus(3000, "é".repeat(61) + "x"), client.closed.get(5, TimeUnit.SECONDS));
  }

  @Test
  void aNullCloseReasonIsSentAsNone() throws Exception {
    JdkClient client = JdkClient.connect(start(WebSocketOptions.DEFAULT, false));
    socket().close(CloseStatus.GOING_AWAY, null);
    assertEquals(
        new CloseStatus(CloseStatus.GOING_AWAY, ""), client.closed.get(5, TimeUnit.SECONDS));
  }

  @Test
  void aSubprotocolIsSelected() throws Exception {
    int port = start(WebSocketOptions.builder().subprotocols("chat", "superchat").build(), false);
    JdkClient client = JdkClient.connect(port, "other", "superchat");
    assertEquals("superchat", client.socket.getSubprotocol());
    assertEquals("superchat", socket().subprotocol());
  }

  @Test
  void withoutASharedSubprotocolNoneIsSelected() throws Exception {
    int port = start(WebSocketOptions.builder().subprotocols("chat", "superchat").build(), true);
    JdkClient client = JdkClient.connect(port, "other");
    assertEquals("", client.socket.getSubprotocol());
    assertNull(socket().subprotocol());
    client.socket.sendText("still works", true).join();
    assertEquals("still works", client.next());
  }

  @Test
  void anUnsupportedVersionGets426NamingTheSupportedOne() throws Exception {
    int port = start(WebSocketOptions.DEFAULT, false);
    try (java.net.Socket raw = new java.net.Socket("127.0.0.1", port)) {
      raw.setSoTimeout(5000);
      raw.getOutputStream()
          .write(
              ("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                      + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                      + "Sec-WebSocket-Version: 8\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String head = RawClient.readHead(raw.getInputStream());
      assertTrue(head.startsWith("HTTP/1.1 426"), head);
      assertTrue(
          head.toLowerCase(java.util.Locale.ROOT).contains("sec-websocket-version: 13"), head);
    }
    WebSocketHandshakeException e =
        assertInstanceOf(WebSocketHandshakeException.class, refused.get(5, TimeUnit.SECONDS));
    assertEquals(426, e.status());
    assertTrue(!accepted.isDone());
  }

  @Test
  void aRequestThatIsNotAnUpgradeGets400WithAReason() throws Exception {
    int port = start(WebSocketOptions.DEFAULT, false);
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ws")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(400, response.statusCode());
    assertTrue(response.body().contains("Upgrade: websocket"), response.body());
  }

  @Test
  void heartbeatPingsAreAnsweredByALivePeer() throws Exception {
    Duration pongTimeout = Duration.ofMillis(300);
    int port =
        start(
            WebSocketOptions.builder().heartbeat(Duration.ofMillis(50), pongTimeout).build(), true);
    JdkClient client = JdkClient.connect(port);
    WebSocket ws = socket();
    // the scenario: a live peer that sends nothing but pongs, for over three pong timeouts
    Thread.sleep(4 * pongTimeout.toMillis());
    assertTrue(client.pings.get() >= 3, "pings: " + client.pings.get());
    assertNull(ws.closeStatus().getNow(null), "closed a live peer");
    client.socket.sendText("still open", true).join();
    assertEquals("still open", client.next());
  }

  @Test
  void aDeadPeerIsClosedAfterThePongTimeout() throws Exception {
    int port =
        start(
            WebSocketOptions.builder()
                .heartbeat(Duration.ofMillis(50), Duration.ofMillis(200))
                .build(),
            false);
    try (java.net.Socket raw = RawClient.handshake(port)) {
      WebSocket ws = socket();
      CompletionException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              CompletionException.class, () -> ws.take().orTimeout(5, TimeUnit.SECONDS).join());
      assertTrue(e.getCause().getMessage().contains("no pong"), e.getCause().getMessage());
      assertEquals(CloseStatus.ABNORMAL, ws.closeStatus().get(5, TimeUnit.SECONDS).code());
    }
  }

  @Test
  void anAbruptDisconnectFailsTheStreamSayingSo() throws Exception {
    int port = start(WebSocketOptions.DEFAULT, false);
    java.net.Socket raw = RawClient.handshake(port);
    WebSocket ws = socket();
    raw.close();
    CompletionException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            CompletionException.class, () -> ws.take().orTimeout(5, TimeUnit.SECONDS).join());
    assertTrue(
        e.getCause().getMessage().contains("without a WebSocket close frame"),
        e.getCause().getMessage());
  }

  @Test
  void invalidUtf8ClosesWith1007() throws Exception {
    int port = start(WebSocketOptions.DEFAULT, false);
    try (java.net.Socket raw = RawClient.handshake(port)) {
      WebSocket ws = socket();
      RawClient.sendFrame(raw, 0x1, new byte[] {(byte) 0xC3, (byte) 0x28});
      assertEquals(1007, RawClient.readCloseCode(raw));
      assertEquals(1007, ws.closeStatus().get(5, TimeUnit.SECONDS).code());
    }
  }

  @Test
  void aReservedOpcodeClosesWith1002() throws Exception {
    int port = start(WebSocketOptions.DEFAULT, false);
    try (java.net.Socket raw = RawClient.handshake(port)) {
      WebSocket ws = socket();
      RawClient.sendFrame(raw, 0x3, new byte[] {1});
      assertEquals(1002, RawClient.readCloseCode(raw));
      assertEquals(1002, ws.closeStatus().get(5, TimeUnit.SECONDS).code());
    }
  }

  @Test
  void aThousandJdkClientsSharingOneHttpClientEachEchoSeveralTimes() throws Exception {
    java.util.Queue<WebSocket> serverSockets = new java.util.concurrent.ConcurrentLinkedQueue<>();
    server =
        HttpServer.start(
                HttpHandler.sync(
                    request -> {
                      WebSocketUpgrade upgrade = WebSockets.upgrade(request);
                      upgrade
                          .socket()
                          .thenAccept(
                              ws -> {
                                serverSockets.add(ws);
                                Streams.connect(ws, ws);
                              });
                      return upgrade.response();
                    }))
            .join();
    URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/ws");
    java.util.concurrent.ExecutorService executor =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      HttpClient http = HttpClient.newBuilder().executor(executor).build();
      java.util.List<JdkClient> clients = new java.util.ArrayList<>();
      for (int wave = 0; wave < 10; wave++) { // waves of 100: the accept backlog is finite
        java.util.List<CompletableFuture<JdkClient>> connects = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
          connects.add(JdkClient.connectAsync(http, uri));
        }
        for (CompletableFuture<JdkClient> c : connects) {
          clients.add(c.get(20, TimeUnit.SECONDS));
        }
      }
      for (int round = 0; round < 5; round++) { // every client has one message in flight
        java.util.List<CompletableFuture<?>> sends = new java.util.ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
          sends.add(clients.get(i).socket.sendText("c" + i + "r" + round, true));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        for (int i = 0; i < clients.size(); i++) {
          assertEquals("c" + i + "r" + round, clients.get(i).next(20));
        }
      }
      for (JdkClient c : clients) {
        c.socket.sendClose(1000, "");
      }
      for (JdkClient c : clients) {
        assertEquals(1000, c.closed.get(20, TimeUnit.SECONDS).code());
      }
      assertEquals(1000, serverSockets.size());
      for (WebSocket ws : serverSockets) {
        assertEquals(1000, ws.closeStatus().get(20, TimeUnit.SECONDS).code());
      }
    } finally {
      executor.shutdownNow();
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] copy(byte[] b) {
    return Arrays.copyOf(b, b.length);
  }
}
