package io.beth.http.internal;

import io.beth.transport.Transports;
import io.beth.transport.internal.EpollKeepRegistered;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * Native epoll when the platform has it and it is wanted, NIO otherwise: like {@link Transports},
 * the system property {@code beth.transport.nio=true} forces NIO.
 */
public final class NettyTransport {

  private final boolean epoll;

  private NettyTransport(boolean epoll) {
    this.epoll = epoll;
  }

  /** Epoll if {@code preferNative} and {@link Transports#isNative()}, else NIO. */
  public static NettyTransport select(boolean preferNative) {
    return new NettyTransport(preferNative && Transports.isNative());
  }

  /** Whether this is the native epoll transport. */
  public boolean isNative() {
    return epoll;
  }

  /** A new event-loop group of {@code threads} (0 for Netty's default) named {@code name}. */
  public EventLoopGroup newGroup(int threads, String name) {
    IoHandlerFactory factory = epoll ? EpollKeepRegistered.newFactory() : NioIoHandler.newFactory();
    return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), factory);
  }

  /** The server channel class of this transport. */
  public Class<? extends ServerChannel> serverChannelClass() {
    return epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }
}
