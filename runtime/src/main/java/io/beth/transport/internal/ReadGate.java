package io.beth.transport.internal;

import io.netty.channel.Channel;

/**
 * How an {@link InboundBridge} stops and restarts the reads that feed it while its consumer is
 * behind. A plain connection turns its channel's auto-read off and on; a protocol that multiplexes
 * several streams over one connection decides for itself (an HTTP connection also pauses for a
 * pipelined request, HTTP/2 withholds the window). Called on the channel's event loop.
 */
public interface ReadGate {

  /** Stop reading: a message is waiting for room in the consumer's buffer. */
  void pause();

  /** Read again: every message read was accepted. */
  void resume();

  /** The gate of a channel read by itself: its auto-read, off while paused. */
  static ReadGate autoRead(Channel channel) {
    return new ReadGate() {
      @Override
      public void pause() {
        channel.config().setAutoRead(false);
      }

      @Override
      public void resume() {
        channel.config().setAutoRead(true); // reads at once when it was off
      }
    };
  }
}
