package io.beth.tcp;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.stream.DuplexStream;
import io.beth.stream.Streams;
import io.beth.transport.ConnectionException;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
  void peerHalfCloseEndsTheSourceWhileSendingGoesOn() throws Exception {
    CompletableFuture<String> received = new CompletableFuture<>();
    TcpConnectionHandler handler = (stream, info) -> {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      readAll(stream, all).thenRun(() -> {
        received.complete(all.toString(StandardCharsets.UTF_8));
        stream.put("reply after your end").thenRun(stream::close); // still sending
      });
    };
    try (TcpServer server = TcpServer.start(handler, TcpServerOptions.DEFAULT).get(10, SECONDS);
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write("hello".getBytes(StandardCharsets.UTF_8));
      socket.shutdownOutput();
      assertEquals("hello", received.get(10, SECONDS));
      assertEquals("reply after your end",
          new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void closingTheOutboundSinkShutsOutputDownAfterWhatWasAccepted() throws Exception {
    CompletableFuture<byte[]> afterShutdown = new CompletableFuture<>();
    TcpConnectionHandler handler = (stream, info) -> {
      stream.put("bye");
      stream.outbound().close();
      stream.take().thenAccept(afterShutdown::complete);
    };
    try (TcpServer server = TcpServer.start(handler, TcpServerOptions.DEFAULT).get(10, SECONDS);
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
      socket.setSoTimeout(10_000);
      InputStream in = socket.getInputStream();
      assertEquals("bye", new String(in.readAllBytes(), StandardCharsets.UTF_8)); // EOF seen
      socket.getOutputStream().write("still heard".getBytes(StandardCharsets.UTF_8));
      assertEquals("still heard", new String(afterShutdown.get(10, SECONDS), StandardCharsets.UTF_8));
    }
  }

  @Test
  void aResetConnectionFailsTheSourceSayingSo() throws Exception {
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    CompletableFuture<Void> firstChunk = new CompletableFuture<>();
    TcpConnectionHandler handler = (stream, info) -> stream.take().thenRun(() -> {
      firstChunk.complete(null);
      stream.drained().whenComplete((v, e) -> failure.complete(e));
      drain(stream);
    });
    try (TcpServer server = TcpServer.start(handler, TcpServerOptions.DEFAULT).get(10, SECONDS)) {
      Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort());
      socket.getOutputStream().write(new byte[] {1, 2, 3});
      firstChunk.get(10, SECONDS);
      socket.setSoLinger(true, 0); // close sends RST
      socket.close();
      Throwable e = failure.get(10, SECONDS);
      if (e instanceof java.util.concurrent.CompletionException) {
        e = e.getCause();
      }
      assertInstanceOf(ConnectionException.class, e);
      assertTrue(e.getMessage().contains("reset"), e.getMessage());
    }
  }

  @Test
  void connectingToAClosedPortFails() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    assertThrows(ExecutionException.class,
        () -> TcpClient.connect("127.0.0.1", port, TcpClientOptions.DEFAULT).get(10, SECONDS));
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
  void bethClientTalksToAPlainServerSocket() throws Exception {
    try (java.net.ServerSocket listener = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<DuplexStream<byte[], Object>> connecting =
          TcpClient.connect("127.0.0.1", listener.getLocalPort(), TcpClientOptions.DEFAULT);
      try (Socket peer = listener.accept()) {
        DuplexStream<byte[], Object> client = connecting.get(10, SECONDS);
        client.put(java.nio.ByteBuffer.wrap(new byte[] {7, 8}));
        client.outbound().close();
        assertArrayEquals(new byte[] {7, 8}, peer.getInputStream().readAllBytes());
        peer.getOutputStream().write(9);
        peer.shutdownOutput();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        readAll(client, all).get(10, SECONDS);
        assertArrayEquals(new byte[] {9}, all.toByteArray());
      }
    }
  }

  @Test
  void putOfSomethingNotConvertibleToBytesFails() throws Exception {
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    TcpConnectionHandler handler = (stream, info) -> {
      stream.put(new Object()).whenComplete((ok, e) -> failure.complete(e));
      stream.close();
    };
    try (TcpServer server = TcpServer.start(handler, TcpServerOptions.DEFAULT).get(10, SECONDS);
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
      assertInstanceOf(IllegalArgumentException.class, failure.get(10, SECONDS));
    }
  }

  static CompletableFuture<Void> readAll(DuplexStream<byte[], ?> stream, ByteArrayOutputStream out) {
    return stream.take().thenCompose(chunk -> {
      if (chunk == null) {
        return CompletableFuture.completedFuture(null);
      }
      out.writeBytes(chunk);
      return readAll(stream, out);
    });
  }

  private static void drain(DuplexStream<byte[], ?> stream) {
    stream.take().whenComplete((chunk, e) -> {
      if (chunk != null) {
        drain(stream);
      }
    });
  }

  @Test
  void endOfStreamIsNull() throws Exception {
    try (TcpServer server = echoServer(TcpServerOptions.DEFAULT)) {
      DuplexStream<byte[], Object> client = TcpClient.connect("127.0.0.1",
          server.address().getPort(), TcpClientOptions.DEFAULT).get(10, SECONDS);
      client.outbound().close();
      assertNull(client.take().get(10, SECONDS));
    }
  }
}
