package io.beth.http.internal;

import io.beth.transport.internal.ReadGate;
import io.netty.channel.Channel;
import java.util.function.BooleanSupplier;

/**
 * The body gate of an HTTP/1.1 connection: its auto-read is off while any reason holds it off. A
 * request body whose handler is behind is one reason, pipelined requests held back until the
 * current exchange ends are another. Event loop only.
 */
final class ReadPauses {

  /** A request body's consumer is behind. */
  static final int BODY = 1;

  /** Requests arrived behind the one being handled, and are held. */
  static final int PIPELINED = 2;

  private final Channel channel;
  private int reasons;

  ReadPauses(Channel channel) {
    this.channel = channel;
  }

  /** Stops reading for {@code reason}. */
  void pause(int reason) {
    reasons |= reason;
    update();
  }

  /** Lifts {@code reason}; reading resumes once no reason is left. */
  void resume(int reason) {
    reasons &= ~reason;
    update();
  }

  /** Lifts every reason: the connection reads whatever comes (to drop it). */
  void resumeAll() {
    reasons = 0;
    update();
  }

  /** Whether reading is paused for {@code reason}. */
  boolean isPaused(int reason) {
    return (reasons & reason) != 0;
  }

  /**
   * The gate of one request body's bridge: it pauses for {@link #BODY}, and resumes only while
   * {@code current} says its exchange is still the connection's (a late acceptance for an exchange
   * already over must not resume reads that a later one paused).
   */
  ReadGate bodyGate(BooleanSupplier current) {
    return new ReadGate() {
      @Override
      public void pause() {
        ReadPauses.this.pause(BODY);
      }

      @Override
      public void resume() {
        if (current.getAsBoolean()) {
          ReadPauses.this.resume(BODY);
        }
      }
    };
  }

  private void update() {
    boolean read = reasons == 0;
    if (channel.config().isAutoRead() != read) {
      channel.config().setAutoRead(read);
    }
  }
}
