package io.beth.websocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client against a hand-written server ({@link RawServer}) that breaks the protocol in ways a
 * real server will not: the close codes the client answers with, and what its socket reports.
 */
class WebSocketClientRawPeerTest {

  private RawServer peer;

  @AfterEach
  void stop() throws IOException {
    if (peer != null) {
      peer.close();
    }
  }

  private static <T> T await(CompletableFuture<T> f) {
    return f.orTimeout(10, TimeUnit.SECONDS).join();
  }

  /** Connects to a raw server that switches protocols with {@code extraHeaders}. */
  private WebSocket connect(WebSocketOptions options, String extraHeaders) throws IOException {
    peer = RawServer.switching(extraHeaders);
    return await(WebSocketClient.connect(peer.uri(), options));
  }

  /** Sends one final unmasked frame from the server. */
  private void send(int opcode, byte[] payload) throws IOException {
    RawClient.writeFrame(peer.socket(), 0x80 | opcode, payload, false);
  }

  /**
   * Asserts the client sent exactly one close frame, with {@code code}, then closed the connection;
   * returns the close frame's payload.
   */
  private byte[] assertOneCloseThenEnd(int code) throws IOException {
    Socket s = peer.socket();
    RawClient.Frame close = RawClient.readFrame(s);
    assertEquals(0x8, close.opcode(), "a close frame");
    if (code >= 0) {
      assertEquals(code, ((close.payload()[0] & 0xFF) << 8) | (close.payload()[1] & 0xFF));
    }
    assertEquals(-1, s.getInputStream().read(), "nothing after the close frame, then the end");
    return close.payload();
  }

  /** Asserts the socket ended with {@code code} and its inbound stream failed saying so. */
  private static void assertFailedWith(WebSocket ws, int code) {
    assertEquals(code, await(ws.closeStatus()).code());
    CompletionException e = assertThrows(CompletionException.class, () -> await(ws.take()));
    WebSocketException failed = assertInstanceOf(WebSocketException.class, e.getCause());
    assertTrue(failed.getMessage().contains("closed with " + code), failed.getMessage());
  }

  @Test
  void aSingleFrameMessageOverTheLimitClosesWith1009() throws Exception {
    WebSocket ws = connect(WebSocketOptions.builder().maxMessageSize(1024).build(), "");
    send(0x2, new byte[1000]);
    assertArrayEquals(new byte[1000], (byte[]) await(ws.take()));
    send(0x2, new byte[2000]);
    assertOneCloseThenEnd(1009);
    assertFailedWith(ws, 1009);
  }

  @Test
  void aCompressedMessageInflatingPastTheLimitClosesWith1009WithoutInflatingIt() throws Exception {
    WebSocket ws =
        connect(
            WebSocketOptions.builder().compression(true).maxMessageSize(64 * 1024).build(),
            "Sec-WebSocket-Extensions: permessage-deflate\r\n");
    assertTrue(ws.isCompressed());
    byte[] bomb = RawClient.deflate(new byte[16 << 20]); // 16 MiB of zeros in some 16 KiB
    RawClient.writeFrame(peer.socket(), 0x80 | 0x40 | 0x2, bomb, false);
    assertOneCloseThenEnd(1009);
    assertEquals(1009, await(ws.closeStatus()).code());
    CompletionException e = assertThrows(CompletionException.class, () -> await(ws.take()));
    // the inflater stopped at the limit: the message was never inflated whole
    assertInstanceOf(
        io.netty.handler.codec.compression.DecompressionException.class,
        e.getCause().getCause(),
        String.valueOf(e.getCause().getCause()));
  }

  @Test
  void aReservedOpcodeClosesWith1002() throws Exception {
    WebSocket ws = connect(WebSocketOptions.DEFAULT, "");
    send(0x3, new byte[] {1});
    assertOneCloseThenEnd(1002);
    assertFailedWith(ws, 1002);
  }

