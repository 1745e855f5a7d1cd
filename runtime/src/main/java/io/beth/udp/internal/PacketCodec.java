package io.beth.udp.internal;

import io.beth.transport.internal.StreamCodec;
import io.beth.udp.UdpPacket;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;

/** Copies datagrams read into {@link UdpPacket}s and wraps packets put, checking their size. */
public final class PacketCodec implements StreamCodec<UdpPacket, UdpPacket> {

  private final int maxPacketSize;

  /** Refuses packets over {@code maxPacketSize} bytes. */
  public PacketCodec(int maxPacketSize) {
    this.maxPacketSize = maxPacketSize;
  }

  @Override
  public UdpPacket decode(Object message) {
    if (!(message instanceof DatagramPacket)) {
      ReferenceCountUtil.release(message);
      return null;
    }
    DatagramPacket packet = (DatagramPacket) message;
    try {
      return new UdpPacket(packet.sender(), ByteBufUtil.getBytes(packet.content()));
    } finally {
      packet.release();
    }
  }

  @Override
  public Object encode(UdpPacket packet) {
    int size = packet.message().length;
    if (size > maxPacketSize) {
      throw new IllegalArgumentException(
          "UDP packet of "
              + size
              + " bytes exceeds the maximum of "
              + maxPacketSize
              + " bytes (to "
              + packet.remote()
              + ")");
    }
    if (packet.remote().isUnresolved()) {
      throw new IllegalArgumentException("unresolved UDP destination: " + packet.remote());
    }
    // copied once into a pooled direct buffer: the native transport would copy a heap one anyway
    byte[] message = packet.message();
    return new DatagramPacket(
        ByteBufAllocator.DEFAULT.directBuffer(message.length).writeBytes(message), packet.remote());
  }
}
