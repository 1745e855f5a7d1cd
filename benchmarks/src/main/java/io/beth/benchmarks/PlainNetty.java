package io.beth.benchmarks;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringDatagramChannel;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.Locale;

/**
 * The transport of the hand-written Netty baselines, the load drivers and the Vert.x peers, with
 * nothing of Beth's in between: the one the system property {@code beth.transport} names ({@code
 * io_uring}, {@code epoll} or {@code nio}), so that a baseline runs on the transport a Beth server
 * under test is asked for; else NIO if {@code beth.transport.nio=true}; else Netty's own epoll
 * where the platform has it, NIO otherwise.
 */
public final class PlainNetty {

  /** The transports, each named as the system property {@code beth.transport} names it. */
  public enum Transport {
    /** Linux io_uring. */
    IO_URING("io_uring"),
    /** Linux epoll. */
    EPOLL("epoll"),
    /** Java NIO. */
    NIO("nio");

    private final String id;

    Transport(String id) {
      this.id = id;
    }

    /** The name {@code beth.transport} gives this transport. */
    @Override
    public String toString() {
      return id;
    }
  }

  private static final Transport CONFIGURED = configured();

  private PlainNetty() {}

  /** The transport the system properties choose; see the class documentation. */
  public static Transport transport() {
    return CONFIGURED;
  }

  /** A new event-loop group of {@code threads} (0 for Netty's default) named {@code name}. */
  public static EventLoopGroup group(int threads, String name) {
    return new MultiThreadIoEventLoopGroup(
        threads, new DefaultThreadFactory(name, true), ioHandlerFactory());
  }

  /** The server socket channel class that goes with {@link #group}. */
  public static Class<? extends ServerSocketChannel> serverChannel() {
    switch (CONFIGURED) {
      case IO_URING:
        return IoUringServerSocketChannel.class;
      case EPOLL:
        return EpollServerSocketChannel.class;
      default:
        return NioServerSocketChannel.class;
    }
  }

  /** The client socket channel class that goes with {@link #group}. */
  public static Class<? extends SocketChannel> socketChannel() {
    switch (CONFIGURED) {
      case IO_URING:
        return IoUringSocketChannel.class;
      case EPOLL:
        return EpollSocketChannel.class;
      default:
        return NioSocketChannel.class;
    }
  }

  /** The datagram channel class that goes with {@link #group}. */
  public static Class<? extends DatagramChannel> datagramChannel() {
    switch (CONFIGURED) {
      case IO_URING:
        return IoUringDatagramChannel.class;
      case EPOLL:
        return EpollDatagramChannel.class;
      default:
        return NioDatagramChannel.class;
    }
  }

  private static IoHandlerFactory ioHandlerFactory() {
    switch (CONFIGURED) {
      case IO_URING:
        return IoUringIoHandler.newFactory();
      case EPOLL:
        return EpollIoHandler.newFactory();
      default:
        return NioIoHandler.newFactory();
    }
  }

  private static Transport configured() {
    String named = System.getProperty("beth.transport", "").trim().toLowerCase(Locale.ROOT);
    Transport chosen;
    if (named.isEmpty()) {
      boolean nio = Boolean.getBoolean("beth.transport.nio") || !Epoll.isAvailable();
      return nio ? Transport.NIO : Transport.EPOLL;
    }
    switch (named) {
      case "io_uring":
        chosen = Transport.IO_URING;
        break;
      case "epoll":
        chosen = Transport.EPOLL;
        break;
      case "nio":
        return Transport.NIO;
      default:
        throw new IllegalArgumentException(
            "-Dbeth.transport=" + named + ": expected io_uring, epoll or nio");
    }
    Throwable unavailable =
        chosen == Transport.IO_URING ? IoUring.unavailabilityCause() : Epoll.unavailabilityCause();
    if (unavailable != null) {
      throw new IllegalStateException(chosen + " is not available here", unavailable);
    }
    return chosen;
  }
}
