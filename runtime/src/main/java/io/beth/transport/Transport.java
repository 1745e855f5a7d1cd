package io.beth.transport;

import io.beth.transport.internal.EpollKeepRegistered;
import io.netty.channel.IoHandlerFactory;
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
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringDatagramChannel;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The Netty transport of a {@link BethResources}' event loops: Linux io_uring, Linux epoll, or Java
 * NIO (everywhere). {@link #configured()} is what resources use unless told otherwise.
 */
public enum Transport {

  /** Linux io_uring (kernel 5.14 or later); never chosen unless asked for. */
  IO_URING("io_uring") {
    @Override
    Throwable cause() {
      return IoUring.unavailabilityCause();
    }

    @Override
    IoHandlerFactory ioHandlerFactory() {
      return IoUringIoHandler.newFactory();
    }

    @Override
    public Class<? extends SocketChannel> socketChannelClass() {
      return IoUringSocketChannel.class;
    }

    @Override
    public Class<? extends ServerSocketChannel> serverSocketChannelClass() {
      return IoUringServerSocketChannel.class;
    }

    @Override
    public DatagramChannel newDatagramChannel(SocketProtocolFamily family) {
      return family == null ? new IoUringDatagramChannel() : new IoUringDatagramChannel(family);
    }
  },

  /** Linux epoll: the default where it is available. */
  EPOLL("epoll") {
    @Override
    Throwable cause() {
      return Epoll.unavailabilityCause();
    }

    @Override
    IoHandlerFactory ioHandlerFactory() {
      return EpollKeepRegistered.newFactory();
    }

    @Override
    public Class<? extends SocketChannel> socketChannelClass() {
      return EpollSocketChannel.class;
    }

    @Override
    public Class<? extends ServerSocketChannel> serverSocketChannelClass() {
      return EpollServerSocketChannel.class;
    }

    @Override
    public DatagramChannel newDatagramChannel(SocketProtocolFamily family) {
      return family == null ? new EpollDatagramChannel() : new EpollDatagramChannel(family);
    }
  },

  /** Java NIO: available everywhere; the default where epoll is not. */
  NIO("nio") {
    @Override
    Throwable cause() {
      return null;
    }

    @Override
    IoHandlerFactory ioHandlerFactory() {
      return NioIoHandler.newFactory();
    }

    @Override
    public Class<? extends SocketChannel> socketChannelClass() {
      return NioSocketChannel.class;
    }

    @Override
    public Class<? extends ServerSocketChannel> serverSocketChannelClass() {
      return NioServerSocketChannel.class;
    }

    @Override
    public DatagramChannel newDatagramChannel(SocketProtocolFamily family) {
      return family == null ? new NioDatagramChannel() : new NioDatagramChannel(family);
    }
  };

  /**
   * The system property that chooses the transport: {@code io_uring}, {@code epoll} or {@code nio}.
   */
  public static final String PROPERTY = "beth.transport";

  /** The older system property: {@code true} means {@code -Dbeth.transport=nio}. */
  public static final String NIO_PROPERTY = "beth.transport.nio";

  private final String id;

  Transport(String id) {
    this.id = id;
  }

  /**
   * The transport of resources built without one: the one {@value #PROPERTY} names; else NIO if
   * {@value #NIO_PROPERTY} is {@code true}; else epoll where available; else NIO. A transport named
   * but not available here fails when resources are built, saying why.
   */
  public static Transport configured() {
    return configured(System.getProperty(PROPERTY), System.getProperty(NIO_PROPERTY));
  }

  static Transport configured(String transport, String nio) {
    if (transport != null && !transport.isBlank()) {
      return of(transport);
    }
    if (Boolean.parseBoolean(nio)) {
      return NIO;
    }
    return EPOLL.isAvailable() ? EPOLL : NIO;
  }

  /**
   * The transport named {@code id} ({@code io_uring}, {@code epoll} or {@code nio}, in any case);
   * an {@link IllegalArgumentException} listing those for any other name.
   */
  public static Transport of(String id) {
    String name = id.trim().toLowerCase(Locale.ROOT);
    for (Transport t : values()) {
      if (t.id.equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "no transport named '"
            + id
            + "'; "
            + PROPERTY
            + " is one of "
            + Arrays.stream(values()).map(Transport::id).collect(Collectors.joining(", ")));
  }

  /** The name {@value #PROPERTY} gives it: {@code io_uring}, {@code epoll} or {@code nio}. */
  public String id() {
    return id;
  }

  /** Whether this platform has it (its native library loads, the kernel supports it). */
  public boolean isAvailable() {
    return unavailabilityCause() == null;
  }

  /** Why it is not available here, or {@code null} if it is. */
  public Throwable unavailabilityCause() {
    try {
      return cause();
    } catch (LinkageError e) {
      return e; // the transport's classes are not on the class path
    }
  }

  abstract Throwable cause();

  /** The I/O handlers of an event loop group on this transport. */
  abstract IoHandlerFactory ioHandlerFactory();

  /** The client socket channel class. */
  public abstract Class<? extends SocketChannel> socketChannelClass();

  /** The server socket channel class. */
  public abstract Class<? extends ServerSocketChannel> serverSocketChannelClass();

  /**
   * A new datagram channel for {@code family} ({@code INET} or {@code INET6}), or of the
   * transport's default family (dual-stack IPv6 where available) if null.
   */
  public abstract DatagramChannel newDatagramChannel(SocketProtocolFamily family);

  @Override
  public String toString() {
    return id;
  }
}
