package io.beth.tcp;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.beth.stream.BufferedStream;
import io.beth.stream.Source;
import java.io.EOFException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class FramingTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void linesAreCutAcrossChunksAndTheLastOneEndsTheStream() throws Exception {
    BufferedStream<byte[]> bytes = BufferedStream.create(8);
    Source<String> lines = Framing.lines(bytes, 16);
    bytes.put(utf8("one\r\ntw"));
    bytes.put(utf8("o\n\nthr"));
    bytes.put(utf8("ee"));
    bytes.close();
    assertEquals("one", lines.take().get(5, SECONDS));
    assertEquals("two", lines.take().get(5, SECONDS));
    assertEquals("", lines.take().get(5, SECONDS));
    assertEquals("three", lines.take().get(5, SECONDS));
    assertNull(lines.take().get(5, SECONDS));
  }

  @Test
  void aLineOverTheMaximumFailsTheStreamAndClosesTheBytes() throws Exception {
    BufferedStream<byte[]> bytes = BufferedStream.create(8);
    Source<String> lines = Framing.lines(bytes, 4);
    bytes.put(utf8("abcd\nabcde"));
    assertEquals("abcd", lines.take().get(5, SECONDS));
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> lines.take().get(5, SECONDS));
    assertInstanceOf(FrameTooLongException.class, e.getCause());
    assertEquals(
        "frame of at least 5 bytes exceeds the maximum of 4 bytes", e.getCause().getMessage());
    bytes.closed().toCompletableFuture().get(5, SECONDS);
  }

  @Test
  void lengthPrefixedFramesRoundTripIncludingEmptyOnes() throws Exception {
    BufferedStream<byte[]> bytes = BufferedStream.create(64);
    Source<byte[]> frames = Framing.lengthPrefixed(bytes, 2, 10);
    byte[] wire = new byte[0];
    for (String s : new String[] {"hi", "", "0123456789"}) {
      byte[] f = Framing.lengthPrefix(utf8(s), 2);
      byte[] joined = new byte[wire.length + f.length];
      System.arraycopy(wire, 0, joined, 0, wire.length);
      System.arraycopy(f, 0, joined, wire.length, f.length);
      wire = joined;
    }
    for (byte b : wire) {
      bytes.put(new byte[] {b}); // one byte at a time
    }
    bytes.close();
    assertArrayEquals(utf8("hi"), frames.take().get(5, SECONDS));
    assertArrayEquals(new byte[0], frames.take().get(5, SECONDS));
    assertArrayEquals(utf8("0123456789"), frames.take().get(5, SECONDS));
    assertNull(frames.take().get(5, SECONDS));
  }

  @Test
  void aLengthOverTheMaximumFailsWithTheSize() throws Exception {
    BufferedStream<byte[]> bytes = BufferedStream.create(8);
    Source<byte[]> frames = Framing.lengthPrefixed(bytes, 4, 1000);
    bytes.put(new byte[] {0, 0, 4, 0});
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> frames.take().get(5, SECONDS));
    assertEquals(
        "frame of 1024 bytes exceeds the maximum of 1000 bytes", e.getCause().getMessage());
  }

  @Test
  void anEndInsideAFrameFails() throws Exception {
    BufferedStream<byte[]> bytes = BufferedStream.create(8);
    Source<byte[]> frames = Framing.lengthPrefixed(bytes, 1, 100);
    bytes.put(new byte[] {5, 1, 2});
    bytes.close();
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> frames.take().get(5, SECONDS));
    assertInstanceOf(EOFException.class, e.getCause());
  }

  @Test
  void theEncoderRefusesAFrameTooLongForItsField() {
    BufferedStream<Object> out = BufferedStream.create(1);
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () -> Framing.lengthPrefixed(out, 1).put(new byte[256]).get(5, SECONDS));
    assertInstanceOf(IllegalArgumentException.class, e.getCause());
  }

  @Test
  void anOverlongLineFromAPeerClosesTheConnection() throws Exception {
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    TcpConnectionHandler handler =
        (stream, info) -> {
          Source<String> lines = Framing.lines(stream, 8);
          lines
              .take()
              .thenAccept(line -> stream.put(line.toUpperCase() + "\n"))
              .thenCompose(v -> lines.take())
              .whenComplete((v, e) -> failure.complete(e));
        };
    try (TcpServer server = TcpServer.start(handler, TcpServerOptions.DEFAULT).get(10, SECONDS);
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
      socket.setSoTimeout(10_000);
      InputStream in = socket.getInputStream();
      // The reply first, then the long line: the close it causes cannot overtake the reply's put.
      socket.getOutputStream().write(utf8("short\n"));
      assertEquals("SHORT\n", new String(in.readNBytes(6), StandardCharsets.UTF_8));
      socket.getOutputStream().write(utf8("this line is far too long\n"));
      assertEquals(-1, in.read(), "the connection is closed");
      Throwable e = failure.get(10, SECONDS);
      assertInstanceOf(
          FrameTooLongException.class,
          e instanceof java.util.concurrent.CompletionException ? e.getCause() : e);
    }
  }

  @Test
  void anOverlongLengthPrefixedFrameFromAPeerClosesTheConnection() throws Exception {
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    TcpConnectionHandler handler =
        (stream, info) -> {
          Source<byte[]> frames = Framing.lengthPrefixed(stream, 2, 100);
          io.beth.stream.Sink<byte[]> out = Framing.lengthPrefixed(stream.outbound(), 2);
          frames
              .take()
              .thenCompose(frame -> out.put(frame))
              .thenCompose(ok -> frames.take())
              .whenComplete((v, e) -> failure.complete(e));
        };
    try (TcpServer server = TcpServer.start(handler, TcpServerOptions.DEFAULT).get(10, SECONDS);
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
      socket.setSoTimeout(10_000);
      InputStream in = socket.getInputStream();
      socket.getOutputStream().write(Framing.lengthPrefix(utf8("fits"), 2));
      assertArrayEquals(Framing.lengthPrefix(utf8("fits"), 2), in.readNBytes(6));
      socket.getOutputStream().write(new byte[] {0, 101}); // announces 101 bytes
      assertEquals(-1, in.read(), "the connection is closed");
      Throwable e = failure.get(10, SECONDS);
      e = e instanceof java.util.concurrent.CompletionException ? e.getCause() : e;
      assertInstanceOf(FrameTooLongException.class, e);
      assertEquals("frame of 101 bytes exceeds the maximum of 100 bytes", e.getMessage());
    }
  }

  @Test
  void bethClientAndServerExchangeLines() throws Exception {
    TcpConnectionHandler handler =
        (stream, info) ->
            io.beth.stream.Streams.connect(
                Framing.lines(stream, 64).map(line -> line.length() + "\n"), stream.outbound());
    try (TcpServer server = TcpServer.start(handler, TcpServerOptions.DEFAULT).get(10, SECONDS)) {
      io.beth.stream.DuplexStream<byte[], Object> client =
          TcpClient.connect("127.0.0.1", server.address().getPort(), TcpClientOptions.DEFAULT)
              .get(10, SECONDS);
      Source<String> replies = Framing.lines(client, 64);
      client.put("a\nbb\r\nccc\n");
      client.outbound().close();
      assertEquals("1", replies.take().get(10, SECONDS));
      assertEquals("2", replies.take().get(10, SECONDS));
      assertEquals("3", replies.take().get(10, SECONDS));
      assertNull(replies.take().get(10, SECONDS));
    }
  }
}
