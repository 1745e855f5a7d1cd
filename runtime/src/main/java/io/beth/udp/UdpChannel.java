package io.beth.udp;

import io.beth.stream.DuplexStream;
import io.beth.stream.Sink;
import io.beth.stream.Source;
import io.beth.stream.internal.PollableSource;
import io.beth.transport.BethResources;
import io.beth.transport.internal.ChannelStream;
import io.beth.udp.internal.PacketCodec;
import io.beth.udp.internal.ReusedReceiveBuffer;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A UDP socket as a duplex stream of {@link UdpPacket}s: packets received are taken from it,
 * packets put into it are sent to their remote address.
 *
 * <p>A socket opened without a port ({@link UdpOptions#SEND_ONLY}) only sends: its source is closed
 * from the start (a take completes with {@code null}) and nothing is read. A put of a packet larger
 * than {@link UdpOptions#maxPacketSize()} fails with an {@link IllegalArgumentException} naming its
 * size. A send the system refuses (to a broadcast address without {@link UdpOptions#broadcast()},
 * to an unreachable network) fails the socket with a {@link io.beth.transport.ConnectionException}
 * naming the destination, and closes it. While the consumer is behind, reading pauses and the
 * kernel drops what it cannot hold, as UDP does. Closing the socket sends what was accepted, then
 * closes it. {@link #take(Duration)} waits a bounded time and tells a timeout ({@link #TIMED_OUT})
 * from the end ({@code null}).
 */
public final class UdpChannel
    implements DuplexStream<UdpPacket, UdpPacket>, PollableSource<UdpPacket> {

  /**
   * What {@link #take(Duration)} completes with when no packet arrived in time: a packet of no
   * bytes from {@code 0.0.0.0:0}, an address no datagram comes from. Compare it with {@code ==} (or
   * {@code equals}); the end of the stream is {@code null}, as for every source.
   */
  public static final UdpPacket TIMED_OUT = new UdpPacket(new InetSocketAddress(0), new byte[0]);

  private static final int MESSAGES_PER_READ = 16;

  private final ChannelStream<UdpPacket, UdpPacket> stream;
  private final DatagramChannel channel;
  private final boolean receives;

  private UdpChannel(ChannelStream<UdpPacket, UdpPacket> stream, boolean receives) {
    this.stream = stream;
    this.channel = (DatagramChannel) stream.channel();
    this.receives = receives;
  }

  /** Opens a socket; the future completes once it is bound, or fails with why not. */
  public static CompletableFuture<UdpChannel> open(UdpOptions options) {
    Objects.requireNonNull(options, "options == null");
    BethResources resources =
        options.resources() != null ? options.resources() : BethResources.shared();
    if (resources.isClosed()) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("cannot open a UDP socket on " + resources + ": closed"));
    }
    int port = options.receives() ? options.port() : 0;
    InetSocketAddress bind =
        options.host() == null
            ? new InetSocketAddress(port)
            : new InetSocketAddress(options.host(), port);
    InetAddress bindAddress = options.host() == null ? null : bind.getAddress();
    @SuppressWarnings("unchecked")
    ChannelStream<UdpPacket, UdpPacket>[] holder = new ChannelStream[1];
    ReusedReceiveBuffer receiveBuffer =
        new ReusedReceiveBuffer(options.maxPacketSize(), MESSAGES_PER_READ);
    Bootstrap bootstrap =
        new Bootstrap()
            .group(resources.eventLoopGroup())
            .channelFactory(
                () -> resources.transport().newDatagramChannel(family(options, bindAddress)))
            .option(ChannelOption.SO_BROADCAST, options.broadcast())
            .option(ChannelOption.IP_MULTICAST_LOOP_DISABLED, !options.multicastLoopback())
            // Room for the largest packet, so none is cut short, in one buffer reused for every
            // read.
            // Several datagrams per read (an allocator set as an option reads one unless told;
            // Netty's
            // datagram default is 16): one read per packet costs an epoll wake-up each and sends
            // the
            // answers one system call each.
            .option(ChannelOption.RCVBUF_ALLOCATOR, receiveBuffer)
            .handler(
                new ChannelInitializer<DatagramChannel>() {
                  @Override
                  protected void initChannel(DatagramChannel ch) {
                    holder[0] =
                        ChannelStream.attach(
                            ch,
                            new PacketCodec(options.maxPacketSize()),
                            options.inboundBuffer(),
                            options.outboundBuffer(),
                            false);
                    ch.closeFuture().addListener(f -> receiveBuffer.release());
                    if (!options.receives()) {
                      holder[0].endInput();
                    }
                  }
                });
    if (options.multicastInterface() != null) {
      bootstrap.option(ChannelOption.IP_MULTICAST_IF, options.multicastInterface());
    }
    if (options.multicastTtl() >= 0) {
      bootstrap.option(ChannelOption.IP_MULTICAST_TTL, options.multicastTtl());
    }
    CompletableFuture<UdpChannel> opened = new CompletableFuture<>();
    bootstrap
        .bind(bind)
        .addListener(
            f -> {
              if (f.isSuccess()) {
                opened.complete(new UdpChannel(holder[0], options.receives()));
              } else {
                opened.completeExceptionally(f.cause());
              }
            });
    return opened;
  }

  /**
   * The socket's protocol family: that of the bind address if one was given; IPv4 for a socket that
   * sends multicast from a given interface without one (the interface choice of a dual-stack socket
   * would not apply to IPv4 groups); else the transport's default, dual-stack where available.
   */
  private static SocketProtocolFamily family(UdpOptions options, InetAddress bindAddress) {
    if (bindAddress != null) {
      return bindAddress instanceof Inet6Address
          ? SocketProtocolFamily.INET6
          : SocketProtocolFamily.INET;
    }
    return options.multicastInterface() != null ? SocketProtocolFamily.INET : null;
  }

  /** The local address the socket is bound to. */
  public InetSocketAddress localAddress() {
    return channel.localAddress();
  }

  /** Whether the socket receives; a send-only socket's source is closed. */
  public boolean receives() {
    return receives;
  }

  /** Joins the multicast {@code group} on {@code networkInterface}. */
  public CompletableFuture<Void> joinGroup(InetAddress group, NetworkInterface networkInterface) {
    return toFuture(
        channel.joinGroup(
            new InetSocketAddress(group, 0), Objects.requireNonNull(networkInterface)));
  }

  /** Leaves the multicast {@code group} on {@code networkInterface}. */
  public CompletableFuture<Void> leaveGroup(InetAddress group, NetworkInterface networkInterface) {
    return toFuture(
        channel.leaveGroup(
            new InetSocketAddress(group, 0), Objects.requireNonNull(networkInterface)));
  }

  private static CompletableFuture<Void> toFuture(ChannelFuture future) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (future.isDone()) { // a listener on it could not run once its event loop has terminated
      if (future.isSuccess()) {
        done.complete(null);
      } else {
        done.completeExceptionally(future.cause());
      }
      return done;
    }
    future.addListener(
        f -> {
          if (f.isSuccess()) {
            done.complete(null);
          } else {
            done.completeExceptionally(f.cause());
          }
        });
    return done;
  }

  @Override
  public Source<UdpPacket> inbound() {
    return stream.inbound();
  }

  @Override
  public Sink<UdpPacket> outbound() {
    return stream.outbound();
  }

  /**
   * The next packet received, waiting at most {@code timeout}: completes with the packet, with
   * {@link #TIMED_OUT} if none arrived in time (one that arrives later stays for the next take),
   * with {@code null} once the socket is closed and every packet received was taken (at once, not
   * after the timeout; a send-only socket's source is closed from the start), or exceptionally if
   * the socket failed.
   *
   * <pre>{@code
   * for (UdpPacket p; (p = socket.take(Duration.ofSeconds(1)).join()) != null; ) {
   *   if (p == UdpChannel.TIMED_OUT) {
   *     continue; // a second without a packet
   *   }
   *   handle(p);
   * }
   * }</pre>
   */
  public CompletableFuture<UdpPacket> take(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout == null");
    return take(timeout, TIMED_OUT);
  }

  /**
   * {@link Source#take(Duration, Object)}: completes with {@code timeoutValue} if no packet arrived
   * within {@code timeout}, with {@code null} at the end. Give it a packet (or use {@link
   * #take(Duration)}): with {@code null} the two cannot be told apart.
   */
  @Override
  public CompletableFuture<UdpPacket> take(Duration timeout, UdpPacket timeoutValue) {
    return inbound().take(timeout, timeoutValue);
  }

  /** The next packet received, if there is one now: lets {@code Streams.connect} skip futures. */
  @Override
  public UdpPacket poll() {
    return stream.poll();
  }

  @Override
  public boolean whenReady(Runnable wakeUp) {
    return stream.whenReady(wakeUp);
  }

  /** Sends what was accepted, then closes the socket. */
  @Override
  public void close() {
    stream.close();
  }

  /** Completes once the socket itself is closed. */
  public CompletionStage<Void> socketClosed() {
    return toFuture(channel.closeFuture());
  }

  @Override
  public String toString() {
    return "UdpChannel["
        + channel.localAddress()
        + (receives ? "" : ", send-only (source closed)")
        + (channel.isOpen() ? "" : ", closed")
        + "]";
  }
}
