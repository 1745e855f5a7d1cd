package io.beth.http.client.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelException;
import io.netty.channel.epoll.EpollSocketChannel;

/**
 * Whether the server has closed a connection that Netty still sees open: its FIN (or reset) reached
 * the socket but the event loop has not read it yet. Told by the kernel's TCP state on Linux's
 * native transport; elsewhere only the close event says so.
 */
final class PeerClosed {

  /** {@code TCP_CLOSE} in Linux's {@code tcp_states.h}: reset, or closed. */
  private static final int TCP_CLOSE = 7;

  /** {@code TCP_CLOSE_WAIT}: the peer's FIN arrived, this side has not closed yet. */
  private static final int TCP_CLOSE_WAIT = 8;

  private PeerClosed() {}

  /** Whether the socket of {@code channel} has seen the peer close it; false when unknown. */
  static boolean closedByPeer(Channel channel) {
    if (!(channel instanceof EpollSocketChannel epoll)) {
      return false;
    }
    try {
      int state = epoll.tcpInfo().state();
      return state == TCP_CLOSE_WAIT || state == TCP_CLOSE;
    } catch (ChannelException e) {
      return false; // the socket is gone already: the close event will say so
    }
  }
}
