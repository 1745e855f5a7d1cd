package io.beth.http.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.CharsetUtil;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Answers 408 and closes when a request head has not been decoded within the timeout of its first
 * byte (slow clients). The request decoder reports every read to it (so it costs no pipeline
 * handler of its own); the connection handler tells it when a head was decoded and when the next
 * one is awaited, and takes the time of the last read from it.
 *
 * <p>One timer per connection, armed when a head starts and none is armed, and not cancelled when
 * the head arrives: when it fires it looks at the head awaited then, answers 408 if that one is
 * late, or arms itself again for when it would be. A busy keep-alive connection so costs a timer
 * per timeout period rather than a schedule and a cancel per request.
 */
final class HeadTimeout {

  private static final byte[] TIMEOUT_RESPONSE =
      ("HTTP/1.1 408 Request Timeout\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")
          .getBytes(CharsetUtil.US_ASCII);

  private final long timeoutNanos;
  private ChannelHandlerContext ctx; // the decoder's: a 408 goes out below the response encoder
  private boolean awaitingHead = true;
  private boolean headStarted; // a byte of the awaited head arrived, at headStartNanos
  private long headStartNanos;
  private long lastReadNanos = System.nanoTime();
  private ScheduledFuture<?> timer;

  HeadTimeout(long timeoutNanos) {
    this.timeoutNanos = timeoutNanos;
  }

  /** The decoder joined the pipeline at {@code ctx}. */
  void attach(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  /** The decoder is about to decode {@code bytes}, just read from the socket. */
  void read(ByteBuf bytes) {
    lastReadNanos = System.nanoTime();
    if (awaitingHead && !headStarted && bytes.isReadable()) {
      headStarted = true;
      headStartNanos = lastReadNanos;
      if (timer == null) {
        timer = ctx.executor().schedule(this::check, timeoutNanos, TimeUnit.NANOSECONDS);
      }
    }
  }

  /**
   * When the connection last read bytes, as {@link System#nanoTime()}: the one clock reading per
   * read that the connection handler uses too (for the idle timeout and request arrival times).
   */
  long lastReadNanos() {
    return lastReadNanos;
  }

  /** A request head was decoded: no timeout until the next is awaited. */
  void headReceived() {
    awaitingHead = false;
    headStarted = false;
  }

  /** The previous exchange is complete: the next head's first byte starts the clock. */
  void awaitNextHead() {
    awaitingHead = true;
  }

  /** No head is awaited any more (the connection closed, or left HTTP behind). */
  void stop() {
    awaitingHead = false;
    headStarted = false;
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }

  private void check() {
    timer = null;
    if (!awaitingHead || !headStarted || !ctx.channel().isActive()) {
      return; // no head under way: the next one's first byte arms the timer again
    }
    long left = headStartNanos + timeoutNanos - System.nanoTime();
    if (left > 0) {
      timer = ctx.executor().schedule(this::check, left, TimeUnit.NANOSECONDS);
      return;
    }
    ctx.writeAndFlush(Unpooled.wrappedBuffer(TIMEOUT_RESPONSE))
        .addListener(ChannelFutureListener.CLOSE);
  }
}
