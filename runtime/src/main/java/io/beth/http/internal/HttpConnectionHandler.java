package io.beth.http.internal;

import io.beth.http.ConnectionUpgrade;
import io.beth.http.HttpResponse;
import io.beth.http.HttpServerOptions;
import io.beth.http.HttpStatusException;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of one HTTP/1.1 connection's exchanges, the last of its handlers: which exchange is
 * current, how each is answered (a response, or a status for a failure), what follows its end (the
 * next pipelined request, a close, a lingering close, an upgrade), the graceful drain on stop, and
 * what is freed when the connection closes. Event loop only.
 */
final class HttpConnectionHandler extends ChannelInboundHandlerAdapter {

  private static final Logger log = LoggerFactory.getLogger(HttpConnectionHandler.class);

  /** Fired into the pipeline to ask the connection to close once its exchange is done. */
  static final Object DRAIN = new Object();

  private final HttpServerOptions options;
  private final Executor executor;
  private final BooleanSupplier serverDraining;
  private PipelinedRequests pipelining;
  private ConnectionTimeouts timeouts;
  private ReadPauses pauses;
  private RequestReader reader;
  private ChannelHandlerContext ctx;
  private ResponseWriter writer;
  private Exchange current;
  private boolean draining;
  private boolean closed;

  /**
   * A connection of a server with {@code options}, whose blocking work runs on {@code executor};
   * {@code serverDraining} says whether the server is stopping (no keep-alive then).
   */
  HttpConnectionHandler(
      HttpServerOptions options, Executor executor, BooleanSupplier serverDraining) {
    this.options = options;
    this.executor = executor;
    this.serverDraining = serverDraining;
  }

  /** Wires the connection's other parts; by the initializer, before the channel is used. */
  void assemble(
      PipelinedRequests pipelining,
      ConnectionTimeouts timeouts,
      ReadPauses pauses,
      RequestReader reader) {
    this.pipelining = pipelining;
    this.timeouts = timeouts;
    this.pauses = pauses;
    this.reader = reader;
  }

  HttpServerOptions options() {
    return options;
  }

  Executor executor() {
    return executor;
  }

  /** This handler's context, the point of the pipeline every answer is written from. */
  ChannelHandlerContext ctx() {
    return ctx;
  }

  /** The exchange under way, or null. */
  Exchange current() {
    return current;
  }

  /** Whether an exchange is under way (then the connection is not idle). */
  boolean isBusy() {
    return current != null;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    this.writer = new ResponseWriter(ctx, this, options, options.sslContext() != null, executor);
    if (serverDraining.getAsBoolean()) {
      draining = true;
    }
  }

  // ---- the exchange's life ------------------------------------------------------------------

  /** A request head arrived: its exchange is the current one. */
  void begin(Exchange ex) {
    current = ex;
  }

  /** The last of {@code ex}'s request arrived. */
  void requestComplete(Exchange ex) {
    ex.requestComplete();
    if (ex.body != null) {
      ex.body.end(); // once the chunks still waiting for room are taken
    }
    if (ex.pendingUpgrade != null) {
      upgrade(ex, ex.pendingUpgrade);
    } else if (ex.isResponseDone()) {
      nextExchange(); // the rest of the body was discarded
    }
  }

