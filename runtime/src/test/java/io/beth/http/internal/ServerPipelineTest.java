package io.beth.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.http.HttpHandler;
import io.beth.http.HttpResponse;
import io.beth.http.HttpServerOptions;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A whole HTTP/1.1 connection pipeline, as {@link ServerInitializer} assembles it, on an {@link
 * EmbeddedChannel}: request bytes in, response bytes out.
 */
class ServerPipelineTest {

  private static final HttpHandler ECHO_PATH =
      HttpHandler.sync(request -> HttpResponse.ok("path " + request.path())).nonBlocking();

  private final ArrayDeque<Runnable> executorTasks = new ArrayDeque<>();
  private final Executor executor = executorTasks::add;
  private final AtomicBoolean serverDraining = new AtomicBoolean();
  private EmbeddedChannel channel;

  @AfterEach
  void tearDown() {
    if (channel != null) {
      channel.finishAndReleaseAll();
    }
  }

  private EmbeddedChannel connect(HttpHandler handler, HttpServerOptions options) {
    channel =
        new EmbeddedChannel(new ServerInitializer(options, handler, executor, serverDraining::get));
    return channel;
  }

  private EmbeddedChannel connect(HttpHandler handler) {
    return connect(handler, HttpServerOptions.DEFAULT);
  }

