package io.beth.http.internal;

import io.beth.http.HttpHandler;
import io.beth.http.HttpHeaders;
import io.beth.http.HttpRequest;
import io.beth.http.HttpResponse;
import io.beth.http.HttpServerOptions;
import io.beth.http.HttpStatusException;
import io.beth.transport.internal.InboundBridge;
import io.beth.transport.internal.ReadGate;
import io.beth.stream.Source;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's HTTP/1.1 exchanges, one at a time and in order: decodes request heads into
 * {@link HttpRequest}s, streams their bodies with backpressure, calls the handler (inline or on
 * the executor), and writes each response before the next pipelined request is looked at.
 */
final class HttpConnectionHandler extends ChannelInboundHandlerAdapter {

  private static final Logger log = LoggerFactory.getLogger(HttpConnectionHandler.class);

  /** Fired into the pipeline to ask the connection to close once its exchange is done. */
  static final Object DRAIN = new Object();

  /** How long a connection answered before its request body ended reads and drops the rest. */
  static final long LINGER_MILLIS = 5_000;

  private final NettyHttpServer server;
  private final HttpServerOptions options;
  private final HeadTimeout headTimeout;
  private final ArrayDeque<Object> queued = new ArrayDeque<>();
  private ChannelHandlerContext ctx;
  private ResponseWriter writer;
  private Exchange current;
  private boolean broken;
  private boolean draining;
  private boolean inQueueLoop;
  private boolean bodyPaused;
  private boolean inRead; // between a channelRead and the end of that read
  private long lastActivityNanos;
  private ScheduledFuture<?> idleTimer;

  HttpConnectionHandler(NettyHttpServer server, HeadTimeout headTimeout) {
    this.server = server;
    this.options = server.options();
    this.headTimeout = headTimeout;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    this.writer = new ResponseWriter(ctx, this, options, options.sslContext() != null,
        server.executor());
    this.lastActivityNanos = System.nanoTime();
    scheduleIdleCheck(options.idleTimeout().toNanos());
    if (server.isDraining()) {
      draining = true;
    }
  }

