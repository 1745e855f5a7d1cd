package io.beth.udp;

import io.beth.transport.BethResources;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;

/**
 * How a {@link UdpChannel} is opened. Immutable; build with {@link #builder()}, derive with {@link
 * #toBuilder()}.
 *
 * <p>Without {@link Builder#port(int)} the socket only sends (from an ephemeral port) and its
 * source is closed from the start. Defaults ({@link #DEFAULT}): send-only, no broadcast, packets of
 * at most {@value #MAX_PACKET_SIZE} bytes each way, 64 packets buffered each way, on the shared
 * resources ({@link BethResources#shared()}).
 */
public final class UdpOptions {

  /** The largest UDP payload over IPv4: 65,535 − 8 (UDP header) − 20 (IP header). */
  public static final int MAX_PACKET_SIZE = 65_507;

  /** The defaults: a send-only socket. */
  public static final UdpOptions DEFAULT = builder().build();

  /** A send-only socket with the defaults: {@link #DEFAULT}. */
  public static final UdpOptions SEND_ONLY = DEFAULT;

  private final Integer port;
  private final String host;
  private final boolean broadcast;
  private final int maxPacketSize;
  private final int inboundBuffer;
  private final int outboundBuffer;
  private final NetworkInterface multicastInterface;
  private final boolean multicastLoopback;
  private final int multicastTtl;
  private final BethResources resources;

  private UdpOptions(Builder b) {
    port = b.port;
    host = b.host;
    broadcast = b.broadcast;
    maxPacketSize = b.maxPacketSize;
    inboundBuffer = b.inboundBuffer;
    outboundBuffer = b.outboundBuffer;
    multicastInterface = b.multicastInterface;
    multicastLoopback = b.multicastLoopback;
    multicastTtl = b.multicastTtl;
    resources = b.resources;
  }

