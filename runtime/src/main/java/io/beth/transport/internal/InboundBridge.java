package io.beth.transport.internal;

import io.beth.stream.BufferedStream;
import io.beth.stream.internal.PollableSource;
import io.netty.channel.Channel;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.CompletableFuture;

/**
 * The inbound side of the one bridge between a Netty channel and Beth's streams: what the channel
 * reads is put into a bounded stream that the consumer takes from. A put that is not accepted at
 * once pauses the {@link ReadGate} until every pending put is accepted (TCP backpressure, or an
 * HTTP/2 window withheld). The end is delivered after the last pending put, so nothing read is lost
 * to a slow consumer; a failure is delivered at once.
 *
 * <p>When the consumer closes the stream before its end ("gives up"), pending and later messages
 * are released and {@code onGone} runs; the policy chosen at creation says whether reading then
 * stops (a TCP connection whose user stopped reading) or goes on, discarding (an HTTP body whose
 * handler ignored it: the connection must read past it to the next request).
 *
 * <p>Everything but the consumer's side of the stream runs on the channel's event loop.
 *
 * @param <T> the type of the messages delivered
 */
public final class InboundBridge<T> {

  /** What a bridge does once its consumer has given up. */
  public enum WhenGone {
    /** Keep the gate paused: nothing more is read for this consumer. */
    STOP_READING,
    /** Keep reading, releasing every message. */
    DISCARD
  }

  private final Channel channel;
  private final BufferedStream<T> stream;
  private final ReadGate gate;
  private final WhenGone whenGone;
  private final Runnable onGone;

  // Confined to the event loop.
  private int pendingPuts;
  private boolean ended; // end() or fail() was called: nothing more is delivered
  private boolean closeWhenAccepted;
  private boolean gone; // the consumer closed the stream before its end

  private InboundBridge(
      Channel channel, int capacity, ReadGate gate, WhenGone whenGone, Runnable onGone) {
    this.channel = channel;
    this.stream = BufferedStream.create(capacity);
    this.gate = gate;
    this.whenGone = whenGone;
    this.onGone = onGone;
  }

  /**
   * A bridge delivering into a new stream of {@code capacity} messages.
   *
   * @param channel the channel read (its event loop runs the bridge)
   * @param gate pauses and resumes the reads
   * @param whenGone whether reading stops once the consumer gives up
   * @param onGone runs on the loop once the consumer gives up (nothing to do: a no-op)
   */
  public static <T> InboundBridge<T> create(
      Channel channel, int capacity, ReadGate gate, WhenGone whenGone, Runnable onGone) {
    InboundBridge<T> bridge = new InboundBridge<>(channel, capacity, gate, whenGone, onGone);
    bridge.stream.closed().whenComplete((v, e) -> OnLoop.run(channel, bridge::streamClosed));
    return bridge;
  }

  /** The stream the consumer takes (or, inside the runtime, polls) from. */
  public PollableSource<T> source() {
    return stream;
  }

  /**
   * Delivers one message read, taking ownership of it: once the bridge has ended or the consumer is
   * gone, it is released. Returns whether the consumer still wants messages.
   */
  public boolean deliver(T message) {
    if (ended || gone) {
      ReferenceCountUtil.release(message);
      return !gone;
    }
    CompletableFuture<Boolean> put = stream.put(message);
    if (put.isDone()) {
      if (!Boolean.TRUE.equals(put.getNow(false))) {
        ReferenceCountUtil.release(message);
        consumerGone();
        return false;
      }
      return true;
    }
    if (pendingPuts++ == 0) {
      gate.pause();
    }
    put.whenComplete(
        (ok, e) -> OnLoop.run(channel, () -> accepted(message, Boolean.TRUE.equals(ok))));
    return true;
  }

  private void accepted(T message, boolean ok) {
    if (!ok) {
      ReferenceCountUtil.release(message);
    }
    if (--pendingPuts > 0) {
      return;
    }
    if (closeWhenAccepted) {
      closeWhenAccepted = false;
      stream.close();
    }
    if (!ok && !ended) {
      consumerGone(); // the consumer closed the stream under a pending put
    }
    if (!gone || whenGone == WhenGone.DISCARD) {
      gate.resume();
    }
  }

  /** Whether a delivered message waits for room, so that reads are paused. */
  public boolean isPaused() {
    return pendingPuts > 0;
  }

  /** Whether the consumer closed the stream before its end. */
  public boolean isGone() {
    return gone;
  }

  /** Whether {@link #end} or {@link #fail} was called. */
  public boolean isEnded() {
    return ended;
  }

  /** The input is complete: the stream closes once every pending message is accepted. */
  public void end() {
    if (ended) {
      return;
    }
    ended = true;
    if (pendingPuts == 0) {
      stream.close();
    } else {
      closeWhenAccepted = true;
    }
  }

  /**
   * The input broke: the stream fails with {@code cause} now (what it buffered is dropped), unless
   * it was ended already.
   */
  public void fail(Throwable cause) {
    if (ended) {
      return;
    }
    ended = true;
    stream.fail(cause);
  }

  /**
   * Nothing more will be read for this consumer (the connection closed, the exchange is over): the
   * stream is closed and every message it still holds released. A consumer that has not taken the
   * end yet sees it; a message it takes from here on would be one already released, so none is
   * left.
   */
  public void discard() {
    ended = true;
    closeWhenAccepted = false;
    Disposal.closeAndRelease(stream);
  }

  /** Releases what a closed consumer left buffered; for the connection's end. */
  public void releaseIfGone() {
    if (gone) {
      Disposal.closeAndRelease(stream);
    }
  }

  private void streamClosed() {
    if (!ended) {
      consumerGone();
    }
  }

  private void consumerGone() {
    if (gone) {
      return;
    }
    gone = true;
    if (whenGone == WhenGone.STOP_READING) {
      gate.pause();
    }
    onGone.run();
  }

  @Override
  public String toString() {
    return "InboundBridge[" + stream + ", pending=" + pendingPuts + ", gone=" + gone + "]";
  }
}
