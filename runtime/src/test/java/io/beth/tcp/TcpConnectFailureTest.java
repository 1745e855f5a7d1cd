package io.beth.tcp;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** A connection that cannot be made fails the client's future, saying why and to where. */
class TcpConnectFailureTest {

  @Test
  void aRefusedConnectionFailsNamingTheAddress() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () -> TcpClient.connect("127.0.0.1", port, TcpClientOptions.DEFAULT).get(10, SECONDS));
    assertInstanceOf(ConnectException.class, e.getCause());
    assertTrue(
        e.getCause().getMessage().contains("refused")
            && e.getCause().getMessage().contains(":" + port),
        e.getCause().getMessage());
  }

  @Test
  void aConnectionNotAcceptedInTimeFailsWithATimeout() throws Exception {
    // A listener that never accepts, with its accept queue full: the kernel drops new SYNs.
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<Socket> queued = fillAcceptQueue(listener);
      try {
        ExecutionException e =
            assertThrows(
                ExecutionException.class,
                () ->
                    TcpClient.connect(
                            "127.0.0.1",
                            listener.getLocalPort(),
                            TcpClientOptions.builder()
                                .connectTimeout(Duration.ofMillis(300))
                                .build())
                        .get(10, SECONDS));
        assertInstanceOf(ConnectTimeoutException.class, e.getCause());
        assertTrue(
            e.getCause().getMessage().contains("300 ms")
                && e.getCause().getMessage().contains(":" + listener.getLocalPort()),
            e.getCause().getMessage());
      } finally {
        for (Socket s : queued) {
          s.close();
        }
      }
    }
  }

  /** Connects plain sockets until one times out: the listener's queue is then full. */
  private static List<Socket> fillAcceptQueue(ServerSocket listener) throws Exception {
    List<Socket> sockets = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      Socket s = new Socket();
      try {
        s.connect(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()), 300);
        sockets.add(s);
      } catch (SocketTimeoutException full) {
        s.close();
        return sockets;
      }
    }
    throw new AssertionError("the accept queue never filled up");
  }

  @Test
  void aBadPortIsRefusedAtOnce() {
    assertThrows(
        IllegalArgumentException.class,
        () -> TcpClient.connect("127.0.0.1", 0, TcpClientOptions.DEFAULT));
  }
}