  /** A builder with the defaults (send-only). */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.port = port;
    b.host = host;
    b.broadcast = broadcast;
    b.maxPacketSize = maxPacketSize;
    b.inboundBuffer = inboundBuffer;
    b.outboundBuffer = outboundBuffer;
    b.multicastInterface = multicastInterface;
    b.multicastLoopback = multicastLoopback;
    b.multicastTtl = multicastTtl;
    b.resources = resources;
    return b;
  }

  /** Receives on {@code port} (0: a free one) on all interfaces; otherwise the defaults. */
  public static UdpOptions onPort(int port) {
    return builder().port(port).build();
  }

  /** Whether the socket receives (a port was given). */
  public boolean receives() {
    return port != null;
  }

  /** The port to receive on, or -1 for a send-only socket. */
  public int port() {
    return port == null ? -1 : port;
  }

  /** The address or host name to bind, or null for all interfaces. */
  public String host() {
    return host;
  }

  /**
   * The address to bind, or null for all interfaces.
   *
   * @deprecated use {@link #host()}, the name every options class uses
   */
  @Deprecated
  public InetAddress bindAddress() {
    if (host == null) {
      return null;
    }
    try {
      return InetAddress.getByName(host); // a literal is not looked up
    } catch (UnknownHostException e) {
      throw new IllegalStateException("cannot resolve the bind host " + host, e);
    }
  }

  /** Whether sending to broadcast addresses is allowed (SO_BROADCAST). */
  public boolean broadcast() {
    return broadcast;
  }

  /** The largest payload sent or received. */
  public int maxPacketSize() {
    return maxPacketSize;
  }

  /** Packets received and held before reading pauses (the kernel then drops more). */
  public int inboundBuffer() {
    return inboundBuffer;
  }

  /** Packets accepted and held before puts wait. */
  public int outboundBuffer() {
    return outboundBuffer;
  }

  /** The interface multicast packets are sent from, or null for the system's choice. */
  public NetworkInterface multicastInterface() {
    return multicastInterface;
  }

  /** Whether multicast packets sent are looped back to local members (IP_MULTICAST_LOOP). */
  public boolean multicastLoopback() {
    return multicastLoopback;
  }

  /** The time-to-live of multicast packets sent, or -1 for the system default. */
  public int multicastTtl() {
    return multicastTtl;
  }

  /** The resources the socket runs on, or {@code null} for {@link BethResources#shared()}. */
  public BethResources resources() {
    return resources;
  }

  /** Builds {@link UdpOptions}. */
  public static final class Builder {
    private Integer port;
    private String host;
    private boolean broadcast;
    private int maxPacketSize = MAX_PACKET_SIZE;
    private int inboundBuffer = 64;
    private int outboundBuffer = 64;
    private NetworkInterface multicastInterface;
    private boolean multicastLoopback = true;
    private int multicastTtl = -1;
    private BethResources resources;

    private Builder() {}

    /** Receive on {@code port}; 0 picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.port = port;
      return this;
    }

    /** Send only (the default): the source is closed. */
    public Builder sendOnly() {
      this.port = null;
      return this;
    }

    /**
     * The address or host name to bind (a name is looked up when the socket opens); null (the
     * default) for all interfaces.
     */
    public Builder host(String host) {
      if (host != null && host.isBlank()) {
        throw new IllegalArgumentException("host is blank");
      }
      this.host = host;
      return this;
    }

    /**
     * The address to bind; null for all interfaces.
     *
     * @deprecated use {@link #host(String)}: {@code bindAddress(address)} is {@code
     *     host(address.getHostAddress())}
     */
    @Deprecated
    public Builder bindAddress(InetAddress address) {
      return host(address == null ? null : address.getHostAddress());
    }

    /** Allow sending to broadcast addresses. */
    public Builder broadcast(boolean broadcast) {
      this.broadcast = broadcast;
      return this;
    }

    /** The largest payload, 1 to {@value UdpOptions#MAX_PACKET_SIZE}; larger puts fail. */
    public Builder maxPacketSize(int bytes) {
      if (bytes < 1 || bytes > MAX_PACKET_SIZE) {
        throw new IllegalArgumentException(
            "maxPacketSize must be 1 to " + MAX_PACKET_SIZE + ": " + bytes);
      }
      this.maxPacketSize = bytes;
      return this;
    }

    /** Packets received and held before reading pauses (at least 1). */
    public Builder inboundBuffer(int packets) {
      this.inboundBuffer = positive(packets, "inboundBuffer");
      return this;
    }

    /** Packets accepted and held before puts wait (at least 1). */
    public Builder outboundBuffer(int packets) {
      this.outboundBuffer = positive(packets, "outboundBuffer");
      return this;
    }

    /**
     * The interface to send multicast packets from; without a {@link #host} the socket is then IPv4
     * (bind an IPv6 address for IPv6 groups).
     */
    public Builder multicastInterface(NetworkInterface networkInterface) {
      this.multicastInterface = networkInterface;
      return this;
    }

    /** Whether multicast packets sent loop back to local members (default true). */
    public Builder multicastLoopback(boolean loopback) {
      this.multicastLoopback = loopback;
      return this;
    }

    /** The time-to-live of multicast packets sent, 0 to 255. */
    public Builder multicastTtl(int ttl) {
      if (ttl < 0 || ttl > 255) {
        throw new IllegalArgumentException("multicast TTL must be 0 to 255: " + ttl);
      }
      this.multicastTtl = ttl;
      return this;
    }

    /**
     * Opens the socket on {@code resources} (their event loops), which closing the socket leaves
     * open; {@code null} (the default) for {@link BethResources#shared()}.
     */
    public Builder resources(BethResources resources) {
      this.resources = resources;
      return this;
    }

    /** The options. */
    public UdpOptions build() {
      return new UdpOptions(this);
    }

    private static int positive(int n, String name) {
      if (n < 1) {
        throw new IllegalArgumentException(name + " < 1: " + n);
      }
      return n;
    }
  }
}
