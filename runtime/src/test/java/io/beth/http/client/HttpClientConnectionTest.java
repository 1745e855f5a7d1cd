package io.beth.http.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.http.ClientRequest;
import io.beth.http.ClientResponse;
import io.beth.http.ConnectTimeoutException;
import io.beth.http.HttpClient;
import io.beth.http.HttpClientOptions;
import io.beth.http.HttpConnectException;
import io.beth.http.ReadTimeoutException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Connections: connect and read-idle timeouts, stale keep-alive connections, pool limits across
 * hosts, and what cancellation does to a connection; against MockWebServer and Jetty.
 */
class HttpClientConnectionTest {

  private MockWebServer server;
  private HttpClient client;

  @BeforeEach
  void setUp() throws Exception {
    server = new MockWebServer();
    server.start(0);
    client =
        HttpClient.create(
            HttpClientOptions.builder().readIdleTimeout(Duration.ofSeconds(10)).build());
  }

  @AfterEach
  void tearDown() throws Exception {
    client.close();
    server.shutdown();
  }

  private URI uri(String path) {
    return server.url(path).uri();
  }

  private static <T> T await(CompletableFuture<T> f) throws Exception {
    return f.get(10, TimeUnit.SECONDS);
  }

  private static Throwable failure(CompletableFuture<?> f) {
    return assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS)).getCause();
  }

  private RecordedRequest recorded() throws InterruptedException {
    RecordedRequest r = server.takeRequest(10, TimeUnit.SECONDS);
    assertTrue(r != null, "the server saw no request");
    return r;
  }

  @Test
  void aServerWhoseAcceptQueueIsFullFailsWithTheConnectTimeout() throws Exception {
    // A listening socket that never accepts, its backlog filled: Linux drops further SYNs, so a
    // connect neither succeeds nor is refused until it times out.
    List<Socket> fillers = new ArrayList<>();
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      InetSocketAddress address = (InetSocketAddress) listener.getLocalSocketAddress();
      boolean full = false;
      for (int i = 0; i < 16 && !full; i++) {
        Socket s = new Socket();
        fillers.add(s);
        try {
          s.connect(address, 200);
        } catch (SocketTimeoutException e) {
          full = true;
        }
      }
      assertTrue(full, "the accept queue never filled");
      try (HttpClient c =
          HttpClient.create(
              HttpClientOptions.builder().connectTimeout(Duration.ofMillis(300)).build())) {
        URI target = URI.create("http://127.0.0.1:" + address.getPort() + "/");
        Throwable t = failure(c.send(ClientRequest.get(target).build()));
        assertInstanceOf(ConnectTimeoutException.class, t);
        assertInstanceOf(
            java.net.ConnectException.class,
            t.getCause(),
            "the transport's exception is kept as the cause");
        assertEquals(0, c.poolStats().open());
      }
    } finally {
      for (Socket s : fillers) {
        s.close();
      }
    }
  }

  @Test
  void aRefusedConnectFailsWithHttpConnectExceptionKeepingTheCause() throws Exception {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort(); // nothing listens there once it is closed
    }
    URI target = URI.create("http://127.0.0.1:" + port + "/");
    Throwable t = failure(client.send(ClientRequest.get(target).build()));
    HttpConnectException e = assertInstanceOf(HttpConnectException.class, t);
    assertInstanceOf(java.net.ConnectException.class, e, "a java.net.ConnectException too");
    assertEquals("127.0.0.1:" + port, e.destination());
    assertEquals("cannot connect to 127.0.0.1:" + port + ": Connection refused", e.getMessage());
    assertInstanceOf(java.net.ConnectException.class, e.getCause(), "the transport's exception");
    assertTrue(e.getCause().getMessage().contains("refused"), e.getCause().getMessage());
    assertEquals(0, client.poolStats().open());
  }

  @Test
  void aBodyThatStallsFailsTheBodyStreamWithTheReadTimeout() throws Exception {
    server.enqueue(
        new MockResponse()
            .setBody(new Buffer().write(new byte[64 * 1024]))
            .throttleBody(
                1024, 3, TimeUnit.SECONDS)); // a stall well within MockWebServer's 5 s stop
    try (HttpClient c =
        HttpClient.create(
            HttpClientOptions.builder().readIdleTimeout(Duration.ofMillis(300)).build())) {
      ClientResponse response = await(c.send(ClientRequest.get(uri("/stall")).build()));
      assertInstanceOf(ReadTimeoutException.class, failure(response.bytes()));
    }
  }

  @Test
  void aStalePooledConnectionIsRetriedOnceForAGet() throws Exception {
    server.enqueue(new MockResponse().setBody("first"));
    // the server reads the next request on the kept-alive connection, then closes it unanswered
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(new MockResponse().setBody("retried"));
    assertEquals("first", await(await(client.send(ClientRequest.get(uri("/1")).build())).string()));
    assertEquals(
        "retried", await(await(client.send(ClientRequest.get(uri("/2")).build())).string()));
    assertEquals(0, recorded().getSequenceNumber());
    RecordedRequest lost = recorded();
    assertEquals("/2", lost.getPath());
    assertEquals(1, lost.getSequenceNumber());
    RecordedRequest retry = recorded();
    assertEquals("/2", retry.getPath());
    assertEquals(0, retry.getSequenceNumber(), "the retry used a new connection");
  }

  @Test
  void aStalePooledConnectionIsNotRetriedForAPost() throws Exception {
    server.enqueue(new MockResponse().setBody("first"));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(new MockResponse().setBody("must not be reached"));
    assertEquals("first", await(await(client.send(ClientRequest.get(uri("/1")).build())).string()));
    Throwable t = failure(client.send(ClientRequest.post(uri("/2")).body("once").build()));
    assertInstanceOf(IOException.class, t);
    recorded();
    assertEquals("once", recorded().getBody().readUtf8());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void theTotalLimitMakesARequestToAnotherHostWait() throws Exception {
    try (MockWebServer other = new MockWebServer();
        HttpClient small =
            HttpClient.create(HttpClientOptions.builder().maxConnections(1).build())) {
      other.start(0);
      server.enqueue(new MockResponse().setBody(new Buffer().write(new byte[1024 * 1024])));
      other.enqueue(new MockResponse().setBody("other"));
      ClientResponse first = await(small.send(ClientRequest.get(uri("/big")).build()));
      CompletableFuture<ClientResponse> waiting =
          small.send(ClientRequest.get(other.url("/").uri()).build());
      assertEquals(1, small.poolStats().pending());
      assertEquals(1, small.poolStats().open());
      assertEquals(1024 * 1024, await(first.bytes()).length);
      assertEquals("other", await(await(waiting).string()));
      assertEquals(0, small.poolStats().pending());
    }
  }

  @Test
  void concurrentRequestsOpenNoMoreConnectionsThanThePerHostLimit() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (JettyOrigin jetty =
            JettyOrigin.start(
                (request, response) -> {
                  release.await(10, TimeUnit.SECONDS);
                  JettyOrigin.write(response, "ok");
                });
        HttpClient small =
            HttpClient.create(HttpClientOptions.builder().maxConnectionsPerHost(2).build())) {
      List<CompletableFuture<String>> calls = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        calls.add(
            small
                .send(ClientRequest.get(jetty.uri("/" + i)).build())
                .thenCompose(ClientResponse::string));
      }
      assertEquals(2, small.poolStats().open());
      assertEquals(4, small.poolStats().pending());
      release.countDown();
      for (CompletableFuture<String> call : calls) {
        assertEquals("ok", await(call));
      }
      assertEquals(2, jetty.opened.get(), "the server saw two connections");
    }
  }

  @Test
  void cancellingAnExchangeClosesItsConnectionAndTheNextRequestOpensANewOne() throws Exception {
    // A plain socket origin: it sees the request, never answers, and watches for the close.
    try (ServerSocket listener = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
      URI origin = URI.create("http://127.0.0.1:" + listener.getLocalPort());
      CompletableFuture<ClientResponse> slow =
          client.send(ClientRequest.get(origin.resolve("/slow")).build());
      try (Socket first = listener.accept()) {
        first.setSoTimeout(10_000);
        assertTrue(readHead(first).startsWith("GET /slow "), "the origin saw the request");
        assertTrue(slow.cancel(true));
        assertEquals(
            -1, first.getInputStream().read(), "the cancelled exchange's connection closed");
      }
      CompletableFuture<ClientResponse> next =
          client.send(ClientRequest.get(origin.resolve("/next")).build());
      try (Socket second = listener.accept()) {
        second.setSoTimeout(10_000);
        assertTrue(readHead(second).startsWith("GET /next "), "a new connection carried it");
        second
            .getOutputStream()
            .write(
                "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
                    .getBytes(StandardCharsets.US_ASCII));
        assertEquals("ok", await(await(next).string()));
      }
    }
  }

  /** The request head read from {@code socket}, up to the blank line. */
  private static String readHead(Socket socket) throws IOException {
    StringBuilder head = new StringBuilder();
    java.io.InputStream in = socket.getInputStream();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.append((char) b);
    }
    return head.toString();
  }

  @Test
  void aResponseReadToItsEndAndClosedReturnsItsConnectionToThePool() throws Exception {
    try (JettyOrigin jetty =
        JettyOrigin.start((request, response) -> JettyOrigin.write(response, "body"))) {
      for (int i = 0; i < 3; i++) {
        try (ClientResponse r = await(client.send(ClientRequest.get(jetty.uri("/")).build()))) {
          assertEquals("body", await(r.string()));
        }
      }
      assertEquals(1, jetty.opened.get(), "one connection served every request");
      assertEquals(0, jetty.closed.get());
      assertEquals(1, client.poolStats().idle());
    }
  }

  @Test
  void anIdleConnectionIsClosedAfterTheIdleTimeout() throws Exception {
    try (JettyOrigin jetty =
            JettyOrigin.start((request, response) -> JettyOrigin.write(response, "ok"));
        HttpClient c =
            HttpClient.create(
                HttpClientOptions.builder().idleTimeout(Duration.ofMillis(200)).build())) {
      assertEquals("ok", await(await(c.send(ClientRequest.get(jetty.uri("/")).build())).string()));
      assertTrue(jetty.awaitClosed(1), "the idle connection was closed");
      assertEquals("ok", await(await(c.send(ClientRequest.get(jetty.uri("/")).build())).string()));
      assertEquals(2, jetty.opened.get());
    }
  }

  @Test
  void aConnectionTheServerClosedOnItsKeepAliveTimeoutLeavesThePoolAndAPostGoesOnANewOne()
      throws Exception {
    try (JettyOrigin jetty =
        JettyOrigin.start(
            (request, response) -> {
              String body = org.eclipse.jetty.io.Content.Source.asString(request);
              JettyOrigin.write(response, request.getMethod() + " " + body);
            })) {
      jetty.idleTimeout(300);
      assertEquals(
          "GET ", await(await(client.send(ClientRequest.get(jetty.uri("/")).build())).string()));
      assertEquals(1, client.poolStats().idle());
      assertTrue(jetty.awaitClosed(1), "the server closed the idle connection");
      // the client sees the close and drops the connection from the pool (no request needed)
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (client.poolStats().open() > 0 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertEquals(0, client.poolStats().open(), "the closed connection left the pool");
      // a POST is never retried, so it must not be sent on the dead connection
      assertEquals(
          "POST once",
          await(
              await(client.send(ClientRequest.post(jetty.uri("/")).body("once").build()))
                  .string()));
      assertEquals(2, jetty.opened.get());
    }
  }

  @Test
  void cancellingAnExchangeFreesItsSlotUnderThePerHostLimit() throws Exception {
    // never answered (and no server thread left asleep, which MockWebServer's shutdown would
    // wait for, giving up after 5 s)
    server.enqueue(
        new MockResponse().setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.NO_RESPONSE));
    server.enqueue(new MockResponse().setBody("after"));
    try (HttpClient one =
        HttpClient.create(
            HttpClientOptions.builder()
                .maxConnectionsPerHost(1)
                .poolAcquireTimeout(Duration.ofSeconds(3))
                .build())) {
      CompletableFuture<ClientResponse> slow = one.send(ClientRequest.get(uri("/slow")).build());
      recorded();
      assertEquals(1, one.poolStats().open());
      assertTrue(slow.cancel(true));
      // with the slot still taken, this request would wait and fail with the acquire timeout
      assertEquals(
          "after", await(await(one.send(ClientRequest.get(uri("/after")).build())).string()));
      assertEquals(0, recorded().getSequenceNumber(), "on a new connection");
      assertEquals(1, one.poolStats().open());
    }
  }

  @Test
  void cancellingARequestQueuedForAConnectionTakesItOutOfTheQueueAtOnce() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (JettyOrigin jetty =
            JettyOrigin.start(
                (request, response) -> {
                  release.await(10, TimeUnit.SECONDS);
                  JettyOrigin.write(response, "ok " + request.getHttpURI().getPath());
                });
        HttpClient one =
            HttpClient.create(HttpClientOptions.builder().maxConnectionsPerHost(1).build())) {
      CompletableFuture<ClientResponse> first =
          one.send(ClientRequest.get(jetty.uri("/1")).build());
      CompletableFuture<ClientResponse> queued =
          one.send(ClientRequest.get(jetty.uri("/2")).build());
      assertEquals(1, one.poolStats().pending());
      assertTrue(queued.cancel(true));
      assertEquals(0, one.poolStats().pending(), "the cancelled request left the queue");
      release.countDown();
      assertEquals("ok /1", await(await(first).string()));
      assertEquals(
          "ok /3", await(await(one.send(ClientRequest.get(jetty.uri("/3")).build())).string()));
      assertEquals(1, jetty.opened.get(), "no connection was opened for the cancelled request");
      assertEquals(0, one.poolStats().pending());
    }
  }
}