  @Test
  void aMaskedFrameFromTheServerClosesWith1002() throws Exception {
    WebSocket ws = connect(WebSocketOptions.DEFAULT, "");
    RawClient.writeFrame(peer.socket(), 0x80 | 0x1, "masked".getBytes(), true);
    assertOneCloseThenEnd(1002);
    assertFailedWith(ws, 1002);
  }

  @Test
  void invalidUtf8ClosesWith1007() throws Exception {
    WebSocket ws = connect(WebSocketOptions.DEFAULT, "");
    send(0x1, new byte[] {(byte) 0xC3, (byte) 0x28});
    assertOneCloseThenEnd(1007);
    assertFailedWith(ws, 1007);
  }

  @Test
  void aFrameOverTheMaximumFrameSizeClosesWith1009() throws Exception {
    WebSocket ws = connect(WebSocketOptions.builder().maxFrameSize(1024).build(), "");
    send(0x2, new byte[1024]);
    assertArrayEquals(new byte[1024], (byte[]) await(ws.take()));
    send(0x2, new byte[2000]);
    assertOneCloseThenEnd(1009);
    assertFailedWith(ws, 1009);
  }

  @Test
  void aFragmentedMessageOverTheLimitClosesWith1009() throws Exception {
    WebSocket ws = connect(WebSocketOptions.builder().maxMessageSize(1024).build(), "");
    RawClient.writeFrame(peer.socket(), 0x1, "x".repeat(800).getBytes(), false); // not final
    RawClient.writeFrame(peer.socket(), 0x80, "x".repeat(800).getBytes(), false); // continuation
    assertOneCloseThenEnd(1009);
    assertFailedWith(ws, 1009);
  }

  @Test
  void aPeerThatNeverAnswersTheCloseIsDroppedAfterTheCloseTimeout() throws Exception {
    WebSocket ws =
        connect(
            WebSocketOptions.builder().closeTimeout(java.time.Duration.ofMillis(200)).build(), "");
    ws.close(1000, "bye");
    assertOneCloseThenEnd(1000); // never answered: the client closes the connection
    CloseStatus status = await(ws.closeStatus());
    assertEquals(CloseStatus.ABNORMAL, status.code());
    assertTrue(status.reason().contains("no close frame from the peer"), status.reason());
  }

  @Test
  void anAbruptDisconnectFailsTheStreamSayingSo() throws Exception {
    WebSocket ws = connect(WebSocketOptions.DEFAULT, "");
    peer.socket().close();
    CompletionException e = assertThrows(CompletionException.class, () -> await(ws.take()));
    WebSocketException failed = assertInstanceOf(WebSocketException.class, e.getCause());
    assertTrue(
        failed.getMessage().contains("without a WebSocket close frame"), failed.getMessage());
    assertEquals(CloseStatus.ABNORMAL, await(ws.closeStatus()).code());
  }

  @Test
  void theServersCloseIsAnsweredWithTheSameCode() throws Exception {
    WebSocket ws = connect(WebSocketOptions.DEFAULT, "");
    send(0x8, new byte[] {0x0F, (byte) 0xA2, 'b', 'y', 'e'}); // 4002 "bye"
    assertOneCloseThenEnd(4002);
    assertEquals(new CloseStatus(4002, "bye"), await(ws.closeStatus()));
    assertEquals(null, await(ws.take()));
  }

