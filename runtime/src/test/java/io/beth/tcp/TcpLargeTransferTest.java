package io.beth.tcp;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.stream.DuplexStream;
import io.beth.testing.HeapProbe;
import io.beth.testing.SocketBuffers;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * 1 GiB through a reader that stops twice, each way: the writer's puts must stall while the reader
 * pauses (backpressure reached it), the writer may never run further ahead of the reader than the
 * kernel's socket buffers and Beth's bounded queues, and the heap must not grow with the transfer.
 */
class TcpLargeTransferTest {

  private static final long SIZE = 1L << 30;
  private static final int CHUNK = 64 * 1024;

  /**
   * The most a writer may run ahead: the kernel's socket buffers at their largest (Linux autotunes
   * up to them) and 8 MiB for Beth's and Netty's queues (16 chunks each way, a 64 KiB watermark).
   */
  private static final long MAX_LEAD = SocketBuffers.kernelMaximum() + (8L << 20);

  private static final byte[] PATTERN = pattern();

  private static byte[] pattern() {
    byte[] chunk = new byte[CHUNK];
    for (int i = 0; i < CHUNK; i++) {
      chunk[i] = (byte) (i % 251);
    }
    return chunk;
  }

  @Test
  void aGibibyteFromTheServerToASlowPlainSocket() throws Exception {
    Writer writer = new Writer();
    try (TcpServer server =
            TcpServer.start((stream, info) -> writer.start(stream), TcpServerOptions.DEFAULT)
                .get(10, SECONDS);
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort());
        HeapProbe heap = new HeapProbe(250)) {
      socket.setSoTimeout(30_000);
      InputStream in = socket.getInputStream();
      Reader reader = new Reader(writer);
      byte[] buffer = new byte[CHUNK];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        reader.got(buffer, n);
      }
      reader.assertComplete(heap);
    }
  }

  @Test
  void aGibibyteFromTheClientToASlowServer() throws Exception {
    CompletableFuture<DuplexStream<byte[], Object>> accepted = new CompletableFuture<>();
    try (TcpServer server =
            TcpServer.start((stream, info) -> accepted.complete(stream), TcpServerOptions.DEFAULT)
                .get(10, SECONDS);
        HeapProbe heap = new HeapProbe(250)) {
      DuplexStream<byte[], Object> client =
          TcpClient.connect("127.0.0.1", server.address().getPort(), TcpClientOptions.DEFAULT)
              .get(10, SECONDS);
      Writer writer = new Writer();
      writer.start(client);
      DuplexStream<byte[], Object> serverSide = accepted.get(10, SECONDS);
      Reader reader = new Reader(writer);
      for (byte[] bytes; (bytes = serverSide.take().get(30, SECONDS)) != null; ) {
        reader.got(bytes, bytes.length);
      }
      reader.assertComplete(heap);
      serverSide.close();
      client.close();
    }
  }

  /** Puts 1 GiB of 64 KiB chunks, then closes the sink; records when puts start and end. */
  private static final class Writer {
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong putStarted = new AtomicLong();
    final AtomicLong putEnded = new AtomicLong();

    void start(DuplexStream<byte[], Object> stream) {
      send(stream, SIZE / CHUNK);
    }

    private void send(DuplexStream<byte[], Object> stream, long chunks) {
      for (long left = chunks; left > 0; left--) {
        putStarted.set(System.nanoTime());
        CompletableFuture<Boolean> put = stream.put(PATTERN);
        if (!put.isDone()) {
          long next = left - 1;
          put.thenRun(
              () -> {
                putDone();
                send(stream, next);
              });
          return;
        }
        putDone();
      }
      stream.outbound().close();
    }

    private void putDone() {
      putEnded.set(System.nanoTime());
      accepted.addAndGet(CHUNK);
    }

    /**
     * While nothing is read, waits until a put has been pending for 200 ms: proof that backpressure
     * reached the writer. Fails after 10 s.
     */
    void awaitStalled() throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (System.nanoTime() < deadline) {
        long s = putStarted.get();
        if (s > putEnded.get() && System.nanoTime() - s > TimeUnit.MILLISECONDS.toNanos(200)) {
          return;
        }
        Thread.sleep(20); // polling a condition with a deadline
      }
      throw new AssertionError("the writer's puts never stalled while the reader paused");
    }
  }

  /** Counts and checks what arrives, pausing at a quarter and at three quarters. */
  private static final class Reader {
    final Writer writer;
    final long start = System.nanoTime();
    long received;
    long nextPause = SIZE / 4;
    int pauses;
    long maxLead;

    Reader(Writer writer) {
      this.writer = writer;
    }

    void got(byte[] bytes, int n) throws InterruptedException {
      if (n == 0) {
        return;
      }
      assertEquals(PATTERN[(int) (received % CHUNK)], bytes[0], "byte at " + received);
      assertEquals(
          PATTERN[(int) ((received + n - 1) % CHUNK)],
          bytes[n - 1],
          "byte at " + (received + n - 1));
      received += n;
      maxLead = Math.max(maxLead, writer.accepted.get() - received);
      if (received >= nextPause) {
        writer.awaitStalled();
        maxLead = Math.max(maxLead, writer.accepted.get() - received);
        pauses++;
        nextPause += SIZE / 2;
      }
    }

    void assertComplete(HeapProbe heap) {
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertEquals(SIZE, received);
      assertEquals(2, pauses);
      assertTrue(
          maxLead <= MAX_LEAD,
          "the writer ran "
              + (maxLead >> 20)
              + " MiB ahead (at most "
              + (MAX_LEAD >> 20)
              + " MiB expected)");
      long growth = heap.maxGrowth();
      assertTrue(growth < 64L << 20, "live heap grew by " + (growth >> 20) + " MiB");
      System.out.printf(
          "1 GiB in %d ms; writer lead at most %d KiB; heap growth %d MiB%n",
          millis, maxLead >> 10, growth >> 20);
    }
  }
}
