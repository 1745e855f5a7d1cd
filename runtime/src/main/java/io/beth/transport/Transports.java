package io.beth.transport;

import io.beth.transport.internal.BlockingExecutor;
import io.beth.transport.internal.EpollKeepRegistered;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.ExecutorService;

/**
 * The Netty transport every Beth server and client shares: one event loop group, native epoll when
 * available (else NIO), and the matching channel classes.
 *
 * <p>The shared group and executor are created on first use with daemon threads and live as long as
 * the JVM; servers and clients never shut them down. {@link #blockingExecutor()} runs work that may
 * block (user handlers, name resolution) off the event loops.
 *
 * <p>Set the system property {@code beth.transport.nio=true} to force NIO.
 */
public final class Transports {

  private static final boolean NATIVE =
      !Boolean.getBoolean("beth.transport.nio") && Epoll.isAvailable();

  private Transports() {}

  /** Whether the native epoll transport is in use. */
  public static boolean isNative() {
    return NATIVE;
  }

  /** The shared I/O event loop group (one thread per core, twice). */
  public static EventLoopGroup eventLoopGroup() {
    return Holder.GROUP;
  }

  /** A new event loop group of {@code threads} threads on this transport; the caller shuts it down. */
  public static EventLoopGroup newEventLoopGroup(int threads, String name) {
    return new MultiThreadIoEventLoopGroup(
        threads, new DefaultThreadFactory(name, true), ioHandlerFactory());
  }

  /**
   * The shared executor for work that may block (handlers not declared non-blocking, name
   * resolution): a virtual thread per task on Java 21+, else a pool of daemon threads.
   */
  public static ExecutorService blockingExecutor() {
    return BlockingExecutor.shared();
  }

  /** The client socket channel class of this transport. */
  public static Class<? extends SocketChannel> socketChannelClass() {
    return NATIVE ? EpollSocketChannel.class : NioSocketChannel.class;
  }

  /** The server socket channel class of this transport. */
  public static Class<? extends ServerSocketChannel> serverSocketChannelClass() {
    return NATIVE ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }

  /** The datagram channel class of this transport. */
  public static Class<? extends DatagramChannel> datagramChannelClass() {
    return NATIVE ? EpollDatagramChannel.class : NioDatagramChannel.class;
  }

  /**
   * A new datagram channel of this transport for {@code family} ({@code INET} or {@code INET6}), or
   * of the transport's default family (dual-stack IPv6 where available) if null.
   */
  public static DatagramChannel newDatagramChannel(SocketProtocolFamily family) {
    if (family == null) {
      return NATIVE ? new EpollDatagramChannel() : new NioDatagramChannel();
    }
    return NATIVE ? new EpollDatagramChannel(family) : new NioDatagramChannel(family);
  }

  private static IoHandlerFactory ioHandlerFactory() {
    return NATIVE ? EpollKeepRegistered.newFactory() : NioIoHandler.newFactory();
  }

  private static final class Holder {
    static final EventLoopGroup GROUP = newEventLoopGroup(0, "beth-io");
  }
}
