package io.beth.tcp;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.beth.stream.DuplexStream;
import io.beth.stream.Streams;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class TcpServerTest {

  private static TcpServer echoServer(TcpServerOptions options) throws Exception {
    return TcpServer.start((stream, info) -> Streams.connect(stream, stream), options)
        .get(10, SECONDS);
  }

  @Test
  void echoesBytesToAPlainSocket() throws Exception {
    try (TcpServer server = echoServer(TcpServerOptions.DEFAULT);
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
      socket.setSoTimeout(10_000);
      byte[] payload = new byte[200_000];
      for (int i = 0; i < payload.length; i++) {
        payload[i] = (byte) i;
      }
      socket.getOutputStream().write(payload);
      socket.shutdownOutput();
      byte[] echoed = socket.getInputStream().readAllBytes(); // ends when the server closes
      assertArrayEquals(payload, echoed);
    }
  }

  @Test
  void gracefulStopLetsAnOpenConnectionFinish() throws Exception {
    TcpServer server = echoServer(TcpServerOptions.DEFAULT);
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort());
    socket.setSoTimeout(10_000);
    OutputStream out = socket.getOutputStream();
    out.write('a');
    assertEquals('a', socket.getInputStream().read());
    CompletableFuture<Void> stopped = server.stop(Duration.ofSeconds(10));
    out.write('b');
    assertEquals('b', socket.getInputStream().read());
    socket.shutdownOutput();
    assertEquals(-1, socket.getInputStream().read());
    stopped.get(10, SECONDS);
    socket.close();
  }

  @Test
  void putOfSomethingNotConvertibleToBytesFails() throws Exception {
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    TcpConnectionHandler handler =
        (stream, info) -> {
          stream.put(new Object()).whenComplete((ok, e) -> failure.complete(e));
          stream.close();
        };
    try (TcpServer server = TcpServer.start(handler, TcpServerOptions.DEFAULT).get(10, SECONDS);
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
      assertInstanceOf(IllegalArgumentException.class, failure.get(10, SECONDS));
    }
  }

  static CompletableFuture<Void> readAll(
      DuplexStream<byte[], ?> stream, ByteArrayOutputStream out) {
    return stream
        .take()
        .thenCompose(
            chunk -> {
              if (chunk == null) {
                return CompletableFuture.completedFuture(null);
              }
              out.writeBytes(chunk);
              return readAll(stream, out);
            });
  }

  @Test
  void endOfStreamIsNull() throws Exception {
    try (TcpServer server = echoServer(TcpServerOptions.DEFAULT)) {
      DuplexStream<byte[], Object> client =
          TcpClient.connect("127.0.0.1", server.address().getPort(), TcpClientOptions.DEFAULT)
              .get(10, SECONDS);
      client.outbound().close();
      assertNull(client.take().get(10, SECONDS));
    }
  }
}
