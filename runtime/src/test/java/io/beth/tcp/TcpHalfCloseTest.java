package io.beth.tcp;

import static io.beth.tcp.TcpServerTest.readAll;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.beth.stream.DuplexStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Half-close both ways, on the server and on the client: the peer's shutdown of its output ends our
 * source while we can still send; closing our sink shuts our output down while we still read what
 * the peer sends.
 */
class TcpHalfCloseTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aPlainPeersShutdownEndsTheServersSourceWhileTheServerStillSends() throws Exception {
    CompletableFuture<String> received = new CompletableFuture<>();
    TcpConnectionHandler handler =
        (stream, info) -> {
          ByteArrayOutputStream all = new ByteArrayOutputStream();
          readAll(stream, all)
              .thenRun(
                  () -> {
                    received.complete(all.toString(StandardCharsets.UTF_8));
                    stream.put("reply after your end").thenRun(stream::close); // still sending
                  });
        };
    try (TcpServer server = TcpServer.start(handler, TcpServerOptions.DEFAULT).get(10, SECONDS);
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(utf8("hello"));
      socket.shutdownOutput();
      assertEquals("hello", received.get(10, SECONDS));
      assertEquals(
          "reply after your end",
          new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void closingTheServersSinkShutsItsOutputDownAfterWhatWasAcceptedAndReadingGoesOn()
      throws Exception {
    CompletableFuture<byte[]> afterShutdown = new CompletableFuture<>();
    TcpConnectionHandler handler =
        (stream, info) -> {
          stream.put("bye");
          stream.outbound().close();
          stream.take().thenAccept(afterShutdown::complete);
        };
    try (TcpServer server = TcpServer.start(handler, TcpServerOptions.DEFAULT).get(10, SECONDS);
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
      socket.setSoTimeout(10_000);
      InputStream in = socket.getInputStream();
      assertEquals("bye", new String(in.readAllBytes(), StandardCharsets.UTF_8)); // EOF seen
      socket.getOutputStream().write(utf8("still heard"));
      assertEquals(
          "still heard", new String(afterShutdown.get(10, SECONDS), StandardCharsets.UTF_8));
    }
  }

  @Test
  void closingTheClientsSinkShutsItsOutputDownAndThePeersRestIsStillRead() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<DuplexStream<byte[], Object>> connecting =
          TcpClient.connect("127.0.0.1", listener.getLocalPort(), TcpClientOptions.DEFAULT);
      try (Socket peer = listener.accept()) {
        peer.setSoTimeout(10_000);
        DuplexStream<byte[], Object> client = connecting.get(10, SECONDS);
        client.put(ByteBuffer.wrap(new byte[] {7, 8}));
        client.outbound().close();
        assertArrayEquals(new byte[] {7, 8}, peer.getInputStream().readAllBytes()); // EOF seen
        peer.getOutputStream().write(utf8("the rest"));
        peer.shutdownOutput();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        readAll(client, all).get(10, SECONDS);
        assertEquals("the rest", all.toString(StandardCharsets.UTF_8));
      }
    }
  }

  @Test
  void aPlainServersShutdownEndsTheClientsSourceWhileTheClientStillSends() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<DuplexStream<byte[], Object>> connecting =
          TcpClient.connect("127.0.0.1", listener.getLocalPort(), TcpClientOptions.DEFAULT);
      try (Socket peer = listener.accept()) {
        peer.setSoTimeout(10_000);
        DuplexStream<byte[], Object> client = connecting.get(10, SECONDS);
        peer.getOutputStream().write(utf8("greeting"));
        peer.shutdownOutput();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        readAll(client, all).get(10, SECONDS);
        assertEquals("greeting", all.toString(StandardCharsets.UTF_8));
        client.put("answer after your end");
        client.outbound().close();
        assertEquals(
            "answer after your end",
            new String(peer.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      }
    }
  }

  @Test
  void bethClientAndServerHalfCloseInTurn() throws Exception {
    TcpConnectionHandler handler =
        (stream, info) -> {
          ByteArrayOutputStream all = new ByteArrayOutputStream();
          readAll(stream, all)
              .thenRun(
                  () -> {
                    stream.put("you said " + all.toString(StandardCharsets.UTF_8));
                    stream.outbound().close();
                  });
        };
    try (TcpServer server = TcpServer.start(handler, TcpServerOptions.DEFAULT).get(10, SECONDS)) {
      DuplexStream<byte[], Object> client =
          TcpClient.connect("127.0.0.1", server.address().getPort(), TcpClientOptions.DEFAULT)
              .get(10, SECONDS);
      client.put("ping");
      client.outbound().close();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      readAll(client, all).get(10, SECONDS);
      assertEquals("you said ping", all.toString(StandardCharsets.UTF_8));
      assertNull(client.take().get(10, SECONDS));
      client.closed().toCompletableFuture().get(10, SECONDS);
    }
  }
}
