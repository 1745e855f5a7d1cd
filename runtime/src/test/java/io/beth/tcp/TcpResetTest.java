package io.beth.tcp;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.stream.DuplexStream;
import io.beth.transport.ConnectionException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * A connection reset in the middle of a stream (a plain socket closed with {@code SO_LINGER} 0
 * sends RST) fails the stream's source with a {@link ConnectionException} that says so.
 */
class TcpResetTest {

  @Test
  void aResetFailsTheServersSourceSayingSo() throws Exception {
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    CompletableFuture<Void> firstChunk = new CompletableFuture<>();
    TcpConnectionHandler handler =
        (stream, info) ->
            stream
                .take()
                .thenRun(
                    () -> {
                      firstChunk.complete(null);
                      failureOf(stream, failure);
                    });
    try (TcpServer server = TcpServer.start(handler, TcpServerOptions.DEFAULT).get(10, SECONDS)) {
      Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort());
      socket.getOutputStream().write(new byte[] {1, 2, 3});
      firstChunk.get(10, SECONDS);
      socket.setSoLinger(true, 0); // close sends RST
      socket.close();
      assertSaysReset(failure.get(10, SECONDS));
    }
  }

  @Test
  void aResetFailsTheClientsSourceMidStream() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<DuplexStream<byte[], Object>> connecting =
          TcpClient.connect("127.0.0.1", listener.getLocalPort(), TcpClientOptions.DEFAULT);
      Socket peer = listener.accept();
      DuplexStream<byte[], Object> client = connecting.get(10, SECONDS);
      peer.getOutputStream().write(new byte[] {4, 5});
      assertArrayEquals(new byte[] {4, 5}, client.take().get(10, SECONDS));
      CompletableFuture<Throwable> failure = new CompletableFuture<>();
      failureOf(client, failure);
      peer.setSoLinger(true, 0);
      peer.close();
      assertSaysReset(failure.get(10, SECONDS));
      client.outbound().closed().toCompletableFuture().handle((v, e) -> null).get(10, SECONDS);
    }
  }

  /** Completes {@code failure} with how the source ended (null for a normal end). */
  private static void failureOf(
      DuplexStream<byte[], ?> stream, CompletableFuture<Throwable> failure) {
    stream
        .take()
        .whenComplete(
            (chunk, e) -> {
              if (e != null || chunk == null) {
                failure.complete(e);
              } else {
                failureOf(stream, failure);
              }
            });
  }

  private static void assertSaysReset(Throwable e) {
    if (e instanceof CompletionException) {
      e = e.getCause();
    }
    assertInstanceOf(ConnectionException.class, e);
    assertTrue(e.getMessage().contains("reset"), e.getMessage());
  }
}
