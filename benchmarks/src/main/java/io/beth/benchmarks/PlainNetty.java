package io.beth.benchmarks;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The transport of the hand-written Netty baselines: Netty's own epoll where the platform has it
 * (the transport Beth picks there too), NIO otherwise, and nothing of Beth's in between.
 */
public final class PlainNetty {

  private static final boolean EPOLL = Epoll.isAvailable();

  private PlainNetty() {}

  /** A new event-loop group of {@code threads} (0 for Netty's default) named {@code name}. */
  public static EventLoopGroup group(int threads, String name) {
    IoHandlerFactory io = EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), io);
  }

  /** The server socket channel class that goes with {@link #group}. */
  public static Class<? extends ServerSocketChannel> serverChannel() {
    return EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }

  /** The datagram channel class that goes with {@link #group}. */
  public static Class<? extends DatagramChannel> datagramChannel() {
    return EPOLL ? EpollDatagramChannel.class : NioDatagramChannel.class;
  }
}
