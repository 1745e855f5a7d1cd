package io.beth.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.beth.transport.BethResources;
import io.netty.channel.Channel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which transport a server runs on, and where its blocking handlers run. */
class HttpServerTransportTest {

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private HttpServer server;

  /** The channel of the first connection, seen by the pipeline hook. */
  private final CompletableFuture<Channel> connection = new CompletableFuture<>();

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(Duration.ofSeconds(1)).join();
    }
  }

  private URI start(HttpHandler handler, HttpServerOptions.Builder options) {
    server =
        HttpServer.start(
                handler,
                options
                    .host("127.0.0.1")
                    .pipelineHook(pipeline -> connection.complete(pipeline.channel()))
                    .build())
            .join();
    return URI.create("http://127.0.0.1:" + server.port());
  }

  private static HttpHandler echo() {
    return request -> request.bodyString().thenApply(s -> HttpResponse.ok("echo " + s));
  }

  private String post(URI uri, String body) throws Exception {
    java.net.http.HttpResponse<String> response =
        client.send(
            java.net.http.HttpRequest.newBuilder(uri).POST(BodyPublishers.ofString(body)).build(),
            BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    return response.body();
  }

  private String get(URI uri) throws Exception {
    return client
        .send(java.net.http.HttpRequest.newBuilder(uri).build(), BodyHandlers.ofString())
        .body();
  }

  @Test
  void theDefaultIsNativeEpollWhereAvailable() throws Exception {
    assumeTrue(Epoll.isAvailable(), "no native epoll on this platform");
    assumeFalse(Boolean.getBoolean("beth.transport.nio"), "NIO forced by beth.transport.nio");
    URI base = start(echo(), HttpServerOptions.builder());
    assertEquals("echo over epoll", post(base, "over epoll"));
    Channel channel = connection.get(5, TimeUnit.SECONDS);
    assertSame(EpollSocketChannel.class, channel.getClass());
    assertSame(EpollServerSocketChannel.class, channel.parent().getClass());
  }

  /** The server honours {@code beth.transport.nio} the way every other Beth transport does. */
  @Test
  void theDefaultIsTheSharedTransportsChoice() throws Exception {
    URI base = start(echo(), HttpServerOptions.builder());
    assertEquals("echo x", post(base, "x"));
    assertSame(
        BethResources.shared().transport().serverSocketChannelClass(),
        connection.get(5, TimeUnit.SECONDS).parent().getClass());
  }

  @Test
  void nativeTransportFalseRunsOnNio() throws Exception {
    URI base = start(echo(), HttpServerOptions.builder().nativeTransport(false));
    assertEquals("echo over nio", post(base, "over nio"));
    assertEquals("echo " + "y".repeat(100_000), post(base, "y".repeat(100_000)));
    Channel channel = connection.get(5, TimeUnit.SECONDS);
    assertSame(NioSocketChannel.class, channel.getClass());
    assertSame(NioServerSocketChannel.class, channel.parent().getClass());
  }

  @Test
  void blockingHandlersRunOnTheGivenExecutorAndNonBlockingOnesDoNot() throws Exception {
    AtomicInteger tasks = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(2, r -> new Thread(r, "custom-pool"));
    try {
      URI base =
          start(
              HttpHandler.sync(request -> HttpResponse.ok(Thread.currentThread().getName())),
              HttpServerOptions.builder()
                  .executor(
                      task -> {
                        tasks.incrementAndGet();
                        pool.execute(task);
                      }));
      assertEquals("custom-pool", get(base));
      assertEquals("custom-pool", get(base));
      assertEquals(2, tasks.get());
    } finally {
      pool.shutdown();
    }
    server.stop(Duration.ofSeconds(1)).join();

    AtomicInteger unused = new AtomicInteger();
    URI inline =
        start(
            HttpHandler.sync(request -> HttpResponse.ok(Thread.currentThread().getName()))
                .nonBlocking(),
            HttpServerOptions.builder()
                .executor(
                    task -> {
                      unused.incrementAndGet();
                      task.run();
                    }));
    assertTrue(get(inline).startsWith("beth-http-io"));
    assertEquals(0, unused.get(), "a non-blocking handler runs inline");
  }

  /** Java 21+: a virtual thread per blocking handler; before: the shared pool. */
  @Test
  void blockingHandlersRunOnVirtualThreadsByDefaultWhereTheJvmHasThem() throws Exception {
    MethodHandle isVirtual = virtualCheck();
    URI base =
        start(
            HttpHandler.sync(
                request -> {
                  Thread thread = Thread.currentThread();
                  boolean virtual;
                  try {
                    virtual = isVirtual != null && (boolean) isVirtual.invokeExact(thread);
                  } catch (Throwable e) {
                    throw new IllegalStateException(e);
                  }
                  return HttpResponse.ok(virtual + " " + thread.getName());
                }),
            HttpServerOptions.builder());
    String answer = get(base);
    if (Runtime.version().feature() >= 21) {
      assertTrue(answer.startsWith("true "), answer);
    } else {
      assertTrue(answer.startsWith("false beth-blocking-"), answer);
    }
  }

  private static MethodHandle virtualCheck() throws IllegalAccessException {
    try {
      return MethodHandles.publicLookup()
          .findVirtual(Thread.class, "isVirtual", MethodType.methodType(boolean.class));
    } catch (NoSuchMethodException e) {
      return null; // before Java 21
    }
  }
}
