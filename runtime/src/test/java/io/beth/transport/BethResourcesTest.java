package io.beth.transport;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.http.ClientRequest;
import io.beth.http.ClientResponse;
import io.beth.http.HttpClient;
import io.beth.http.HttpClientOptions;
import io.beth.http.HttpHandler;
import io.beth.http.HttpResponse;
import io.beth.http.HttpServer;
import io.beth.http.HttpServerOptions;
import io.beth.stream.DuplexStream;
import io.beth.stream.Streams;
import io.beth.tcp.TcpClient;
import io.beth.tcp.TcpClientOptions;
import io.beth.tcp.TcpServer;
import io.beth.tcp.TcpServerOptions;
import io.beth.udp.UdpChannel;
import io.beth.udp.UdpOptions;
import io.beth.websocket.WebSocket;
import io.beth.websocket.WebSocketClient;
import io.beth.websocket.WebSocketOptions;
import io.beth.websocket.WebSocketUpgrade;
import io.beth.websocket.WebSockets;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What resources own: the threads servers and clients run on, and their stopping, in order, when
 * closed; and what closing them under a running server does.
 */
class BethResourcesTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private static boolean isLoopOf(BethResources resources, EventExecutor executor) {
    for (EventExecutor loop : resources.eventLoopGroup()) {
      if (loop == executor) {
        return true;
      }
    }
    return false;
  }

  private static boolean onLoopOf(BethResources resources) {
    for (EventExecutor loop : resources.eventLoopGroup()) {
      if (loop.inEventLoop()) {
        return true;
      }
    }
    return false;
  }

  /** An independent origin (the JDK's server) that answers "late" once {@code go} opens. */
  private static com.sun.net.httpserver.HttpServer lateOrigin(CountDownLatch go)
      throws IOException {
    com.sun.net.httpserver.HttpServer origin =
        com.sun.net.httpserver.HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
    origin.createContext(
        "/",
        exchange -> {
          try {
            go.await(10, SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          byte[] body = "late".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    origin.start();
    return origin;
  }

  /** Sends a GET to {@code origin} and tells, with the body, whether it completed on a loop. */
  private static String completionSeenOnLoopOf(
      BethResources resources,
      HttpClient client,
      CountDownLatch go,
      com.sun.net.httpserver.HttpServer origin)
      throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + origin.getAddress().getPort() + "/");
    CompletableFuture<ClientResponse> sent = client.send(ClientRequest.get(uri).build());
    CompletableFuture<String> seen =
        sent.thenCompose(
            response -> {
              boolean onLoop =
                  onLoopOf(resources); // the head arrived after go: on the client's loop
              return response.string().thenApply(body -> onLoop + " " + body);
            });
    go.countDown();
    return seen.get(10, SECONDS);
  }

  private static String get(int port, String path) throws Exception {
    java.net.http.HttpClient jdk =
        java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .build();
    return jdk.send(
            java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString())
        .body();
  }

  @Test
  void serversAndClientsGivenResourcesRunOnTheirLoopsAndExecutor() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2, r -> new Thread(r, "given-pool"));
    BethResources server =
        BethResources.builder()
            .name("beth-server-test")
            .eventLoopThreads(1)
            .blockingExecutor(pool)
            .build();
    BethResources client =
        BethResources.builder().name("beth-client-test").eventLoopThreads(1).build();
    CountDownLatch go = new CountDownLatch(1);
    com.sun.net.httpserver.HttpServer origin = lateOrigin(go);
    HttpServerOptions onServer =
        HttpServerOptions.builder().host("127.0.0.1").resources(server).build();
    HttpServer blocking =
        HttpServer.start(
                HttpHandler.sync(
                    request ->
                        HttpResponse.ok(Thread.currentThread().getName() + " " + onLoopOf(server))),
                onServer)
            .get(10, SECONDS);
    HttpServer inline =
        HttpServer.start(
                HttpHandler.sync(
                        request -> {
                          if (request.path().equals("/ws")) {
                            WebSocketUpgrade upgrade = WebSockets.upgrade(request);
                            upgrade.socket().thenAccept(ws -> Streams.connect(ws, ws));
                            return upgrade.response();
                          }
                          return HttpResponse.ok("inline " + onLoopOf(server));
                        })
                    .nonBlocking(),
                onServer)
            .get(10, SECONDS);
    CompletableFuture<Channel> tcpServerChannel = new CompletableFuture<>();
    CompletableFuture<Channel> tcpClientChannel = new CompletableFuture<>();
    TcpServer tcp =
        TcpServer.start(
                (stream, info) -> Streams.connect(stream, stream),
                TcpServerOptions.builder()
                    .bindAddress(LOOPBACK)
                    .resources(server)
                    .pipelineHook(p -> tcpServerChannel.complete(p.channel()))
                    .build())
            .get(10, SECONDS);
    HttpClient http = HttpClient.create(HttpClientOptions.builder().resources(client).build());
    try {
      assertEquals("given-pool false", get(blocking.port(), "/"));
      assertEquals("inline true", get(inline.port(), "/"));
      assertEquals("true late", completionSeenOnLoopOf(client, http, go, origin));

      DuplexStream<byte[], Object> stream =
          TcpClient.connect(
                  "127.0.0.1",
                  tcp.address().getPort(),
                  TcpClientOptions.builder()
                      .resources(client)
                      .pipelineHook(p -> tcpClientChannel.complete(p.channel()))
                      .build())
              .get(10, SECONDS);
      assertTrue(stream.put("ping".getBytes(StandardCharsets.UTF_8)).get(10, SECONDS));
      assertEquals("ping", new String(stream.take().get(10, SECONDS), StandardCharsets.UTF_8));
      stream.close();
      assertTrue(isLoopOf(server, tcpServerChannel.get(5, SECONDS).eventLoop()));
      assertTrue(isLoopOf(client, tcpClientChannel.get(5, SECONDS).eventLoop()));

      CompletableFuture<EventLoopGroup> wsGroup = new CompletableFuture<>();
      WebSocket ws =
          WebSocketClient.connect(
                  URI.create("ws://127.0.0.1:" + inline.port() + "/ws"),
                  WebSocketOptions.builder()
                      .resources(client)
                      .bootstrapHook(b -> wsGroup.complete(b.config().group()))
                      .build())
              .get(10, SECONDS);
      assertTrue(ws.put("hello").get(10, SECONDS));
      assertEquals("hello", ws.take().get(10, SECONDS));
      ws.close();
      assertSame(client.eventLoopGroup(), wsGroup.get(5, SECONDS));
    } finally {
      http.close();
      origin.stop(0);
      blocking.stop(Duration.ofSeconds(1)).get(10, SECONDS);
      inline.stop(Duration.ofSeconds(1)).get(10, SECONDS);
      tcp.stop(Duration.ofSeconds(1)).get(10, SECONDS);
      server.shutdownGracefully().get(10, SECONDS);
      client.shutdownGracefully().get(10, SECONDS);
      assertFalse(pool.isShutdown(), "an executor given to the builder is left running");
      pool.shutdown();
    }
  }

  @Test
  void closingStopsEveryThreadTheResourcesStarted() throws Exception {
    BethResources resources =
        BethResources.builder().name("beth-closing-test").eventLoopThreads(2).build();
    for (EventExecutor loop : resources.eventLoopGroup()) {
      loop.submit(() -> {}).get(5, SECONDS);
    }
    CompletableFuture.runAsync(() -> {}, resources.blockingExecutor()).get(5, SECONDS);
    resources.timer().schedule(() -> {}, 1, TimeUnit.MILLISECONDS).get(5, SECONDS);
    List<String> started =
        LiveThreads.named("beth-closing-test-").stream().map(Thread::getName).toList();
    assertEquals(
        2,
        started.stream().filter(n -> n.startsWith("beth-closing-test-io-")).count(),
        started.toString());
    assertTrue(started.contains("beth-closing-test-timer"), started.toString());

    resources.shutdownGracefully().get(10, SECONDS);
    assertTrue(resources.isClosed());
    assertEquals(List.of(), LiveThreads.awaitEnd(Duration.ofSeconds(10), "beth-closing-test-"));
    assertTrue(resources.eventLoopGroup().isTerminated());
    assertTrue(resources.timer().isTerminated());
    assertThrows(
        RejectedExecutionException.class,
        () -> resources.timer().schedule(() -> {}, 1, TimeUnit.SECONDS));
    assertTrue(resources.terminationFuture().isDone());
  }

  /** Loops first, then the blocking executor (whose tasks may finish), then the timer. */
  @Test
  void closingStopsTheLoopsThenTheExecutorThenTheTimer() throws Exception {
    BethResources resources = BethResources.builder().name("beth-order-test").build();
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Boolean> finished = new CompletableFuture<>();
    resources
        .blockingExecutor()
        .execute(
            () -> {
              running.countDown();
              try {
                finished.complete(release.await(10, SECONDS));
              } catch (InterruptedException e) {
                finished.complete(false);
              }
            });
    assertTrue(running.await(5, SECONDS));
    CompletableFuture<Void> closed =
        resources.shutdownGracefully(Duration.ZERO, Duration.ofSeconds(10));
    assertTrue(resources.eventLoopGroup().awaitTermination(10, SECONDS), "loops stop first");
    assertFalse(closed.isDone(), "a blocking task is still running");
    assertFalse(resources.timer().isShutdown(), "the timer stops last");
    release.countDown();
    closed.get(10, SECONDS);
    assertTrue(finished.get(), "the blocking task was let finish");
    assertTrue(resources.timer().awaitTermination(5, SECONDS));
  }

  @Test
  void aBlockingTaskStillRunningAfterTheTimeoutIsInterrupted() throws Exception {
    BethResources resources = BethResources.builder().name("beth-interrupt-test").build();
    CountDownLatch running = new CountDownLatch(1);
    CompletableFuture<Throwable> outcome = new CompletableFuture<>();
    resources
        .blockingExecutor()
        .execute(
            () -> {
              running.countDown();
              try {
                new CountDownLatch(1).await(30, SECONDS);
                outcome.complete(null);
              } catch (InterruptedException e) {
                outcome.complete(e);
              }
            });
    assertTrue(running.await(5, SECONDS));
    resources.shutdownGracefully(Duration.ZERO, Duration.ofMillis(200)).get(10, SECONDS);
    assertInstanceOf(InterruptedException.class, outcome.get(5, SECONDS));
  }

  /**
   * The documented behaviour: closing resources a running server uses closes its listening socket
   * and its connections at once; its stop() still completes, and nothing starts on them again.
   */
  @Test
  void closingResourcesUnderRunningServersClosesTheirChannelsAtOnce() throws Exception {
    BethResources resources =
        BethResources.builder().name("beth-under-test").eventLoopThreads(1).build();
    HttpServer http =
        HttpServer.start(
                HttpHandler.sync(request -> HttpResponse.ok("up")),
                HttpServerOptions.builder().host("127.0.0.1").resources(resources).build())
            .get(10, SECONDS);
    TcpServer tcp =
        TcpServer.start(
                (stream, info) -> Streams.connect(stream, stream),
                TcpServerOptions.builder().bindAddress(LOOPBACK).resources(resources).build())
            .get(10, SECONDS);
    UdpChannel udp =
        UdpChannel.open(UdpOptions.builder().resources(resources).build()).get(10, SECONDS);
    try (Socket httpConnection = new Socket(LOOPBACK, http.port());
        Socket tcpConnection = new Socket(LOOPBACK, tcp.address().getPort())) {
      httpConnection.setSoTimeout(10_000);
      tcpConnection.setSoTimeout(10_000);
      httpConnection
          .getOutputStream()
          .write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      assertTrue(
          new String(httpConnection.getInputStream().readNBytes(15), StandardCharsets.ISO_8859_1)
              .startsWith("HTTP/1.1 200"));
      tcpConnection.getOutputStream().write('a');
      assertEquals('a', tcpConnection.getInputStream().read());

      resources.shutdownGracefully().get(10, SECONDS);

      assertClosedByPeer(httpConnection);
      assertClosedByPeer(tcpConnection);
    }
    assertThrows(ConnectException.class, () -> new Socket(LOOPBACK, http.port()).close());
    assertThrows(
        ConnectException.class, () -> new Socket(LOOPBACK, tcp.address().getPort()).close());
    udp.socketClosed().toCompletableFuture().get(5, SECONDS);
    http.stopped().get(5, SECONDS);
    http.stop(Duration.ofSeconds(1)).get(5, SECONDS);
    tcp.stop(Duration.ofSeconds(1)).get(5, SECONDS);

    assertRefused(
        () ->
            HttpServer.start(
                HttpHandler.sync(request -> HttpResponse.ok("no")),
                HttpServerOptions.builder().resources(resources).build()));
    assertRefused(
        () ->
            TcpServer.start(
                (stream, info) -> stream.close(),
                TcpServerOptions.builder().resources(resources).build()));
    assertRefused(() -> UdpChannel.open(UdpOptions.builder().resources(resources).build()));
    assertRefused(
        () ->
            TcpClient.connect(
                "127.0.0.1", 9, TcpClientOptions.builder().resources(resources).build()));
    assertRefused(
        () ->
            WebSocketClient.connect(
                URI.create("ws://127.0.0.1:9/"),
                WebSocketOptions.builder().resources(resources).build()));
    try (HttpClient client =
        HttpClient.create(HttpClientOptions.builder().resources(resources).build())) {
      assertRefused(
          () -> client.send(ClientRequest.get(URI.create("http://127.0.0.1:9/")).build()));
    }
  }

  /** Reads what is left until the end (a read timeout fails): the peer closed the connection. */
  private static void assertClosedByPeer(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    try {
      in.readAllBytes();
    } catch (SocketException reset) {
      assertNotNull(reset.getMessage()); // a reset is a close too
    }
  }

  private static void assertRefused(Supplier<CompletableFuture<?>> start) {
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> start.get().get(5, SECONDS));
    assertInstanceOf(IllegalStateException.class, e.getCause());
    assertTrue(e.getCause().getMessage().contains("beth-under-test"), e.getCause().getMessage());
  }

  @Test
  void anHttpServerWithoutResourcesStopsItsOwnLoopsWhenItStops() throws Exception {
    CompletableFuture<Thread> loop = new CompletableFuture<>();
    HttpServer server =
        HttpServer.start(
                HttpHandler.sync(
                        request -> {
                          loop.complete(Thread.currentThread());
                          return HttpResponse.ok("own");
                        })
                    .nonBlocking(),
                HttpServerOptions.builder().host("127.0.0.1").ioThreads(1).build())
            .get(10, SECONDS);
    assertEquals("own", get(server.port(), "/"));
    Thread thread = loop.get(5, SECONDS);
    assertTrue(thread.getName().startsWith("beth-http-io-"), thread.getName());
    server.stop(Duration.ofSeconds(1)).get(10, SECONDS);
    thread.join(10_000);
    assertFalse(thread.isAlive(), "the server's own loop stopped with it");
  }

  @Test
  void anHttpClientWithLoopsOfItsOwnStopsThemWhenClosed() throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    com.sun.net.httpserver.HttpServer origin = lateOrigin(go);
    HttpClient client = HttpClient.create(HttpClientOptions.builder().ioThreads(1).build());
    try {
      URI uri = URI.create("http://127.0.0.1:" + origin.getAddress().getPort() + "/");
      CompletableFuture<Thread> completedOn =
          client
              .send(ClientRequest.get(uri).build())
              .thenCompose(r -> r.string().thenApply(body -> Thread.currentThread()));
      go.countDown();
      Thread thread = completedOn.get(10, SECONDS);
      assertTrue(thread.getName().startsWith("beth-http-client-io-"), thread.getName());
      client.close();
      thread.join(10_000);
      assertFalse(thread.isAlive(), "the client's own loop stopped when it closed");
    } finally {
      origin.stop(0);
    }
  }

  @Test
  void optionsRefuseResourcesBesideLoopSettingsOfTheirOwn() {
    BethResources resources = BethResources.builder().name("beth-options-test").build();
    try {
      assertThrows(
          IllegalArgumentException.class,
          () -> HttpServerOptions.builder().resources(resources).ioThreads(2).build());
      assertThrows(
          IllegalArgumentException.class,
          () -> HttpServerOptions.builder().resources(resources).nativeTransport(false).build());
      assertThrows(
          IllegalArgumentException.class,
          () -> HttpClientOptions.builder().resources(resources).ioThreads(2).build());
    } finally {
      resources.close();
    }
  }

  @Test
  void theSharedResourcesAreNeverClosed() {
    BethResources shared = BethResources.shared();
    assertSame(shared, BethResources.shared());
    assertTrue(shared.isShared());
    assertThrows(IllegalStateException.class, shared::shutdownGracefully);
    assertThrows(IllegalStateException.class, shared::close);
    assertThrows(UnsupportedOperationException.class, () -> shared.timer().shutdown());
    assertThrows(UnsupportedOperationException.class, () -> shared.timer().shutdownNow());
    assertFalse(shared.isClosed());
  }

  @Test
  void closeOnOneOfItsOwnThreadsIsRefusedInsteadOfWaitingForItself() throws Exception {
    BethResources resources = BethResources.builder().name("beth-self-test").build();
    Future<?> onLoop = resources.eventLoopGroup().next().submit(resources::close);
    ExecutionException loop = assertThrows(ExecutionException.class, () -> onLoop.get(5, SECONDS));
    assertInstanceOf(IllegalStateException.class, loop.getCause());
    Future<?> onTimer = resources.timer().submit(resources::close);
    ExecutionException timer =
        assertThrows(ExecutionException.class, () -> onTimer.get(5, SECONDS));
    assertInstanceOf(IllegalStateException.class, timer.getCause());
    assertFalse(resources.isClosed());
    assertThrows(UnsupportedOperationException.class, () -> resources.timer().shutdown());
    resources.close();
    assertTrue(resources.isClosed());
  }
}
