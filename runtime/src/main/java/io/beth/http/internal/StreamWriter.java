package io.beth.http.internal;

import io.beth.stream.Source;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.Charset;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a source's messages as body chunks: the next message is taken only while the channel is
 * writable, and everything runs on the channel's event loop. If the connection closes first, the
 * source is closed so that its producer stops.
 */
final class StreamWriter implements Exchange.BodyWriter {

  private static final Logger log = LoggerFactory.getLogger(StreamWriter.class);

  private final ChannelHandlerContext ctx;
  private final HttpConnectionHandler connection;
  private final Exchange ex;
  private final Source<Object> source;
  private final Charset charset;
  private boolean waiting;
  private boolean done;

  StreamWriter(ChannelHandlerContext ctx, HttpConnectionHandler connection, Exchange ex,
      Source<Object> source, Charset charset) {
    this.ctx = ctx;
    this.connection = connection;
    this.ex = ex;
    this.source = source;
    this.charset = charset;
  }

  /** Writes what the source has while the channel is writable; on the event loop. */
  void pump() {
    while (!done && !waiting) {
      if (!ctx.channel().isWritable()) {
        ctx.flush();
        return; // resume() continues
      }
      CompletableFuture<Object> next = source.take();
      if (!next.isDone()) {
        waiting = true;
        ctx.flush();
        next.whenComplete((item, error) -> onLoop(item, error));
        return;
      }
      Object item;
      try {
        item = next.join();
      } catch (CompletionException | CancellationException e) {
        fail(e.getCause() != null ? e.getCause() : e);
        return;
      }
      send(item);
    }
  }

  private void onLoop(Object item, Throwable error) {
    try {
      ctx.executor().execute(() -> {
        waiting = false;
        if (error != null) {
          fail(error instanceof CompletionException && error.getCause() != null
              ? error.getCause() : error);
        } else {
          send(item);
          pump();
        }
      });
    } catch (RejectedExecutionException e) {
      ReferenceCountUtil.safeRelease(item);
      Chunks.closeAndDrain(source);
    }
  }

  private void send(Object item) {
    if (done) {
      ReferenceCountUtil.safeRelease(item);
      return;
    }
    if (item == null) {
      done = true;
      ex.writer = null;
      ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT)
          .addListener(f -> connection.responseDone(ex, f.isSuccess()));
      return;
    }
    ByteBuf buf;
    try {
      buf = Chunks.toByteBuf(item, ctx.alloc(), charset);
    } catch (IllegalArgumentException e) {
      ReferenceCountUtil.safeRelease(item);
      fail(e);
      return;
    }
    if (!buf.isReadable()) {
      buf.release();
      return;
    }
    ctx.write(new DefaultHttpContent(buf))
        .addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
  }

  private void fail(Throwable error) {
    if (done) {
      return;
    }
    log.warn("the body stream of the response to {} {} failed; closing the connection",
        ex.request.method(), ex.request.uri(), error);
    done = true;
    ex.writer = null;
    Chunks.closeAndDrain(source);
    connection.responseDone(ex, false);
  }

  @Override
  public void resume() {
    pump();
  }

  @Override
  public void abort() {
    if (!done) {
      done = true;
      ex.writer = null;
      Chunks.closeAndDrain(source);
    }
  }
}
