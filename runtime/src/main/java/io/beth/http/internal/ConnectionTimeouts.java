package io.beth.http.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.CharsetUtil;
import io.netty.util.concurrent.Ticker;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP/1.1 connection's two timeouts. The head timeout answers 408 and closes when a request
 * head has not been decoded within the timeout of its first byte (slow clients). The idle timeout
 * closes a connection that has no exchange under way and neither read nor answered anything for its
 * length. The request decoder reports every read (so the timeouts cost no pipeline handler of their
 * own); the connection tells them when a head was decoded and when an exchange ended.
 *
 * <p>One timer each per connection, not cancelled when the awaited event arrives: when it fires it
 * looks at the state then, acts if it is late, or arms itself again for when it would be. A busy
 * keep-alive connection so costs a timer per timeout period rather than a schedule and a cancel per
 * request.
 */
final class ConnectionTimeouts {

  private static final Logger log = LoggerFactory.getLogger(ConnectionTimeouts.class);

  private static final byte[] TIMEOUT_RESPONSE =
      ("HTTP/1.1 408 Request Timeout\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")
          .getBytes(CharsetUtil.US_ASCII);

  private final long headNanos;
  private final long idleNanos;
  private final BooleanSupplier busy;
  private ChannelHandlerContext ctx; // the decoder's: a 408 goes out below the response encoder
  private boolean awaitingHead = true;
  private boolean headStarted; // a byte of the awaited head arrived, at headStartNanos
  private long headStartNanos;
  private Ticker ticker = Ticker.systemTicker();
  private long lastReadNanos = now();
  private long lastActivityNanos = lastReadNanos;
  private boolean inRead;
  private boolean stopped;
  private ScheduledFuture<?> headTimer;
  private ScheduledFuture<?> idleTimer;

  /**
   * Timeouts of {@code headNanos} for a head and {@code idleNanos} of idleness; {@code busy} says
   * whether an exchange is under way (then the connection is not idle).
   */
  ConnectionTimeouts(long headNanos, long idleNanos, BooleanSupplier busy) {
    this.headNanos = headNanos;
    this.idleNanos = idleNanos;
    this.busy = busy;
  }

  /** The decoder joined the pipeline at {@code ctx}: the idle clock starts. */
  void attach(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    this.ticker = ctx.executor().ticker();
    lastReadNanos = now();
    lastActivityNanos = lastReadNanos;
    idleTimer = ctx.executor().schedule(this::checkIdle, idleNanos, TimeUnit.NANOSECONDS);
  }

  /** The decoder is about to decode {@code bytes}, just read from the socket. */
  void read(ByteBuf bytes) {
    inRead = true;
    lastReadNanos = now();
    lastActivityNanos = lastReadNanos;
    if (awaitingHead && !headStarted && bytes.isReadable()) {
      headStarted = true;
      headStartNanos = lastReadNanos;
      if (headTimer == null) {
        headTimer = ctx.executor().schedule(this::checkHead, headNanos, TimeUnit.NANOSECONDS);
      }
    }
  }

  /** The read ended. */
  void readComplete() {
    inRead = false;
  }

  /**
   * When the connection last read bytes, as {@link System#nanoTime()}: the one clock reading per
   * read that the connection uses for request arrival times too.
   */
  long lastReadNanos() {
    return lastReadNanos;
  }

  /** A request head was decoded: no head timeout until the next is awaited. */
  void headReceived() {
    awaitingHead = false;
    headStarted = false;
  }

  /** An exchange ended: the connection is active now, and the next head's first byte counts. */
  void exchangeDone() {
    // answered within the read that brought the request: that read's time will do
    lastActivityNanos = inRead ? lastReadNanos : now();
  }

  /** The next exchange may begin: the next head's first byte starts the head clock. */
  void awaitNextHead() {
    awaitingHead = true;
  }

  /** No head is awaited and the connection is not timed any more (closed, or left HTTP). */
  void stop() {
    stopped = true;
    awaitingHead = false;
    headStarted = false;
    if (headTimer != null) {
      headTimer.cancel(false);
      headTimer = null;
    }
    if (idleTimer != null) {
      idleTimer.cancel(false);
      idleTimer = null;
    }
  }

  /**
   * {@link System#nanoTime()} as the event loop's ticker tells it (the same on a real loop; a
   * test's loop may move its time by hand).
   */
  private long now() {
    return ticker.initialNanoTime() + ticker.nanoTime();
  }

  private void checkHead() {
    headTimer = null;
    if (!awaitingHead || !headStarted || !ctx.channel().isActive()) {
      return; // no head under way: the next one's first byte arms the timer again
    }
    long left = headStartNanos + headNanos - now();
    if (left > 0) {
      headTimer = ctx.executor().schedule(this::checkHead, left, TimeUnit.NANOSECONDS);
      return;
    }
    ctx.writeAndFlush(Unpooled.wrappedBuffer(TIMEOUT_RESPONSE))
        .addListener(ChannelFutureListener.CLOSE);
  }

  private void checkIdle() {
    idleTimer = null;
    if (stopped || !ctx.channel().isActive()) {
      return;
    }
    long quiet = now() - lastActivityNanos;
    if (quiet >= idleNanos && !busy.getAsBoolean()) {
      log.debug("closing idle connection {}", ctx.channel());
      ctx.channel().close();
    } else {
      long delay = quiet >= idleNanos ? idleNanos : idleNanos - quiet;
      idleTimer = ctx.executor().schedule(this::checkIdle, delay, TimeUnit.NANOSECONDS);
    }
  }
}