  private void send(String request) {
    channel.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.US_ASCII));
  }

  private String received() {
    channel.runPendingTasks();
    StringBuilder out = new StringBuilder();
    for (Object msg; (msg = channel.readOutbound()) != null; ) {
      ByteBuf buf = (ByteBuf) msg;
      out.append(buf.toString(StandardCharsets.US_ASCII));
      buf.release();
    }
    return out.toString();
  }

  @Test
  void theInitializerAssemblesTheExchangeHandlersAfterTheCodec() {
    connect(ECHO_PATH);
    List<String> names = channel.pipeline().names();
    assertEquals(
        List.of("decoder", "encoder", "flush-consolidation", "beth-pipelining", "beth-http"),
        names.subList(0, names.size() - 1)); // the last is the channel's tail
  }

  @Test
  void pipelinedRequestsAreAnsweredInTheirOrder() {
    connect(ECHO_PATH);
    send(
        "GET /1 HTTP/1.1\r\nHost: x\r\n\r\nGET /2 HTTP/1.1\r\nHost: x\r\n\r\n"
            + "GET /3 HTTP/1.1\r\nHost: x\r\n\r\n");

    String out = received();
    int one = out.indexOf("path /1");
    int two = out.indexOf("path /2");
    int three = out.indexOf("path /3");
    assertTrue(one >= 0 && one < two && two < three, out);
    assertTrue(channel.isActive(), "kept alive");
  }

  @Test
  void aBlockingHandlerRunsOnTheExecutorAndItsAnswerIsWrittenOnTheLoop() {
    AtomicReference<Thread> ranOn = new AtomicReference<>();
    connect(
        HttpHandler.sync(
            request -> {
              ranOn.set(Thread.currentThread());
              return HttpResponse.ok("blocking");
            }));
    send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    assertEquals("", received(), "not on the event loop");
    assertEquals(1, executorTasks.size());

    executorTasks.poll().run();

    assertTrue(received().contains("blocking"));
  }

  @Test
  void anExpectationOf100ContinueIsAnsweredBeforeTheHandlerRuns() {
    connect(
        HttpHandler.async(
                request -> request.bodyString().thenApply(body -> HttpResponse.ok("got " + body)))
            .nonBlocking());
    send("POST /up HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n");
    String continued = received();
    assertEquals("HTTP/1.1 100 Continue\r\n\r\n", continued);

    send("ok");
    String out = received();
    assertTrue(out.startsWith("HTTP/1.1 200 ") && out.endsWith("got ok"), out);
  }

  @Test
  void aRefusedOrUnknownExpectationIs417AndTheConnectionCloses() {
    connect(ECHO_PATH, HttpServerOptions.builder().expectContinue(request -> false).build());
    send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n");
    assertTrue(received().startsWith("HTTP/1.1 417 "));
    assertFalse(channel.isActive());

    connect(ECHO_PATH);
    send("GET / HTTP/1.1\r\nHost: x\r\nExpect: something-else\r\n\r\n");
    assertTrue(received().startsWith("HTTP/1.1 417 "));
  }

  @Test
  void aRequestWithoutHostIs400AndTheConnectionCloses() {
    connect(ECHO_PATH);
    send("GET / HTTP/1.1\r\n\r\nGET /next HTTP/1.1\r\nHost: x\r\n\r\n");
    String out = received();
    assertTrue(out.startsWith("HTTP/1.1 400 "), out);
    assertFalse(out.contains("path"), "nothing after it is served");
    assertFalse(channel.isActive());
  }

  @Test
  void aHeadNotCompleteWithinItsTimeoutIs408() {
    connect(
        ECHO_PATH, HttpServerOptions.builder().headerReadTimeout(Duration.ofSeconds(2)).build());
    channel.freezeTime();
    send("GET / HTTP/1.1\r\nHo");
    channel.advanceTimeBy(3, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();

    assertTrue(received().startsWith("HTTP/1.1 408 "));
    assertFalse(channel.isActive());
  }

  @Test
  void anIdleConnectionClosesButNotOneWhoseExchangeIsUnderWay() {
    connect(
        HttpHandler.async(request -> new CompletableFuture<>()).nonBlocking(),
        HttpServerOptions.builder().idleTimeout(Duration.ofSeconds(5)).build());
    channel.freezeTime();
    send("GET /never-answered HTTP/1.1\r\nHost: x\r\n\r\n");
    channel.advanceTimeBy(20, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();
    assertTrue(channel.isActive(), "busy: not idle");

    connect(ECHO_PATH, HttpServerOptions.builder().idleTimeout(Duration.ofSeconds(5)).build());
    channel.freezeTime();
    send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    received();
    channel.advanceTimeBy(6, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();
    assertFalse(channel.isActive(), "idle for longer than the timeout");
  }

  @Test
  void drainingClosesAnIdleConnectionAtOnceAndABusyOneAfterItsAnswer() {
    connect(ECHO_PATH);
    channel.pipeline().fireUserEventTriggered(HttpConnectionHandler.DRAIN);
    assertFalse(channel.isActive());

    CompletableFuture<HttpResponse> answer = new CompletableFuture<>();
    connect(HttpHandler.async(request -> answer).nonBlocking());
    send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    channel.pipeline().fireUserEventTriggered(HttpConnectionHandler.DRAIN);
    assertTrue(channel.isActive(), "its exchange is under way");

    answer.complete(HttpResponse.ok("last"));
    String out = received();
    assertTrue(out.contains("connection: close"), out);
    assertTrue(out.contains("last"));
    assertFalse(channel.isActive());
  }

  @Test
  void anUpgradeTakesTheHttpHandlersOffBeforeTheNewProtocolTakesOver() {
    AtomicReference<List<String>> namesAtUpgrade = new AtomicReference<>();
    connect(
        HttpHandler.sync(
                request ->
                    HttpResponse.upgrade((ch, req) -> namesAtUpgrade.set(ch.pipeline().names())))
            .nonBlocking());
    send("GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: test\r\nConnection: Upgrade\r\n\r\n");

    List<String> names = namesAtUpgrade.get();
    assertEquals(List.of("decoder", "encoder"), names.subList(0, names.size() - 1), "" + names);
    assertNull(channel.readOutbound(), "the upgrade writes its own answer");
  }

  @Test
  void aBodyStillArrivingAfterAKeepAliveAnswerIsReadAndDroppedAndTheNextRequestServed() {
    connect(ECHO_PATH);
    send("POST /early HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nfirst");
    assertTrue(received().contains("path /early"));

    send("12345GET /next HTTP/1.1\r\nHost: x\r\n\r\n");
    assertTrue(received().contains("path /next"));
    assertTrue(channel.isActive());
  }

  @Test
  void anAnswerThatClosesBeforeTheBodyEndsClosesAChannelThatCannotHalfClose() {
    connect(
        HttpHandler.sync(
                request ->
                    HttpResponse.ok("bye").newBuilder().header("Connection", "close").build())
            .nonBlocking());
    send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nfirst");
    assertTrue(received().contains("bye"));
    assertFalse(channel.isActive(), "an EmbeddedChannel cannot shut its output down");
  }

  @Test
  void aHandlerFailureIsAStatusAndARefusingExecutorIs503() {
    connect(
        HttpHandler.async(
                request -> {
                  throw new io.beth.http.HttpStatusException(418, "teapot");
                })
            .nonBlocking());
    send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    assertTrue(received().startsWith("HTTP/1.1 418 "));

    connect(HttpHandler.async(request -> null).nonBlocking());
    send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    assertTrue(received().startsWith("HTTP/1.1 500 "), "a null stage is the handler's fault");

    channel.finishAndReleaseAll();
    channel =
        new EmbeddedChannel(
            new ServerInitializer(
                HttpServerOptions.DEFAULT,
                HttpHandler.sync(request -> HttpResponse.ok()),
                task -> {
                  throw new java.util.concurrent.RejectedExecutionException("full");
                },
                serverDraining::get));
    send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    assertTrue(received().startsWith("HTTP/1.1 503 "));
  }
}
