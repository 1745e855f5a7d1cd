package io.beth.websocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against an independent server: Jetty 12's WebSocket server. */
class JettyServerClientTest {

  private JettyPeer jetty;

  @BeforeEach
  void start() throws Exception {
    jetty = new JettyPeer();
  }

  @AfterEach
  void stop() throws Exception {
    jetty.close();
  }

  private static <T> T await(CompletableFuture<T> f) {
    return f.orTimeout(10, TimeUnit.SECONDS).join();
  }

  @Test
  void echoesTextAndBinary() {
    WebSocket ws = await(WebSocketClient.connect(jetty.uri("/echo")));
    assertNull(ws.subprotocol());
    assertTrue(await(ws.put("hello")));
    assertEquals("hello", await(ws.take()));
    assertTrue(await(ws.put(new byte[] {1, 2, 3})));
    assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) await(ws.take()));
    ws.close(1000, "done");
    assertNull(await(ws.take()));
    assertEquals(1000, await(ws.closeStatus()).code());
  }

  @Test
  void theClientsCloseCodeAndReasonReachTheServer() {
    WebSocket ws = await(WebSocketClient.connect(jetty.uri("/echo")));
    ws.close(4000, "client says bye");
    assertEquals(new CloseStatus(4000, "client says bye"), await(jetty.endpoint().closed));
    assertNull(await(ws.take()));
    assertEquals(4000, await(ws.closeStatus()).code());
  }

  @Test
  void theServersCloseCodeAndReasonAreReadable() {
    WebSocket ws = await(WebSocketClient.connect(jetty.uri("/echo")));
    await(ws.put("close:4002"));
    assertNull(await(ws.take()));
    assertEquals(new CloseStatus(4002, "server says bye"), await(ws.closeStatus()));
    assertEquals(4002, await(jetty.endpoint().closed).code());
  }

  @Test
  void aSubprotocolIsSelected() {
    WebSocket ws =
        await(
            WebSocketClient.connect(
                jetty.uri("/echo"),
                WebSocketOptions.builder().subprotocols("chat", "superchat").build()));
    assertEquals("superchat", ws.subprotocol());
    assertEquals(
        "superchat", jetty.endpoint().session.getUpgradeResponse().getAcceptedSubProtocol());
    ws.close();
  }

  @Test
  void withoutASharedSubprotocolNoneIsSelected() {
    WebSocket ws =
        await(
            WebSocketClient.connect(
                jetty.uri("/echo"), WebSocketOptions.builder().subprotocols("chat").build()));
    assertNull(ws.subprotocol());
    assertTrue(await(ws.put("still works")));
    assertEquals("still works", await(ws.take()));
    ws.close();
  }

  @Test
  void extraRequestHeadersReachTheServer() {
    WebSocket ws =
        await(
            WebSocketClient.connect(
                jetty.uri("/echo"),
                WebSocketOptions.builder()
                    .headers(io.beth.http.HttpHeaders.builder().add("X-Token", "secret").build())
                    .build()));
    assertEquals("secret", jetty.endpoint().session.getUpgradeRequest().getHeader("X-Token"));
    ws.close();
  }

  @Test
  void compressionIsNegotiatedAndShrinksTheWire() throws Exception {
    WebSocket ws =
        await(
            WebSocketClient.connect(
                jetty.uri("/echo"), WebSocketOptions.builder().compression(true).build()));
    assertTrue(ws.isCompressed());
    assertTrue(
        jetty.endpoint().session.getUpgradeResponse().getExtensions().stream()
            .anyMatch(e -> e.getName().equals("permessage-deflate")));
    String big = "compressible text, ".repeat(10_000);
    await(ws.put(big));
    assertEquals(big, await(ws.take()));
    byte[] binary = new byte[200_000];
    await(ws.put(binary));
    assertArrayEquals(binary, (byte[]) await(ws.take()));
    ws.close();
    await(jetty.endpoint().closed);
    long[] wire = jetty.closedConnections.poll(10, TimeUnit.SECONDS);
    int plain = big.length() + binary.length;
    assertTrue(wire[0] < plain / 20, "Jetty read " + wire[0] + " bytes for " + plain);
    assertTrue(wire[1] < plain / 20, "Jetty wrote " + wire[1] + " bytes for " + plain);
  }

  @Test
  void withoutCompressionNoExtensionIsNegotiated() {
    WebSocket ws = await(WebSocketClient.connect(jetty.uri("/echo")));
    assertFalse(ws.isCompressed());
    assertTrue(jetty.endpoint().session.getUpgradeResponse().getExtensions().isEmpty());
    ws.close();
  }

  @Test
  void aRefusedHandshakeFailsWithTheStatusAndBody() {
    CompletionException e =
        assertThrows(
            CompletionException.class, () -> await(WebSocketClient.connect(jetty.uri("/refuse"))));
    WebSocketHandshakeException refused =
        assertInstanceOf(WebSocketHandshakeException.class, e.getCause());
    assertEquals(403, refused.status());
    assertEquals("go away", refused.bodyText());
    assertEquals("text/plain", refused.headers().get("Content-Type"));
  }

  @Test
  void heartbeatPingsAreAnsweredByJetty() throws Exception {
    java.time.Duration pongTimeout = java.time.Duration.ofMillis(300);
    WebSocket ws =
        await(
            WebSocketClient.connect(
                jetty.uri("/echo"),
                WebSocketOptions.builder()
                    .heartbeat(java.time.Duration.ofMillis(50), pongTimeout)
                    .build()));
    // the scenario: a live server that sends nothing but pongs, for over three pong timeouts
    Thread.sleep(4 * pongTimeout.toMillis());
    int pings = jetty.endpoint().pings.get();
    assertTrue(pings >= 3, "pings: " + pings);
    assertNull(ws.closeStatus().getNow(null), "closed a live peer");
    assertTrue(await(ws.put("still open")));
    assertEquals("still open", await(ws.take()));
    ws.close(1000, "");
    assertEquals(1000, await(jetty.endpoint().closed).code());
  }

  @Test
  void aTenMebibyteFragmentedMessageFromJettyIsAggregated() {
    WebSocket ws =
        await(
            WebSocketClient.connect(
                jetty.uri("/echo"), WebSocketOptions.builder().maxMessageSize(16 << 20).build()));
    int fragment = 512 * 1024;
    int count = 20;
    await(ws.put("fragments:" + count + ":" + fragment));
    byte[] message = (byte[]) ws.take().orTimeout(60, TimeUnit.SECONDS).join();
    byte[] expected = new byte[count * fragment];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = (byte) (i * 31);
    }
    assertArrayEquals(expected, message);
    ws.close(1000, "");
    assertEquals(1000, await(ws.closeStatus()).code());
  }
}