  @Test
  void aPingFromTheServerIsAnsweredWithAPongOfItsPayload() throws Exception {
    WebSocket ws = connect(WebSocketOptions.DEFAULT, "");
    send(0x9, new byte[] {7, 8, 9});
    RawClient.Frame pong = RawClient.readFrame(peer.socket());
    assertEquals(0xA, pong.opcode());
    assertArrayEquals(new byte[] {7, 8, 9}, pong.payload());
    assertTrue(await(ws.put("still open")));
    assertEquals(
        "still open",
        new String(
            RawClient.readFrame(peer.socket(), 0x1), java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void aCloseWithoutAStatusIsReportedAs1005AndAnsweredWithoutOne() throws Exception {
    WebSocket ws = connect(WebSocketOptions.DEFAULT, "");
    send(0x8, new byte[0]);
    assertEquals(0, assertOneCloseThenEnd(-1).length, "an empty close frame in answer");
    assertEquals(new CloseStatus(CloseStatus.NO_STATUS, ""), await(ws.closeStatus()));
    assertEquals(null, await(ws.take()));
  }

  @Test
  void aServerThatNeverAnswersHeartbeatsIsDroppedAfterThePongTimeout() throws Exception {
    WebSocket ws =
        connect(
            WebSocketOptions.builder()
                .heartbeat(java.time.Duration.ofMillis(50), java.time.Duration.ofMillis(200))
                .build(),
            "");
    assertEquals(0x9, RawClient.readFrame(peer.socket()).opcode()); // a ping, never answered
    CompletionException e = assertThrows(CompletionException.class, () -> await(ws.take()));
    assertTrue(e.getCause().getMessage().contains("no pong"), e.getCause().getMessage());
    assertEquals(CloseStatus.ABNORMAL, await(ws.closeStatus()).code());
    while (true) { // pings, then the end of the connection
      int b = peer.socket().getInputStream().read();
      if (b < 0) {
        break;
      }
    }
  }

  @Test
  void aRefusalWithABodyOver64KibKeepsItsStatusAndTheStartOfTheBody() throws Exception {
    byte[] body = "no! ".repeat(50_000).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    java.io.ByteArrayOutputStream response = new java.io.ByteArrayOutputStream();
    response.write(
        ("HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nContent-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    response.write(body);
    peer = RawServer.answering(response.toByteArray());
    CompletionException e =
        assertThrows(CompletionException.class, () -> await(WebSocketClient.connect(peer.uri())));
    WebSocketHandshakeException refused =
        assertInstanceOf(WebSocketHandshakeException.class, e.getCause());
    assertEquals(403, refused.status());
    assertEquals("text/plain", refused.headers().get("Content-Type"));
    assertArrayEquals(java.util.Arrays.copyOf(body, 64 * 1024), refused.body());
  }

  @Test
  void aChunkedRefusalWithABodyOver64KibKeepsItsStatusAndTheStartOfTheBody() throws Exception {
    java.io.ByteArrayOutputStream response = new java.io.ByteArrayOutputStream();
    response.write(
        ("HTTP/1.1 503 Service Unavailable\r\nTransfer-Encoding: chunked\r\n\r\n")
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    byte[] chunk = "busy".repeat(10_000).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    for (int i = 0; i < 5; i++) {
      response.write(
          (Integer.toHexString(chunk.length) + "\r\n")
              .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      response.write(chunk);
      response.write("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    response.write("0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    peer = RawServer.answering(response.toByteArray());
    CompletionException e =
        assertThrows(CompletionException.class, () -> await(WebSocketClient.connect(peer.uri())));
    WebSocketHandshakeException refused =
        assertInstanceOf(WebSocketHandshakeException.class, e.getCause());
    assertEquals(503, refused.status());
    assertEquals("busy".repeat(16 * 1024), refused.bodyText());
  }

  @Test
  void aSubprotocolTheClientDidNotOfferFailsTheHandshake() throws Exception {
    peer = RawServer.switching("Sec-WebSocket-Protocol: bogus\r\n");
    CompletionException e =
        assertThrows(
            CompletionException.class,
            () ->
                await(
                    WebSocketClient.connect(
                        peer.uri(), WebSocketOptions.builder().subprotocols("chat").build())));
    WebSocketHandshakeException invalid =
        assertInstanceOf(WebSocketHandshakeException.class, e.getCause());
    assertTrue(invalid.getMessage().contains("subprotocol"), invalid.getMessage());
  }
}
