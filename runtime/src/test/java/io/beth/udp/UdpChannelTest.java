package io.beth.udp;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.stream.Streams;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class UdpChannelTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  @Test
  void echoesPacketsToAPlainDatagramSocket() throws Exception {
    UdpChannel socket =
        UdpChannel.open(UdpOptions.builder().port(0).bindAddress(LOOPBACK).build())
            .get(10, SECONDS);
    Streams.connect(socket, socket); // each packet goes back to its sender
    try (DatagramSocket peer = new DatagramSocket(0, LOOPBACK)) {
      peer.setSoTimeout(10_000);
      byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
      peer.send(new DatagramPacket(hello, hello.length, socket.localAddress()));
      DatagramPacket reply = new DatagramPacket(new byte[100], 100);
      peer.receive(reply);
      assertEquals(
          "hello", new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8));
    } finally {
      socket.close();
    }
  }

  /**
   * Datagrams of every size up to the largest, several per read: each arrives whole and with its
   * own bytes, although every read lands in the same receive buffer.
   */
  @Test
  void packetsReadTogetherEachKeepTheirOwnBytes() throws Exception {
    UdpChannel socket =
        UdpChannel.open(UdpOptions.builder().port(0).bindAddress(LOOPBACK).build())
            .get(10, SECONDS);
    int[] sizes = {1, 64, 1400, 9000, 30_000, UdpOptions.MAX_PACKET_SIZE};
    try (DatagramSocket peer = new DatagramSocket(0, LOOPBACK)) {
      for (int round = 0; round < 20; round++) {
        for (int i = 0; i < sizes.length; i++) {
          byte[] data = pattern(round * sizes.length + i, sizes[i]);
          peer.send(new DatagramPacket(data, data.length, socket.localAddress()));
        }
        for (int i = 0; i < sizes.length; i++) {
          UdpPacket got = socket.take().get(10, SECONDS);
          assertEquals(peer.getLocalPort(), got.remote().getPort());
          assertArrayEquals(
              pattern(round * sizes.length + i, sizes[i]),
              got.message(),
              "round " + round + ", packet of " + sizes[i] + " bytes");
        }
      }
    } finally {
      socket.close();
    }
  }

  private static byte[] pattern(int seed, int size) {
    byte[] data = new byte[size];
    for (int i = 0; i < size; i++) {
      data[i] = (byte) (seed * 31 + i * 7);
    }
    return data;
  }

  @Test
  void aTimedTakeTellsATimeoutFromTheEnd() throws Exception {
    UdpChannel socket =
        UdpChannel.open(UdpOptions.builder().port(0).bindAddress(LOOPBACK).build())
            .get(10, SECONDS);
    try (DatagramSocket peer = new DatagramSocket(0, LOOPBACK)) {
      assertSame(
          UdpChannel.TIMED_OUT,
          socket.take(Duration.ofMillis(50)).get(10, SECONDS),
          "nothing arrived in time");
      byte[] late = "late".getBytes(StandardCharsets.UTF_8);
      peer.send(new DatagramPacket(late, late.length, socket.localAddress()));
      UdpPacket received = socket.take(Duration.ofSeconds(10)).get(10, SECONDS);
      assertEquals("late", received.text(), "a packet after a timed-out take is the next one");
      assertEquals(peer.getLocalPort(), received.port());

      CompletableFuture<UdpPacket> waiting = socket.take(Duration.ofMinutes(1));
      socket.close();
      assertNull(waiting.get(10, SECONDS), "the end, not the timeout, ends a take under way");
      assertNull(socket.take(Duration.ofMinutes(1)).get(10, SECONDS), "and every take after it");
    } finally {
      socket.close();
    }
  }

  @Test
  void aTimedTakeOnASendOnlySocketIsTheEndAtOnce() throws Exception {
    UdpChannel socket = UdpChannel.open(UdpOptions.SEND_ONLY).get(10, SECONDS);
    try {
      assertNull(socket.take(Duration.ofMinutes(1)).get(10, SECONDS));
    } finally {
      socket.close();
    }
  }

  @Test
  void aSendOnlySocketSendsAndItsSourceIsClosed() throws Exception {
    UdpChannel socket = UdpChannel.open(UdpOptions.SEND_ONLY).get(10, SECONDS);
    try (DatagramSocket peer = new DatagramSocket(0, LOOPBACK)) {
      peer.setSoTimeout(10_000);
      assertFalse(socket.receives());
      assertNull(socket.take().get(5, SECONDS));
      assertTrue(socket.toString().contains("send-only"), socket.toString());
      assertTrue(
          socket
              .put(UdpPacket.of(new InetSocketAddress(LOOPBACK, peer.getLocalPort()), "one way"))
              .get(5, SECONDS));
      DatagramPacket got = new DatagramPacket(new byte[100], 100);
      peer.receive(got);
      assertEquals(
          "one way", new String(got.getData(), 0, got.getLength(), StandardCharsets.UTF_8));
    } finally {
      socket.close();
    }
    socket.socketClosed().toCompletableFuture().get(5, SECONDS);
  }

  @Test
  void anOversizedPacketFailsItsPutNamingTheSize() throws Exception {
    UdpChannel socket = UdpChannel.open(UdpOptions.SEND_ONLY).get(10, SECONDS);
    try {
      ExecutionException e =
          assertThrows(
              ExecutionException.class,
              () ->
                  socket
                      .put(new UdpPacket(new InetSocketAddress(LOOPBACK, 9), new byte[65_508]))
                      .get(5, SECONDS));
      assertInstanceOf(IllegalArgumentException.class, e.getCause());
      assertTrue(e.getCause().getMessage().contains("65508 bytes"), e.getCause().getMessage());
    } finally {
      socket.close();
    }
  }

  @Test
  void bethSocketsTalkToEachOther() throws Exception {
    UdpChannel a =
        UdpChannel.open(UdpOptions.builder().port(0).bindAddress(LOOPBACK).build())
            .get(10, SECONDS);
    UdpChannel b =
        UdpChannel.open(UdpOptions.builder().port(0).bindAddress(LOOPBACK).build())
            .get(10, SECONDS);
    try {
      byte[] big = new byte[60_000];
      big[59_999] = 42;
      a.put(new UdpPacket(b.localAddress(), big));
      UdpPacket got = b.take().get(10, SECONDS);
      assertEquals(60_000, got.message().length);
      assertEquals(42, got.message()[59_999]);
      assertEquals(a.localAddress().getPort(), got.port());
    } finally {
      a.close();
      b.close();
    }
  }
}
