package io.beth.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.http.HttpHandler;
import io.beth.http.HttpServer;
import io.beth.http.HttpServerOptions;
import io.beth.http.SelfSignedTls;
import io.beth.stream.Streams;
import io.beth.transport.Tls;
import io.netty.channel.ConnectTimeoutException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code wss://} on both sides, with Netty contexts and with {@link Tls} values, and the client's
 * connect and handshake timeouts.
 */
class WebSocketTlsAndTimeoutTest {

  private static final SelfSignedTls TLS = SelfSignedTls.create("localhost");

  private HttpServer server;
  private final List<AutoCloseable> closeables = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.stop(Duration.ofSeconds(1)).join();
    }
    for (AutoCloseable c : closeables) {
      c.close();
    }
  }

  private static <T> T await(CompletableFuture<T> f) {
    return f.orTimeout(10, TimeUnit.SECONDS).join();
  }

  /** A TLS echo server; returns its wss URI on localhost. */
  private URI startTlsEcho() {
    server =
        HttpServer.start(
                HttpHandler.sync(
                    request -> {
                      WebSocketUpgrade upgrade = WebSockets.upgrade(request);
                      upgrade.socket().thenAccept(ws -> Streams.connect(ws, ws));
                      return upgrade.response();
                    }),
                HttpServerOptions.builder().sslContext(TLS.serverContext()).build())
            .join();
    return URI.create("wss://localhost:" + server.port() + "/ws");
  }

  /** An echo server with {@code tls}; returns its wss URI on localhost. */
  private URI startTlsEcho(Tls tls) {
    server =
        HttpServer.start(
                HttpHandler.sync(
                    request -> {
                      WebSocketUpgrade upgrade = WebSockets.upgrade(request);
                      upgrade.socket().thenAccept(ws -> Streams.connect(ws, ws));
                      return upgrade.response();
                    }),
                HttpServerOptions.builder().tls(tls).build())
            .join();
    return URI.create("wss://localhost:" + server.port() + "/ws");
  }

  private static SSLException sslCause(CompletionException e) {
    WebSocketException failed = assertInstanceOf(WebSocketException.class, e.getCause());
    Throwable cause = failed;
    while (cause != null && !(cause instanceof SSLException)) {
      cause = cause.getCause();
    }
    return assertInstanceOf(SSLException.class, cause, "caused by " + failed);
  }

  @Test
  void theServerSpeaksWssToTheJdkClient() throws Exception {
    URI uri = startTlsEcho();
    JdkClient client =
        JdkClient.connect(HttpClient.newBuilder().sslContext(TLS.jdkClientContext()).build(), uri);
    client.socket.sendText("over tls", true).join();
    assertEquals("over tls", client.next());
    client.socket.sendClose(1000, "").join();
    assertEquals(1000, client.closed.get(5, TimeUnit.SECONDS).code());
  }

  @Test
  void theClientConnectsOverWssWithItsTlsContext() {
    URI uri = startTlsEcho();
    WebSocket ws =
        await(
            WebSocketClient.connect(
                uri, WebSocketOptions.builder().sslContext(TLS.nettyClientContext()).build()));
    assertTrue(await(ws.put("secret")));
    assertEquals("secret", await(ws.take()));
    ws.close(1000, "bye");
    assertNull(await(ws.take()));
    assertEquals(1000, await(ws.closeStatus()).code());
  }

  @Test
  void theClientRefusesAnUntrustedCertificate() {
    URI uri = startTlsEcho();
    CompletionException e =
        assertThrows(CompletionException.class, () -> await(WebSocketClient.connect(uri)));
    WebSocketException failed = assertInstanceOf(WebSocketException.class, e.getCause());
    Throwable cause = failed;
    while (cause != null && !(cause instanceof SSLException)) {
      cause = cause.getCause();
    }
    assertInstanceOf(SSLException.class, cause, "caused by " + failed);
  }

  @Test
  void theClientRefusesACertificateForAnotherHost() {
    SelfSignedTls other = SelfSignedTls.create("beth.invalid"); // trusted, but not for localhost
    server =
        HttpServer.start(
                HttpHandler.sync(
                    request -> {
                      WebSocketUpgrade upgrade = WebSockets.upgrade(request);
                      upgrade.socket().thenAccept(ws -> Streams.connect(ws, ws));
                      return upgrade.response();
                    }),
                HttpServerOptions.builder().sslContext(other.serverContext()).build())
            .join();
    URI uri = URI.create("wss://localhost:" + server.port() + "/ws");
    CompletionException e =
        assertThrows(
            CompletionException.class,
            () ->
                await(
                    WebSocketClient.connect(
                        uri,
                        WebSocketOptions.builder()
                            .sslContext(other.nettyClientContext())
                            .build())));
    WebSocketException failed = assertInstanceOf(WebSocketException.class, e.getCause());
    Throwable cause = failed;
    while (cause != null && !(cause instanceof SSLException)) {
      cause = cause.getCause();
    }
    assertInstanceOf(SSLException.class, cause, "caused by " + failed);
    String chain = String.valueOf(cause) + cause.getCause();
    assertTrue(chain.contains("No name matching localhost"), chain);
  }

  @Test
  void aServerThatNeverAnswersTheHandshakeTimesOut() throws Exception {
    ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    closeables.add(silent); // the kernel accepts the connection; nobody ever answers
    CompletionException e =
        assertThrows(
            CompletionException.class,
            () ->
                await(
                    WebSocketClient.connect(
                        URI.create("ws://127.0.0.1:" + silent.getLocalPort() + "/ws"),
                        WebSocketOptions.builder()
                            .handshakeTimeout(Duration.ofMillis(300))
                            .build())));
    WebSocketException timeout = assertInstanceOf(WebSocketException.class, e.getCause());
    assertTrue(
        timeout.getMessage().contains("no WebSocket handshake within"), timeout.getMessage());
  }

  @Test
  void aConnectThatHangsTimesOut() throws Exception {
    ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    closeables.add(full);
    InetSocketAddress address = new InetSocketAddress("127.0.0.1", full.getLocalPort());
    // fill the accept queue: once it is full, the kernel drops further connection attempts
    for (int i = 0; i < 10; i++) {
      Socket s = new Socket();
      closeables.add(s);
      try {
        s.connect(address, 200);
      } catch (SocketTimeoutException queueFull) {
        break;
      }
    }
    CompletionException e =
        assertThrows(
            CompletionException.class,
            () ->
                await(
                    WebSocketClient.connect(
                        URI.create("ws://127.0.0.1:" + full.getLocalPort() + "/ws"),
                        WebSocketOptions.builder()
                            .connectTimeout(Duration.ofMillis(300))
                            .handshakeTimeout(Duration.ofSeconds(30))
                            .build())));
    WebSocketException failed = assertInstanceOf(WebSocketException.class, e.getCause());
    assertInstanceOf(ConnectTimeoutException.class, failed.getCause(), failed.toString());
  }

  @Test
  void aServerWithATlsValueSpeaksWssToTheJdkClient() throws Exception {
    URI uri = startTlsEcho(TLS.serverTls());
    JdkClient client =
        JdkClient.connect(HttpClient.newBuilder().sslContext(TLS.jdkClientContext()).build(), uri);
    client.socket.sendText("value over tls", true).join();
    assertEquals("value over tls", client.next());
    client.socket.sendClose(1000, "").join();
    assertEquals(1000, client.closed.get(5, TimeUnit.SECONDS).code());
  }

  @Test
  void theClientConnectsOverWssWithATlsValue() {
    URI uri = startTlsEcho(TLS.serverTls());
    WebSocket ws =
        await(
            WebSocketClient.connect(uri, WebSocketOptions.builder().tls(TLS.clientTls()).build()));
    assertTrue(await(ws.put("valued")));
    assertEquals("valued", await(ws.take()));
    ws.close(1000, "bye");
    assertNull(await(ws.take()));
  }

  @Test
  void aTlsValueRefusesACertificateForAnotherHostUnlessToldNotToCheck() {
    SelfSignedTls other = SelfSignedTls.create("beth.invalid"); // trusted, but not for localhost
    URI uri = startTlsEcho(other.serverTls());
    SSLException refused =
        sslCause(
            assertThrows(
                CompletionException.class,
                () ->
                    await(
                        WebSocketClient.connect(
                            uri, WebSocketOptions.builder().tls(other.clientTls()).build()))));
    String chain = String.valueOf(refused) + refused.getCause();
    assertTrue(chain.contains("No name matching localhost"), chain);
    WebSocket ws =
        await(
            WebSocketClient.connect(
                uri,
                WebSocketOptions.builder()
                    .tls(other.clientTls().toBuilder().hostnameVerification(false).build())
                    .build()));
    assertTrue(await(ws.put("unchecked")));
    assertEquals("unchecked", await(ws.take()));
    ws.close(1000, "bye");
  }

  @Test
  void anInsecureClientAcceptsAnUntrustedCertificate() {
    URI uri = startTlsEcho(SelfSignedTls.create("beth.invalid").serverTls());
    sslCause(assertThrows(CompletionException.class, () -> await(WebSocketClient.connect(uri))));
    WebSocket ws =
        await(
            WebSocketClient.connect(
                uri, WebSocketOptions.builder().tls(Tls.builder().insecure().build()).build()));
    assertTrue(await(ws.put("insecure")));
    assertEquals("insecure", await(ws.take()));
    ws.close(1000, "bye");
  }
}