  // ---- inbound ----------------------------------------------------------------------------

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    inRead = true;
    lastActivityNanos = headTimeout.lastReadNanos();
    if (broken) {
      ReferenceCountUtil.release(msg);
    } else if (!queued.isEmpty() || (current != null && current.lastReceived)) {
      queued.add(msg); // a pipelined request: looked at once the current exchange is done
      updateAutoRead();
    } else {
      process(msg);
    }
  }

  private void process(Object msg) {
    if (msg instanceof io.netty.handler.codec.http.HttpRequest) {
      onHead((io.netty.handler.codec.http.HttpRequest) msg);
    } else if (msg instanceof HttpContent) {
      onContent((HttpContent) msg);
    } else {
      ReferenceCountUtil.release(msg);
    }
  }

  private void onHead(io.netty.handler.codec.http.HttpRequest req) {
    // decoded in the read under way (whose time is lastActivityNanos), or queued behind the
    // previous exchange and taken now
    long arrival = inQueueLoop ? System.nanoTime() : lastActivityNanos;
    Throwable failure = req.decoderResult().cause();
    ReferenceCountUtil.release(req); // only an invalid message holds (empty) content
    if (failure != null) {
      reject(statusFor(failure), failure);
      return;
    }
    if (req.protocolVersion().equals(HttpVersion.HTTP_1_1)
        && !req.headers().contains(HttpHeaderNames.HOST)) {
      reject(400, new IllegalArgumentException("HTTP/1.1 request without Host"));
      return;
    }
    headTimeout.headReceived();
    boolean hasBody = HttpUtil.isTransferEncodingChunked(req)
        || HttpUtil.getContentLength(req, 0L) > 0;
    Exchange[] holder = new Exchange[1];
    InboundBridge<Object> body = hasBody ? bodyBridge(holder) : null;
    HttpRequest request;
    try {
      request = toRequest(req, body, arrival);
    } catch (IllegalArgumentException e) {
      reject(400, e);
      return;
    }
    Exchange ex = new Exchange(request, body, req.protocolVersion(),
        HttpMethod.HEAD.equals(req.method()), HttpUtil.isKeepAlive(req));
    holder[0] = ex;
    current = ex;
    if (hasUnsupportedExpectation(req)) {
      refuse(ex, 417);
    } else if (HttpUtil.is100ContinueExpected(req)) {
      if (acceptsContinue(request)) {
        ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
            HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER));
        invoke(ex);
      } else {
        refuse(ex, 417);
      }
    } else {
      invoke(ex);
    }
  }

  /**
   * The bridge into a request body's stream: reads pause while the handler is behind, and a
   * handler that gives the body up leaves the rest to be read and dropped.
   */
  private InboundBridge<Object> bodyBridge(Exchange[] exchange) {
    ReadGate gate = new ReadGate() {
      @Override
      public void pause() {
        bodyPaused = true;
        updateAutoRead();
      }

      @Override
      public void resume() {
        if (current == exchange[0]) {
          bodyPaused = false;
          updateAutoRead();
        }
      }
    };
    return InboundBridge.create(ctx.channel(), options.bodyBufferChunks(), gate,
        InboundBridge.WhenGone.DISCARD, () -> exchange[0].discarding = true);
  }

  private static boolean hasUnsupportedExpectation(io.netty.handler.codec.http.HttpRequest req) {
    String expect = req.headers().get(HttpHeaderNames.EXPECT);
    return expect != null && req.protocolVersion().compareTo(HttpVersion.HTTP_1_1) >= 0
        && !"100-continue".equalsIgnoreCase(expect.trim());
  }

  private HttpRequest toRequest(
      io.netty.handler.codec.http.HttpRequest req, InboundBridge<Object> body, long arrival) {
    HttpHeaders.Builder headers = HttpHeaders.builder();
    for (Map.Entry<CharSequence, CharSequence> e : (Iterable<Map.Entry<CharSequence, CharSequence>>)
        req.headers()::iteratorCharSequence) {
      headers.add(e.getKey().toString(), e.getValue().toString());
    }
    HttpRequest.Builder b = HttpRequest.builder()
        .method(req.method().name())
        .uri(req.uri())
        .headers(headers.build())
        .protocol(req.protocolVersion().text())
        .scheme(options.sslContext() != null ? "https" : "http")
        .remoteAddress(address(ctx.channel().remoteAddress()))
        .localAddress(address(ctx.channel().localAddress()))
        .keepAlive(HttpUtil.isKeepAlive(req))
        .arrivalNanos(arrival)
        .bodyLimit(options.maxBodySize())
        .executor(server.executor());
    if (body != null) {
      if (options.rawBodies()) {
        b.rawBody(cast(body.source()));
      } else {
        b.body(cast(body.source()));
      }
    }
    return b.build();
  }

  @SuppressWarnings("unchecked")
  private static <T> Source<T> cast(Source<?> source) {
    return (Source<T>) source;
  }

  private static InetSocketAddress address(java.net.SocketAddress address) {
    return address instanceof InetSocketAddress ? (InetSocketAddress) address : null;
  }

  private boolean acceptsContinue(HttpRequest request) {
    try {
      return options.expectContinue().test(request);
    } catch (RuntimeException e) {
      log.error("the expect-continue hook failed for {} {}", request.method(), request.uri(), e);
      return false;
    }
  }

  private void onContent(HttpContent content) {
    Exchange ex = current;
    Throwable failure = content.decoderResult().cause();
    if (ex == null || failure != null) {
      content.release();
      if (failure != null) {
        malformedBody(ex, failure);
      }
      return;
    }
    boolean last = content instanceof LastHttpContent;
    ByteBuf data = content.content();
    if (ex.discarding || ex.body == null || !data.isReadable()) {
      content.release();
    } else {
      Object message;
      if (options.rawBodies()) {
        message = data.retain();
        content.release();
      } else {
        message = ByteBufUtil.getBytes(data);
        content.release();
      }
      if (!ex.body.deliver(message)) {
        ex.discarding = true; // the handler gave the body up: the rest is read and dropped
      }
    }
    if (last) {
      ex.lastReceived = true;
      if (ex.body != null) {
        ex.body.end(); // once the chunks still waiting for room are taken
      }
      if (ex.pendingUpgrade != null) {
        upgrade(ex, ex.pendingUpgrade);
        return;
      }
      if (ex.responseDone) {
        nextExchange(); // the rest of the body was discarded
      }
    }
  }

  private void malformedBody(Exchange ex, Throwable failure) {
    log.debug("malformed request body; closing {}", ctx.channel(), failure);
    broken = true;
    if (ex == null) {
      ctx.close();
      return;
    }
    IOException cause = new IOException("malformed request body: " + failure.getMessage(), failure);
    if (ex.responseStarted) {
      ex.endBody(cause);
      ctx.close();
    } else {
      ex.closeAfter = true;
      ex.keepAliveResponse = false;
      ex.responseStarted = true; // before failing the body: the handler's answer comes too late
      ex.endBody(cause);
      writer.writeStatus(ex, 400);
    }
  }

  // ---- the handler ---------------------------------------------------------------------------

  private void invoke(Exchange ex) {
    HttpHandler handler = server.handler();
    if (!handler.isBlocking()) {
      onResult(ex, call(handler, ex.request));
      return;
    }
    try {
      server.executor().execute(() -> onResult(ex, call(handler, ex.request)));
    } catch (RejectedExecutionException e) {
      log.error("the handler executor refused {} {}", ex.request.method(), ex.request.uri(), e);
      respond(ex, null, new HttpStatusException(503, "executor refused the request"));
    }
  }

  private static CompletionStage<HttpResponse> call(HttpHandler handler, HttpRequest request) {
    try {
      CompletionStage<HttpResponse> stage = handler.handle(request);
      return stage != null ? stage
          : CompletableFuture.failedFuture(new NullPointerException("handler returned null"));
    } catch (Throwable e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private void onResult(Exchange ex, CompletionStage<HttpResponse> stage) {
    if (stage instanceof CompletableFuture && ((CompletableFuture<?>) stage).isDone()
        && ctx.executor().inEventLoop()) {
      CompletableFuture<HttpResponse> f = (CompletableFuture<HttpResponse>) stage;
      if (f.isCompletedExceptionally()) {
        f.whenComplete((r, e) -> respond(ex, null, e));
      } else {
        respond(ex, f.join(), null);
      }
      return;
    }
    stage.whenComplete((response, error) -> {
      onLoop(() -> respond(ex, response, error), response);
    });
  }

  /** Runs {@code task} on this connection's event loop, freeing {@code held} if it cannot. */
  private void onLoop(Runnable task, Object held) {
    if (ctx.executor().inEventLoop()) {
      task.run();
      return;
    }
    try {
      ctx.executor().execute(task);
    } catch (RejectedExecutionException e) {
      if (held instanceof HttpResponse) {
        Chunks.dispose(((HttpResponse) held).body());
      }
    }
  }

  private void respond(Exchange ex, HttpResponse response, Throwable error) {
    if (ex.responseStarted || !ctx.channel().isActive()) {
      if (response != null) {
        Chunks.dispose(response.body());
      }
      return;
    }
    if (error != null || response == null) {
      Throwable cause = error instanceof CompletionException && error.getCause() != null
          ? error.getCause() : error;
      int status = 500;
      if (cause instanceof HttpStatusException) {
        status = ((HttpStatusException) cause).status();
      } else if (cause == null) {
        log.error("the handler completed {} {} with no response", ex.request.method(),
            ex.request.uri());
      } else {
        log.error("the handler failed for {} {}", ex.request.method(), ex.request.uri(), cause);
      }
      if (!ex.lastReceived || status == 413) {
        ex.closeAfter = true; // the rest of the request is not worth reading
      }
      ex.responseStarted = true;
      ex.keepAliveResponse = keepAlive(ex, null);
      writer.writeStatus(ex, status);
      return;
    }
    ex.responseStarted = true;
    if (response.connectionUpgrade() != null) {
      upgrade(ex, response.connectionUpgrade());
      return;
    }
    ex.keepAliveResponse = keepAlive(ex, response);
    try {
      writer.write(ex, response);
    } catch (RuntimeException e) {
      log.error("cannot send the response to {} {}", ex.request.method(), ex.request.uri(), e);
      ctx.close();
    }
  }

  /** Steps aside for another protocol: see {@link io.beth.http.ConnectionUpgrade}. */
  private void upgrade(Exchange ex, io.beth.http.ConnectionUpgrade upgrade) {
    if (!ex.lastReceived) {
      ex.pendingUpgrade = upgrade; // once the request is complete
      return;
    }
    if (!queued.isEmpty()) {
      log.debug("cannot upgrade {} with pipelined data waiting; closing", ctx.channel());
      ctx.close();
      return;
    }
    broken = true; // nothing more for this handler
    if (idleTimer != null) {
      idleTimer.cancel(false);
    }
    ChannelPipeline p = ctx.pipeline();
    // the new protocol frames and flushes its own messages
    headTimeout.stop();
    for (String name : new String[] {
        RequestDecoder.DECOMPRESSOR, "compressor", "chunked-writer", "flush-consolidation"}) {
      if (p.get(name) != null) {
        p.remove(name);
      }
    }
    p.remove(this);
    try {
      upgrade.upgrade(ctx.channel(), ex.request);
    } catch (Exception e) {
      log.error("connection upgrade failed for {} {}", ex.request.method(), ex.request.uri(), e);
      ctx.channel().close();
    }
  }

  private boolean keepAlive(Exchange ex, HttpResponse response) {
    return ex.keepAliveRequested && !ex.closeAfter && !draining && !server.isDraining()
        && (response == null || !response.headers().containsToken("Connection", "close"));
  }

  private void refuse(Exchange ex, int status) {
    ex.closeAfter = true;
    ex.responseStarted = true;
    ex.keepAliveResponse = false;
    writer.writeStatus(ex, status);
  }

  /** A request that cannot be understood: answered and the connection closed. */
  private void reject(int status, Throwable cause) {
    log.debug("bad request on {}: answering {}", ctx.channel(), status, cause);
    broken = true;
    releaseQueued();
    HttpResponseStatus st = HttpResponseStatus.valueOf(status);
    ByteBuf content = Unpooled.copiedBuffer(st.reasonPhrase(), io.netty.util.CharsetUtil.UTF_8);
    DefaultFullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, st, content,
        ResponseHeads.HEADERS.newHeaders(), ResponseHeads.TRAILERS.newHeaders());
    res.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
        .setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes())
        .set(HttpHeaderNames.CONNECTION, "close")
        .set(HttpHeaderNames.DATE, DateHeader.now());
    ctx.writeAndFlush(res).addListener(f -> ctx.close());
  }

  private static int statusFor(Throwable failure) {
    if (failure instanceof TooLongHttpLineException) {
      return 414;
    }
    if (failure instanceof TooLongHttpHeaderException) {
      return 431;
    }
    if (failure instanceof TooLongFrameException) {
      return 431;
    }
    return 400;
  }

  // ---- after the response ------------------------------------------------------------------

  /** Called by the writers once the response is written (or failed); on the event loop. */
  void responseDone(Exchange ex, boolean success) {
    if (ex.responseDone) {
      return;
    }
    ex.responseDone = true;
    ex.writer = null;
    // answered within the read that brought the request: that read's time will do
    lastActivityNanos = inRead ? headTimeout.lastReadNanos() : System.nanoTime();
    if (!success || !ex.keepAliveResponse) {
      ex.endBody(null);
      if (success && !ex.lastReceived) {
        lingerThenClose();
      } else {
        ctx.close();
      }
      return;
    }
    if (!ex.lastReceived) {
      ex.endBody(null); // read and drop the rest of the body, then go on
      return;
    }
    nextExchange();
  }

  /**
   * Closes a connection whose request body is still arriving without taking the answer with it.
   * A close with unread input makes the kernel reset the connection: the client's upload fails,
   * and a client that gives up on a failed upload never reads the answer already sent. So the
   * output is shut down (the answer, then end of stream) and the rest of the input is read and
   * dropped until the client closes, or for {@link #LINGER_MILLIS} at most. Under TLS, whose end
   * needs a close_notify, the connection is closed at once as before.
   */
  private void lingerThenClose() {
    broken = true; // from here on every message is dropped as it comes
    releaseQueued();
    if (options.sslContext() != null || !(ctx.channel() instanceof DuplexChannel duplex)) {
      ctx.close();
      return;
    }
    bodyPaused = false;
    updateAutoRead();
    duplex.shutdownOutput().addListener(f -> {
      if (!f.isSuccess()) {
        ctx.close();
      }
    });
    ctx.executor().schedule(() -> {
      ctx.close();
    }, LINGER_MILLIS, TimeUnit.MILLISECONDS);
  }

  private void nextExchange() {
    Exchange done = current;
    if (done != null && done.body != null) {
      done.body.discard();
    }
    current = null;
    bodyPaused = false;
    if (draining) {
      ctx.close();
      return;
    }
    headTimeout.awaitNextHead();
    if (inQueueLoop) {
      return; // the loop below, further up the stack, goes on
    }
    inQueueLoop = true;
    try {
      while (!queued.isEmpty() && !broken && (current == null || !current.lastReceived)) {
        process(queued.poll());
      }
    } finally {
      inQueueLoop = false;
    }
    updateAutoRead();
  }

  private void updateAutoRead() {
    boolean read = !bodyPaused && queued.isEmpty();
    if (ctx.channel().config().isAutoRead() != read) {
      ctx.channel().config().setAutoRead(read);
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    inRead = false;
    ctx.fireChannelReadComplete();
  }

  /**
   * Tells the body writer, whose bridge resumes in a task of its own, never inside this call: the
   * channel becomes writable again in the middle of a write when a flush runs inside it (the flush
   * consolidation flushes as the channel turns unwritable), and a body chunk written from there
   * would re-enter Netty's HTTP encoder, which is not reentrant.
   */
  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (current != null && current.writer != null) {
      current.writer.writabilityChanged();
    }
    ctx.fireChannelWritabilityChanged();
  }

  // ---- the end --------------------------------------------------------------------------------

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt == DRAIN) {
      draining = true;
      if (current == null) {
        ctx.close();
      }
      return;
    }
    ctx.fireUserEventTriggered(evt);
  }

  private void scheduleIdleCheck(long delayNanos) {
    idleTimer = ctx.executor().schedule(this::checkIdle, delayNanos, TimeUnit.NANOSECONDS);
  }

  private void checkIdle() {
    long idle = options.idleTimeout().toNanos();
    long quiet = System.nanoTime() - lastActivityNanos;
    if (!ctx.channel().isActive()) {
      return;
    }
    if (quiet >= idle && current == null) {
      log.debug("closing idle connection {}", ctx.channel());
      ctx.close();
    } else {
      scheduleIdleCheck(quiet >= idle ? idle : idle - quiet);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    broken = true;
    if (idleTimer != null) {
      idleTimer.cancel(false);
    }
    releaseQueued();
    Exchange ex = current;
    if (ex != null) {
      if (ex.writer != null) {
        ex.writer.abort();
      }
      ex.endBody(new IOException("connection closed before the request body was complete"));
    }
    ctx.fireChannelInactive();
  }

  private void releaseQueued() {
    for (Object msg; (msg = queued.poll()) != null; ) {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("closing {} after an error", ctx.channel(), cause);
    ctx.close();
  }
}
