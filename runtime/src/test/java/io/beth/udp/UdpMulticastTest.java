package io.beth.udp;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/**
 * Multicast on a local interface: a socket that joined a group receives what a Beth socket sends to
 * it, and after leaving it receives no more (checked by a unicast marker that arrives next).
 */
class UdpMulticastTest {

  private static final InetAddress GROUP = loopbackAddress("239.255.42.99");

  @Test
  void aJoinedSocketReceivesTheGroupsPacketsUntilItLeaves() throws Exception {
    NetworkInterface nif = multicastInterface();
    UdpChannel member = UdpChannel.open(UdpOptions.builder().port(0).build()).get(10, SECONDS);
    UdpChannel sender =
        UdpChannel.open(
                UdpOptions.builder()
                    .multicastInterface(nif)
                    .multicastLoopback(true)
                    .multicastTtl(1)
                    .build())
            .get(10, SECONDS);
    try {
      int port = member.localAddress().getPort();
      member.joinGroup(GROUP, nif).get(10, SECONDS);
      sender.put(UdpPacket.of(new InetSocketAddress(GROUP, port), "to the group")).get(5, SECONDS);
      UdpPacket got = member.take().get(10, SECONDS);
      assertEquals("to the group", got.text());
      assertEquals(sender.localAddress().getPort(), got.port());

      member.leaveGroup(GROUP, nif).get(10, SECONDS);
      sender.put(UdpPacket.of(new InetSocketAddress(GROUP, port), "after leaving")).get(5, SECONDS);
      sender
          .put(
              UdpPacket.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), "marker"))
          .get(5, SECONDS);
      assertEquals("marker", member.take().get(10, SECONDS).text());
    } finally {
      member.close();
      sender.close();
    }
  }

  /**
   * The loopback interface if it supports multicast ({@code ip link set lo multicast on}, as {@code
   * .ci/run} does), else any interface that is up and supports it.
   */
  private static NetworkInterface multicastInterface() throws SocketException {
    NetworkInterface lo = NetworkInterface.getByInetAddress(InetAddress.getLoopbackAddress());
    if (lo != null && lo.supportsMulticast() && lo.isUp()) {
      return lo;
    }
    for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (nif.isUp()
          && nif.supportsMulticast()
          && Collections.list(nif.getInetAddresses()).stream()
              .anyMatch(a -> a.getAddress().length == 4)) {
        return nif;
      }
    }
    assumeTrue(
        false,
        "no network interface here supports multicast (the loopback lacks the"
            + " MULTICAST flag: run `ip link set lo multicast on` as root)");
    return null;
  }

  private static InetAddress loopbackAddress(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
