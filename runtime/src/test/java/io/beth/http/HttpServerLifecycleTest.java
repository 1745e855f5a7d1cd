package io.beth.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Asynchrony, graceful shutdown and handing a connection over to another protocol. */
class HttpServerLifecycleTest {

  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(Duration.ofSeconds(1)).join();
    }
  }

  @Test
  void aThousandSlowAsyncAnswersOverlapOnTwoThreads() throws Exception {
    server =
        HttpServer.start(
                HttpHandler.async(
                        request ->
                            CompletableFuture.supplyAsync(
                                () -> HttpResponse.ok("late"),
                                CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS)))
                    .nonBlocking(),
                HttpServerOptions.builder().host("127.0.0.1").ioThreads(2).build())
            .join();
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30))
            .build();
    URI uri = URI.create("http://127.0.0.1:" + server.port() + "/");
    long start = System.nanoTime();
    List<CompletableFuture<java.net.http.HttpResponse<String>>> responses = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      responses.add(
          client.sendAsync(
              java.net.http.HttpRequest.newBuilder(uri).build(), BodyHandlers.ofString()));
    }
    for (CompletableFuture<java.net.http.HttpResponse<String>> response : responses) {
      assertEquals("late", response.get(60, TimeUnit.SECONDS).body());
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    System.out.println("1000 x 200 ms answered in " + millis + " ms");
    assertTrue(millis < 20_000, "took " + millis + " ms; one at a time would take 200,000 ms");
  }

  @Test
  void gracefulStopFinishesTheInFlightExchangeAndRefusesNewConnections() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CompletableFuture<HttpResponse> answer = new CompletableFuture<>();
    server =
        HttpServer.start(
                request -> {
                  if (request.path().equals("/quick")) {
                    return CompletableFuture.completedFuture(HttpResponse.ok("quick"));
                  }
                  entered.countDown();
                  return answer;
                },
                HttpServerOptions.builder().host("127.0.0.1").build())
            .join();
    int port = server.port();
    try (RawHttp inFlight = new RawHttp(port);
        RawHttp idle = new RawHttp(port)) {
      // One exchange makes sure the server has accepted the idle connection before it stops.
      idle.send("GET /quick HTTP/1.1\r\nHost: x\r\n\r\n");
      assertEquals("quick", idle.read().body);
      inFlight.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
      assertTrue(entered.await(10, TimeUnit.SECONDS));
      CompletableFuture<Void> stopped = server.stop(Duration.ofSeconds(30));
      assertTrue(idle.closedByServer(), "idle connections are closed at once");
      assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
      assertTrue(!stopped.isDone());
      answer.complete(HttpResponse.ok("finished"));
      RawHttp.Response response = inFlight.read();
      assertEquals("finished", response.body);
      assertEquals("close", response.header("connection"));
      assertTrue(inFlight.closedByServer());
      stopped.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void stopClosesWhatIsStillInFlightAfterTheGracePeriod() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    server =
        HttpServer.start(
                request -> {
                  entered.countDown();
                  return new CompletableFuture<>();
                },
                HttpServerOptions.builder().host("127.0.0.1").build())
            .join();
    try (RawHttp http = new RawHttp(server.port())) {
      http.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
      assertTrue(entered.await(10, TimeUnit.SECONDS));
      server.stop(Duration.ofMillis(100)).get(10, TimeUnit.SECONDS);
      assertTrue(http.closedByServer());
    }
  }

  @Test
  void portZeroPicksAFreePortAndTwoServersCoexist() {
    HttpServer other = HttpServer.start(HttpHandler.sync(r -> HttpResponse.ok())).join();
    try {
      server = HttpServer.start(HttpHandler.sync(r -> HttpResponse.ok())).join();
      assertTrue(server.port() > 0 && other.port() > 0);
      assertTrue(server.port() != other.port());
    } finally {
      other.stop(Duration.ofSeconds(1)).join();
    }
  }

  @Test
  void aConnectionUpgradeTakesTheChannelOver() throws Exception {
    server =
        HttpServer.start(
                HttpHandler.sync(
                        request ->
                            HttpResponse.upgrade(
                                (channel, req) -> {
                                  // A toy protocol: after a hand-written 101, echo raw bytes
                                  // upper-cased.
                                  channel.pipeline().remove("decoder");
                                  channel.pipeline().remove("encoder");
                                  channel
                                      .pipeline()
                                      .addLast(
                                          new io.netty.channel.ChannelInboundHandlerAdapter() {
                                            @Override
                                            public void channelRead(
                                                io.netty.channel.ChannelHandlerContext ctx,
                                                Object msg) {
                                              io.netty.buffer.ByteBuf in =
                                                  (io.netty.buffer.ByteBuf) msg;
                                              String text =
                                                  in.toString(StandardCharsets.US_ASCII)
                                                      .toUpperCase();
                                              in.release();
                                              ctx.writeAndFlush(
                                                  io.netty.buffer.Unpooled.copiedBuffer(
                                                      text, StandardCharsets.US_ASCII));
                                            }
                                          });
                                  channel.writeAndFlush(
                                      io.netty.buffer.Unpooled.copiedBuffer(
                                          "HTTP/1.1 101 Switching Protocols\r\nUpgrade: shout\r\nConnection: Upgrade\r\n\r\n",
                                          StandardCharsets.US_ASCII));
                                }))
                    .nonBlocking(),
                HttpServerOptions.builder().host("127.0.0.1").build())
            .join();
    try (RawHttp http = new RawHttp(server.port())) {
      http.send("GET / HTTP/1.1\r\nHost: x\r\nUpgrade: shout\r\nConnection: Upgrade\r\n\r\n");
      assertEquals(101, http.read(true).status);
      http.send("hello");
      byte[] echo = http.socket.getInputStream().readNBytes(5);
      assertEquals("HELLO", new String(echo, StandardCharsets.US_ASCII));
    }
  }

  @Test
  void startFailsWhenThePortIsTaken() throws IOException {
    server =
        HttpServer.start(
                HttpHandler.sync(r -> HttpResponse.ok()),
                HttpServerOptions.builder().host("127.0.0.1").build())
            .join();
    CompletableFuture<HttpServer> second =
        HttpServer.start(
            HttpHandler.sync(r -> HttpResponse.ok()),
            HttpServerOptions.builder().host("127.0.0.1").port(server.port()).build());
    assertThrows(java.util.concurrent.CompletionException.class, second::join);
  }
}
