package io.beth.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class BufferedStreamConcurrencyTest {

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void manyProducersAndConsumersLoseNothingDuplicateNothingAndKeepPerProducerOrder()
      throws Exception {
    int producers = 4;
    int consumers = 4;
    int perProducer = 250_000; // 10^6 messages in all
    BufferedStream<Long> stream = Streams.buffered(64);
    ExecutorService pool = Executors.newFixedThreadPool(producers + consumers);
    try {
      List<CompletableFuture<Void>> producing = new ArrayList<>();
      for (int p = 0; p < producers; p++) {
        long id = p;
        producing.add(
            CompletableFuture.runAsync(
                () -> {
                  for (long i = 0; i < perProducer; i++) {
                    // Blocking here is the test's choice: it shows the backpressure holding
                    // producers.
                    if (!stream.put((id << 32) | i).join()) {
                      throw new AssertionError("put refused while open");
                    }
                  }
                },
                pool));
      }
      List<ConcurrentLinkedQueue<Long>> seen = new ArrayList<>();
      List<CompletableFuture<Void>> consuming = new ArrayList<>();
      for (int c = 0; c < consumers; c++) {
        ConcurrentLinkedQueue<Long> mine = new ConcurrentLinkedQueue<>();
        seen.add(mine);
        consuming.add(
            CompletableFuture.runAsync(
                () -> {
                  for (Long m; (m = stream.take().join()) != null; ) {
                    mine.add(m);
                  }
                },
                pool));
      }
      CompletableFuture.allOf(producing.toArray(CompletableFuture[]::new))
          .get(100, TimeUnit.SECONDS);
      stream.close();
      CompletableFuture.allOf(consuming.toArray(CompletableFuture[]::new))
          .get(100, TimeUnit.SECONDS);

      boolean[][] got = new boolean[producers][perProducer];
      long total = 0;
      for (ConcurrentLinkedQueue<Long> mine : seen) {
        long[] last = new long[producers];
        java.util.Arrays.fill(last, -1);
        for (long m : mine) {
          int p = (int) (m >>> 32);
          int i = (int) (m & 0xffffffffL);
          assertTrue(!got[p][i], "duplicate " + p + ":" + i);
          got[p][i] = true;
          assertTrue(i > last[p], "producer " + p + " out of order for one consumer: " + i);
          last[p] = i;
          total++;
        }
      }
      assertEquals((long) producers * perProducer, total, "nothing lost");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aSlowConsumerBoundsWhatTheProducerHasOutstanding() throws Exception {
    int capacity = 16;
    long wouldEmit = 10_000_000L;
    BufferedStream<Long> stream = Streams.buffered(capacity);
    AtomicLong accepted = new AtomicLong();
    AtomicInteger maxOutstanding = new AtomicInteger();
    CompletableFuture<Long> producer = new CompletableFuture<>();
    // An asynchronous producer: it emits the next message only when the previous put completes.
    Runnable[] emit = new Runnable[1];
    emit[0] =
        () -> {
          while (accepted.get() < wouldEmit) {
            CompletableFuture<Boolean> put = stream.put(accepted.get());
            maxOutstanding.accumulateAndGet(stream.size(), Math::max);
            if (!put.isDone()) {
              put.thenAccept(
                  ok -> {
                    if (ok) {
                      accepted.incrementAndGet();
                      emit[0].run();
                    } else {
                      producer.complete(accepted.get());
                    }
                  });
              return;
            }
            if (!put.join()) {
              producer.complete(accepted.get());
              return;
            }
            accepted.incrementAndGet();
          }
          producer.complete(accepted.get());
        };
    emit[0].run();
    assertEquals(capacity, accepted.get(), "the producer stops at the buffer's capacity");

    // A slow consumer: takes 100,000 messages one by one, checking the bound after each.
    for (long i = 0; i < 100_000; i++) {
      assertEquals(i, stream.take().get(10, TimeUnit.SECONDS));
      assertTrue(stream.size() <= capacity, "buffered " + stream.size());
      assertTrue(
          accepted.get() - (i + 1) <= capacity + 1, "outstanding " + (accepted.get() - (i + 1)));
    }
    stream.close(); // the consumer gives up; the producer's pending put completes false
    long emitted = producer.get(10, TimeUnit.SECONDS);
    assertTrue(emitted < wouldEmit, "the producer stopped when the consumer gave up");
    assertTrue(maxOutstanding.get() <= capacity, "max buffered " + maxOutstanding.get());
  }
}
