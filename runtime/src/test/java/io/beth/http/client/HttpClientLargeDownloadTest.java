package io.beth.http.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.http.ClientRequest;
import io.beth.http.ClientResponse;
import io.beth.http.HttpClient;
import io.beth.stream.Source;
import io.beth.testing.HeapProbe;
import io.beth.testing.SocketBuffers;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.junit.jupiter.api.Test;

/**
 * A 1 GiB response from Jetty read by a consumer that stops twice: the client's bounded body buffer
 * and TCP flow control must stall Jetty's writes, and the heap must not grow with the body.
 */
class HttpClientLargeDownloadTest {

  private static final long SIZE = 1L << 30;
  private static final int CHUNK = 64 * 1024;

  /**
   * The most the server may run ahead of the consumer: the kernel's socket buffers at their largest
   * (read from Linux's TCP settings, which autotune up to them) and 8 MiB for the queues of Jetty
   * and the client.
   */
  private static final long MAX_LEAD = SocketBuffers.kernelMaximum() + (8L << 20);

  @Test
  void aGibibyteStreamsWithBoundedHeapAndThrottlesTheServer() throws Exception {
    AtomicLong written = new AtomicLong();
    AtomicLong writeStarted = new AtomicLong();
    AtomicLong writeEnded = new AtomicLong();
    byte[] chunk = new byte[CHUNK];
    for (int i = 0; i < CHUNK; i++) {
      chunk[i] = (byte) i;
    }
    try (JettyOrigin jetty =
            JettyOrigin.start(
                (request, response) -> {
                  response.getHeaders().put(HttpHeader.CONTENT_LENGTH, SIZE);
                  for (long sent = 0; sent < SIZE; sent += CHUNK) {
                    writeStarted.set(System.nanoTime());
                    JettyOrigin.write(response, sent + CHUNK == SIZE, chunk);
                    writeEnded.set(System.nanoTime());
                    written.addAndGet(CHUNK);
                  }
                });
        HttpClient client = HttpClient.create();
        HeapProbe heap = new HeapProbe(250)) {
      long start = System.nanoTime();
      ClientResponse response =
          client.send(ClientRequest.get(jetty.uri("/big")).build()).get(10, TimeUnit.SECONDS);
      Source<byte[]> body = response.body();
      long received = 0;
      long nextPause = SIZE / 4;
      int pauses = 0;
      long maxLead = 0;
      for (byte[] bytes; (bytes = body.take().get(30, TimeUnit.SECONDS)) != null; ) {
        assertEquals(chunk[(int) (received % CHUNK)], bytes[0], "byte at " + received);
        received += bytes.length;
        maxLead = Math.max(maxLead, written.get() - received);
        if (received >= nextPause) {
          awaitStalledWrite(writeStarted, writeEnded);
          maxLead = Math.max(maxLead, written.get() - received);
          pauses++;
          nextPause += SIZE / 2;
        }
      }
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertEquals(SIZE, received);
      assertEquals(2, pauses);
      assertTrue(
          maxLead <= MAX_LEAD,
          "the server ran "
              + (maxLead >> 20)
              + " MiB ahead (at most "
              + (MAX_LEAD >> 20)
              + " MiB expected)");
      long growth = heap.maxGrowth();
      assertTrue(growth < 64L << 20, "live heap grew by " + (growth >> 20) + " MiB");
      System.out.printf(
          "1 GiB downloaded in %d ms; server lead at most %d KiB; heap growth %d" + " MiB%n",
          millis, maxLead >> 10, growth >> 20);
    }
  }

  /**
   * While the consumer takes nothing, waits until one of Jetty's writes has been blocked for 200
   * ms: proof that backpressure reached the server's write side. Fails after 10 s.
   */
  private static void awaitStalledWrite(AtomicLong started, AtomicLong ended)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      long s = started.get();
      if (s > ended.get() && System.nanoTime() - s > TimeUnit.MILLISECONDS.toNanos(200)) {
        return;
      }
      Thread.sleep(20); // polling a condition with a deadline
    }
    throw new AssertionError("the server's writes never stalled while the consumer paused");
  }
}
