package io.beth.bytes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.stream.BufferedStream;
import io.beth.stream.Source;
import io.beth.stream.Streams;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ByteSourcesTest {

  private static final ExecutorService IO = Executors.newFixedThreadPool(2);

  @TempDir Path dir;

  @AfterAll
  static void stopExecutor() {
    IO.shutdownNow();
  }

  @Test
  void aSourceOfMixedChunksAggregatesInOrderAndReleasesByteBufs() throws Exception {
    ByteBuf buf = Unpooled.directBuffer().writeBytes("-buf".getBytes(StandardCharsets.UTF_8));
    Source<Object> source =
        Streams.fromIterable(
            List.of(
                "text",
                "-bytes".getBytes(StandardCharsets.UTF_8),
                buf,
                ByteBuffer.wrap("-buffer".getBytes(StandardCharsets.UTF_8)),
                new StringBuilder("-sb")));
    String all =
        ByteSources.aggregateString(source, 1024, StandardCharsets.UTF_8).get(10, TimeUnit.SECONDS);
    assertEquals("text-bytes-buf-buffer-sb", all);
    assertEquals(0, buf.refCnt());
  }

  @Test
  void aLargeFileStreamsInChunksAndRoundTrips() throws Exception {
    byte[] data = new byte[5 * 1024 * 1024 + 17];
    new Random(42).nextBytes(data);
    Path file = Files.write(dir.resolve("big.bin"), data);
    Source<byte[]> chunks = ByteSources.fromFile(file, 64 * 1024, IO);
    byte[] read = ByteSources.aggregate(chunks, data.length).get(30, TimeUnit.SECONDS);
    assertArrayEquals(data, read);
  }

  @Test
  void goingOverTheLimitFailsWithTheLimitAndClosesTheSource() {
    BufferedStream<byte[]> stream = Streams.buffered(8);
    for (int i = 0; i < 4; i++) {
      stream.put(new byte[10]);
    }
    CompletableFuture<byte[]> result = ByteSources.aggregate(stream, 25);
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> result.get(10, TimeUnit.SECONDS));
    BodyTooLargeException tooLarge = assertInstanceOf(BodyTooLargeException.class, e.getCause());
    assertEquals(25, tooLarge.limit());
    assertTrue(stream.isClosed(), "the producer is told to stop");
    assertEquals(false, stream.put(new byte[1]).join());
  }

  @Test
  void aFailedSourceFailsTheAggregate() {
    BufferedStream<byte[]> stream = Streams.buffered(1);
    stream.put(new byte[1]);
    IOException boom = new IOException("connection reset");
    stream.fail(boom);
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () -> ByteSources.aggregate(stream, 100).get(10, TimeUnit.SECONDS));
    assertEquals(boom, e.getCause());
  }

  @Test
  void anInputStreamIsReadOffTheCallerAndOnlyAsTheConsumerTakes() throws Exception {
    byte[] data = new byte[1024 * 1024];
    new Random(7).nextBytes(data);
    CountingInputStream in = new CountingInputStream(new ByteArrayInputStream(data));
    BufferedStream<byte[]> chunks =
        (BufferedStream<byte[]>) ByteSources.fromInputStream(in, 1024, IO);
    byte[] first = chunks.take().get(10, TimeUnit.SECONDS);
    assertEquals(1024, first.length);
    // The reader may run at most one chunk ahead (the stream's capacity) plus the pending put.
    assertTrue(in.read <= 3 * 1024, "read ahead: " + in.read);
    byte[] rest = ByteSources.aggregate(chunks, data.length).get(30, TimeUnit.SECONDS);
    assertEquals(data.length, first.length + rest.length);
    assertTrue(in.closed.get(), "the input stream is closed at its end");
  }

  @Test
  void closingTheSourceClosesTheInputStream() throws Exception {
    CountingInputStream in = new CountingInputStream(new ByteArrayInputStream(new byte[1 << 20]));
    Source<byte[]> chunks = ByteSources.fromInputStream(in, 1024, IO);
    chunks.take().get(10, TimeUnit.SECONDS);
    chunks.close();
    assertTrue(in.closedLatch.await(10, TimeUnit.SECONDS));
  }

  @Test
  void aBlockingInputStreamOverASourceReadsEveryChunkAndClosesIt() throws Exception {
    BufferedStream<Object> stream = Streams.buffered(2);
    CompletableFuture<byte[]> read =
        CompletableFuture.supplyAsync(
            () -> {
              try (InputStream in = ByteSources.toInputStream(stream)) {
                return in.readAllBytes();
              } catch (IOException e) {
                throw new AssertionError(e);
              }
            },
            IO);
    for (int i = 0; i < 100; i++) {
      assertTrue(stream.put("chunk" + i + ";").get(10, TimeUnit.SECONDS));
    }
    stream.close();
    String text = new String(read.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8);
    assertTrue(text.startsWith("chunk0;chunk1;") && text.endsWith("chunk99;"), text);
  }

  @Test
  void anInputStreamOverAFailedSourceThrowsWithTheCause() {
    BufferedStream<byte[]> stream = Streams.buffered(1);
    stream.fail(new IllegalStateException("peer went away"));
    IOException e = assertThrows(IOException.class, () -> ByteSources.toInputStream(stream).read());
    assertInstanceOf(IllegalStateException.class, e.getCause());
  }

  @Test
  void toSourceConvertsValuesAndRefusesOthersByName() throws Exception {
    assertArrayEquals(
        "abc".getBytes(StandardCharsets.UTF_8),
        ByteSources.aggregate(ByteSources.toSource("abc", IO), 10).get(10, TimeUnit.SECONDS));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ByteSources.toSource(new Object(), IO));
    assertTrue(e.getMessage().contains("java.lang.Object"));
  }

  private static final class CountingInputStream extends InputStream {
    private final InputStream in;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private volatile long read;

    CountingInputStream(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        read++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        read += n;
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      closed.set(true);
      closedLatch.countDown();
      in.close();
    }
  }
}
