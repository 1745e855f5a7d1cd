package io.beth.udp;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Broadcast on the loopback network: a packet sent to 127.255.255.255 (the broadcast address the
 * kernel routes on {@code lo}) reaches a plain socket bound to the wildcard address, only when the
 * socket was opened with the broadcast option.
 */
class UdpBroadcastTest {

  private static final InetAddress LOOPBACK_BROADCAST = address("127.255.255.255");

  @Test
  void aBroadcastPacketReachesAPlainSocketOnLoopback() throws Exception {
    assumeLoopbackBroadcast();
    UdpChannel socket =
        UdpChannel.open(UdpOptions.builder().broadcast(true).build()).get(10, SECONDS);
    try (DatagramSocket peer = new DatagramSocket(new InetSocketAddress(0))) {
      peer.setSoTimeout(10_000);
      assertTrue(
          socket
              .put(
                  UdpPacket.of(
                      new InetSocketAddress(LOOPBACK_BROADCAST, peer.getLocalPort()), "to all"))
              .get(5, SECONDS));
      DatagramPacket got = new DatagramPacket(new byte[100], 100);
      peer.receive(got);
      assertEquals("to all", new String(got.getData(), 0, got.getLength(), StandardCharsets.UTF_8));
      assertEquals(socket.localAddress().getPort(), got.getPort());
    } finally {
      socket.close();
    }
  }

  @Test
  void withoutTheBroadcastOptionTheSendFailsAndClosesTheSocketSayingWhy() throws Exception {
    assumeLoopbackBroadcast();
    UdpChannel socket = UdpChannel.open(UdpOptions.SEND_ONLY).get(10, SECONDS);
    socket.put(UdpPacket.of(new InetSocketAddress(LOOPBACK_BROADCAST, 9), "to all"));
    socket.socketClosed().toCompletableFuture().get(10, SECONDS);
    Throwable failure = socket.closed().toCompletableFuture().handle((v, e) -> e).get(10, SECONDS);
    assertTrue(
        failure != null && String.valueOf(failure.getMessage()).contains("127.255.255.255"),
        String.valueOf(failure));
  }

  /** Skips where the OS does not let a plain socket broadcast on loopback at all. */
  private static void assumeLoopbackBroadcast() throws IOException {
    try (DatagramSocket receiver = new DatagramSocket(new InetSocketAddress(0));
        DatagramSocket sender = new DatagramSocket()) {
      sender.setBroadcast(true);
      receiver.setSoTimeout(2000);
      byte[] probe = {1};
      try {
        sender.send(new DatagramPacket(probe, 1, LOOPBACK_BROADCAST, receiver.getLocalPort()));
        receiver.receive(new DatagramPacket(new byte[1], 1));
      } catch (IOException e) {
        assumeTrue(false, "this OS does not deliver broadcasts on loopback: " + e);
      }
    }
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
