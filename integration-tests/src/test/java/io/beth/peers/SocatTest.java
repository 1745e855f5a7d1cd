package io.beth.peers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.beth.stream.DuplexStream;
import io.beth.tcp.TcpClient;
import io.beth.tcp.TcpClientOptions;
import io.beth.udp.UdpChannel;
import io.beth.udp.UdpOptions;
import io.beth.udp.UdpPacket;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * socat against the example application's TCP and UDP echoes, and Beth's TCP client and UDP socket
 * against socat's own echo servers.
 */
class SocatTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir static Path dir;

  private static ExampleApp app;

  @BeforeAll
  static void startExample() throws Exception {
    app = ExampleApp.start(dir);
  }

  @AfterAll
  static void stopExample() throws Exception {
    try {
      app.stopAndAssertCleanExit();
    } finally {
      app.close();
    }
  }

  @Test
  void theTcpEchoReturnsEveryByteToSocat() throws Exception {
    byte[] data = new byte[4 * 1024 * 1024 + 3];
    new Random(6).nextBytes(data);
    Command.Result result =
        Command.run(
                dir,
                data,
                TIMEOUT,
                Peer.SOCAT.path(),
                "-t",
                "10",
                "-",
                "TCP:127.0.0.1:" + app.port("tcp"))
            .assertSuccess();
    assertEquals(data.length, result.stdout().length, result.stderr());
    assertArrayEquals(data, result.stdout());
  }

  @Test
  void theUdpEchoSendsTheDatagramBackToSocat() throws Exception {
    byte[] datagram = "ping from socat".getBytes(StandardCharsets.UTF_8);
    Command.Result result =
        Command.run(
                dir,
                datagram,
                TIMEOUT,
                Peer.SOCAT.path(),
                "-t",
                "2",
                "-",
                "UDP:127.0.0.1:" + app.port("udp"))
            .assertSuccess();
    assertEquals("ping from socat", result.out(), result.stderr());
  }

  @Test
  void bethsTcpClientTalksToSocatsEcho() throws Exception {
    String socat = Peer.SOCAT.path();
    try (PeerProcess echo =
        PeerProcess.start(
            dir,
            Pattern.compile("listening on"),
            TIMEOUT,
            port ->
                List.of(
                    socat,
                    "-d",
                    "-d",
                    "TCP-LISTEN:" + port + ",bind=127.0.0.1,reuseaddr,fork",
                    "EXEC:cat"))) {
      DuplexStream<byte[], Object> connection =
          TcpClient.connect("127.0.0.1", echo.port(), TcpClientOptions.DEFAULT)
              .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      try {
        byte[] data = new byte[256 * 1024];
        new Random(7).nextBytes(data);
        connection.put(data).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        while (received.size() < data.length) {
          byte[] chunk = connection.take().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
          if (chunk == null) {
            break;
          }
          received.write(chunk);
        }
        assertArrayEquals(data, received.toByteArray());
      } finally {
        connection.close();
      }
    }
  }

  @Test
  void bethsUdpSocketTalksToSocatsEcho() throws Exception {
    String socat = Peer.SOCAT.path();
    // socat reports "receiving on" once its UDP socket is bound; FreePort's TCP port is then
    // a UDP port too, checked by socat binding it.
    try (PeerProcess echo =
        PeerProcess.start(
            dir,
            Pattern.compile("receiving on"),
            TIMEOUT,
            port ->
                List.of(
                    socat,
                    "-d",
                    "-d",
                    "UDP-RECVFROM:" + port + ",bind=127.0.0.1,fork",
                    "EXEC:cat"))) {
      UdpChannel socket =
          UdpChannel.open(UdpOptions.onPort(0)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      try {
        InetSocketAddress target = new InetSocketAddress("127.0.0.1", echo.port());
        socket
            .put(UdpPacket.of(target, "ping from beth"))
            .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        UdpPacket reply = socket.take().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertEquals("ping from beth", reply.text());
        assertEquals(echo.port(), reply.port());
      } finally {
        socket.close();
      }
    }
  }
}