  /** Answers {@code ex} with {@code response}, or with a status for {@code error}. */
  void respond(Exchange ex, HttpResponse response, Throwable error) {
    if (ex.isResponseStarted() || !ctx.channel().isActive()) {
      if (response != null) {
        Chunks.dispose(response.body());
      }
      return;
    }
    if (error != null || response == null) {
      Throwable cause =
          error instanceof CompletionException && error.getCause() != null
              ? error.getCause()
              : error;
      int status = 500;
      if (cause instanceof HttpStatusException) {
        status = ((HttpStatusException) cause).status();
      } else if (cause == null) {
        log.error(
            "the handler completed {} {} with no response", ex.request.method(), ex.request.uri());
      } else {
        log.error("the handler failed for {} {}", ex.request.method(), ex.request.uri(), cause);
      }
      if (!ex.lastReceived() || status == 413) {
        ex.closeAfter = true; // the rest of the request is not worth reading
      }
      ex.responseStarted();
      ex.keepAliveResponse = keepAlive(ex, null);
      writer.writeStatus(ex, status);
      return;
    }
    ex.responseStarted();
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

  /** Answers {@code ex} with {@code status} and closes after it (a refused expectation). */
  void refuse(Exchange ex, int status) {
    ex.closeAfter = true;
    ex.responseStarted();
    ex.keepAliveResponse = false;
    writer.writeStatus(ex, status);
  }

  /** The request body broke off in the middle: 400 unless an answer is under way. */
  void malformedBody(Exchange ex, IOException cause) {
    if (ex.isResponseStarted()) {
      ex.endBody(cause);
      ctx.close();
      return;
    }
    ex.closeAfter = true;
    ex.keepAliveResponse = false;
    ex.responseStarted(); // before failing the body: the handler's answer comes too late
    ex.endBody(cause);
    writer.writeStatus(ex, 400);
  }

  private boolean keepAlive(Exchange ex, HttpResponse response) {
    return ex.keepAliveRequested
        && !ex.closeAfter
        && !draining
        && !serverDraining.getAsBoolean()
        && (response == null || !response.headers().containsToken("Connection", "close"));
  }

  /** Called by the writers once the response is written (or failed); on the event loop. */
  void responseDone(Exchange ex, boolean success) {
    if (!ex.responseDone()) {
      return;
    }
    timeouts.exchangeDone();
    if (!success || !ex.keepAliveResponse) {
      ex.endBody(null);
      if (success && !ex.lastReceived()) {
        lingerThenClose();
      } else {
        ctx.close();
      }
      return;
    }
    if (!ex.lastReceived()) {
      ex.endBody(null); // read and drop the rest of the body, then go on
      return;
    }
    nextExchange();
  }

  private void nextExchange() {
    Exchange done = current;
    if (done != null && done.body != null) {
      done.body.discard();
    }
    current = null;
    pauses.resume(ReadPauses.BODY);
    if (draining) {
      ctx.close();
      return;
    }
    timeouts.awaitNextHead();
    pipelining.exchangeDone();
  }

  /**
   * Closes a connection whose request body is still arriving without taking the answer with it: see
   * {@link LingeringClose}.
   */
  private void lingerThenClose() {
    reader.stop();
    pipelining.stop();
    if (options.sslContext() != null) {
      ctx.close(); // TLS: its end needs a close_notify
      return;
    }
    LingeringClose.start(ctx.channel(), pauses);
  }

  /** Steps aside for another protocol: see {@link ConnectionUpgrade}. */
  private void upgrade(Exchange ex, ConnectionUpgrade upgrade) {
    if (!ex.lastReceived()) {
      ex.pendingUpgrade = upgrade; // once the request is complete
      return;
    }
    if (pipelining.isHolding()) {
      log.debug("cannot upgrade {} with pipelined data waiting; closing", ctx.channel());
      ctx.close();
      return;
    }
    closed = true; // nothing more for HTTP
    reader.stop();
    timeouts.stop();
    Upgrades.leaveHttp(ctx.pipeline());
    try {
      upgrade.upgrade(ctx.channel(), ex.request);
    } catch (Exception e) {
      log.error("connection upgrade failed for {} {}", ex.request.method(), ex.request.uri(), e);
      ctx.channel().close();
    }
  }

  // ---- the connection -------------------------------------------------------------------------

  /**
   * Passes writability to the body writer, whose bridge resumes in a task of its own, never inside
   * this call: the channel becomes writable again in the middle of a write when a flush runs inside
   * it (the flush consolidation flushes as the channel turns unwritable), and a body chunk written
   * from there would re-enter Netty's HTTP encoder, which is not reentrant.
   */
  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (current != null && current.writer != null) {
      current.writer.writabilityChanged();
    }
    ctx.fireChannelWritabilityChanged();
  }

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

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    Exchange ex = current;
    if (ex != null && !closed) {
      if (ex.writer != null) {
        ex.writer.abort();
      }
      ex.endBody(new IOException("connection closed before the request body was complete"));
    }
    closed = true;
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("closing {} after an error", ctx.channel(), cause);
    ctx.close();
  }
}
