package io.beth.transport;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.beth.http.HttpHandler;
import io.beth.http.HttpResponse;
import io.beth.http.HttpServer;
import io.beth.http.HttpServerOptions;
import io.beth.stream.Streams;
import io.beth.tcp.TcpServer;
import io.beth.tcp.TcpServerOptions;
import io.beth.udp.UdpChannel;
import io.beth.udp.UdpOptions;
import io.netty.channel.Channel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.uring.IoUring;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Which transport resources choose, and that servers work on each one available here. */
class TransportTest {

  @Test
  void theTransportPropertyNamesOneOfThree() {
    assertSame(Transport.IO_URING, Transport.configured("io_uring", null));
    assertSame(Transport.EPOLL, Transport.configured("EPOLL", null));
    assertSame(Transport.NIO, Transport.configured(" nio ", null));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Transport.configured("kqueue", null));
    assertEquals(
        "no transport named 'kqueue'; beth.transport is one of io_uring, epoll, nio",
        e.getMessage());
  }

  @Test
  void theOlderNioPropertyStillForcesNioUnlessTheTransportPropertyChooses() {
    assertSame(Transport.NIO, Transport.configured(null, "true"));
    assertSame(Transport.EPOLL, Transport.configured("epoll", "true"));
    assertSame(
        Epoll.isAvailable() ? Transport.EPOLL : Transport.NIO, Transport.configured(null, "false"));
    assertSame(
        Epoll.isAvailable() ? Transport.EPOLL : Transport.NIO, Transport.configured(null, null));
  }

  @Test
  void availabilityIsNettysOwn() {
    assertEquals(IoUring.isAvailable(), Transport.IO_URING.isAvailable());
    assertEquals(Epoll.isAvailable(), Transport.EPOLL.isAvailable());
    assertTrue(Transport.NIO.isAvailable());
  }

  /** The system property is read when resources are built without a transport of their own. */
  @Test
  void resourcesBuiltWithoutATransportFollowTheSystemProperty() {
    String before = System.getProperty(Transport.PROPERTY);
    try {
      for (Transport t : Transport.values()) {
        if (!t.isAvailable()) {
          continue;
        }
        System.setProperty(Transport.PROPERTY, t.id());
        BethResources resources = BethResources.builder().name("beth-property-test").build();
        try {
          assertSame(t, resources.transport());
        } finally {
          resources.close();
        }
      }
    } finally {
      if (before == null) {
        System.clearProperty(Transport.PROPERTY);
      } else {
        System.setProperty(Transport.PROPERTY, before);
      }
    }
  }

  /** HTTP, TCP and UDP each answer on resources of {@code transport}, with its channels. */
  @ParameterizedTest
  @EnumSource(Transport.class)
  void serversRunOnEachTransportAvailable(Transport transport) throws Exception {
    assumeTrue(transport.isAvailable(), () -> transport + ": " + transport.unavailabilityCause());
    BethResources resources =
        BethResources.builder()
            .name("beth-" + transport.id() + "-test")
            .transport(transport)
            .eventLoopThreads(1)
            .build();
    CompletableFuture<Channel> httpChannel = new CompletableFuture<>();
    CompletableFuture<Channel> tcpChannel = new CompletableFuture<>();
    HttpServer http =
        HttpServer.start(
                HttpHandler.sync(request -> HttpResponse.ok("on " + transport)),
                HttpServerOptions.builder()
                    .host("127.0.0.1")
                    .resources(resources)
                    .pipelineHook(p -> httpChannel.complete(p.channel()))
                    .build())
            .get(10, SECONDS);
    TcpServer tcp =
        TcpServer.start(
                (stream, info) -> Streams.connect(stream, stream),
                TcpServerOptions.builder()
                    .bindAddress(InetAddress.getLoopbackAddress())
                    .resources(resources)
                    .pipelineHook(p -> tcpChannel.complete(p.channel()))
                    .build())
            .get(10, SECONDS);
    UdpChannel udp =
        UdpChannel.open(
                UdpOptions.builder()
                    .port(0)
                    .bindAddress(InetAddress.getLoopbackAddress())
                    .resources(resources)
                    .build())
            .get(10, SECONDS);
    Streams.connect(udp, udp); // echoes every packet to its sender
    try {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      java.net.http.HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/")).build(),
              BodyHandlers.ofString());
      assertEquals("on " + transport.id(), response.body());
      assertSame(transport.socketChannelClass(), httpChannel.get(5, SECONDS).getClass());
      assertSame(
          transport.serverSocketChannelClass(), httpChannel.get(5, SECONDS).parent().getClass());

      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), tcp.address().getPort())) {
        socket.setSoTimeout(10_000);
        byte[] payload = new byte[100_000];
        Arrays.fill(payload, (byte) 7);
        socket.getOutputStream().write(payload);
        socket.shutdownOutput();
        assertArrayEquals(payload, socket.getInputStream().readAllBytes());
      }
      assertSame(transport.socketChannelClass(), tcpChannel.get(5, SECONDS).getClass());

      try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
        socket.setSoTimeout(10_000);
        byte[] ping = ("ping over " + transport).getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(ping, ping.length, udp.localAddress()));
        DatagramPacket pong = new DatagramPacket(new byte[100], 100);
        socket.receive(pong);
        assertEquals(
            "ping over " + transport.id(),
            new String(pong.getData(), 0, pong.getLength(), StandardCharsets.UTF_8));
      }
    } finally {
      http.stop(Duration.ofSeconds(1)).get(10, SECONDS);
      tcp.stop(Duration.ofSeconds(1)).get(10, SECONDS);
      udp.close();
      udp.socketClosed().toCompletableFuture().get(10, SECONDS);
      resources.shutdownGracefully().get(10, SECONDS);
    }
  }
}
