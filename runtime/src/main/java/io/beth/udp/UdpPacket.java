package io.beth.udp;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One datagram: the remote address (the sender of a packet received, the destination of a packet
 * sent) and the message bytes. Equality compares the bytes.
 *
 * @param remote the remote host and port
 * @param message the payload; not copied, do not modify it after sending
 */
public record UdpPacket(InetSocketAddress remote, byte[] message) {

  /** Checks that no component is null. */
  public UdpPacket {
    Objects.requireNonNull(remote, "remote == null");
    Objects.requireNonNull(message, "message == null");
  }

  /** A packet for {@code host}:{@code port} (the host name is resolved here, and may block). */
  public UdpPacket(String host, int port, byte[] message) {
    this(new InetSocketAddress(host, port), message);
  }

  /** A packet for {@code remote} carrying {@code text} as UTF-8. */
  public static UdpPacket of(InetSocketAddress remote, String text) {
    return new UdpPacket(remote, text.getBytes(StandardCharsets.UTF_8));
  }

  /** The remote host (address literal if it was not resolved from a name). */
  public String host() {
    return remote.getHostString();
  }

  /** The remote port. */
  public int port() {
    return remote.getPort();
  }

  /** The message decoded as UTF-8. */
  public String text() {
    return new String(message, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UdpPacket
        && remote.equals(((UdpPacket) o).remote)
        && Arrays.equals(message, ((UdpPacket) o).message);
  }

  @Override
  public int hashCode() {
    return 31 * remote.hashCode() + Arrays.hashCode(message);
  }

  @Override
  public String toString() {
    return "UdpPacket[" + remote + ", " + message.length + " bytes]";
  }
}
