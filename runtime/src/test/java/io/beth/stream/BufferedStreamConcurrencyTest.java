package io.beth.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link BufferedStream} under several producer and consumer threads, and under a slow consumer. */
class BufferedStreamConcurrencyTest {

  private static final int PRODUCERS = 4;
  private static final int CONSUMERS = 4;
  private static final int PER_PRODUCER = 250_000;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void manyProducersAndConsumersLoseNothingDuplicateNothingAndKeepOrder() throws Exception {
    BufferedStream<Long> stream = BufferedStream.create(64);
    AtomicInteger producersLeft = new AtomicInteger(PRODUCERS);
    List<Thread> threads = new ArrayList<>();
    ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
    for (int p = 0; p < PRODUCERS; p++) {
      long producer = p;
      threads.add(new Thread(() -> {
        try {
          for (long i = 0; i < PER_PRODUCER; i++) {
            if (!stream.put(producer << 32 | i).get(30, TimeUnit.SECONDS)) {
              throw new AssertionError("put refused");
            }
          }
          if (producersLeft.decrementAndGet() == 0) {
            stream.close();
          }
        } catch (Throwable t) {
          errors.add(t);
          stream.fail(t);
        }
      }, "producer-" + p));
    }
    // each consumer records, per producer, the sequence numbers it saw, in the order it took them
    List<List<List<Long>>> seen = new ArrayList<>();
    for (int c = 0; c < CONSUMERS; c++) {
      List<List<Long>> mine = new ArrayList<>();
      for (int p = 0; p < PRODUCERS; p++) {
        mine.add(new ArrayList<>());
      }
      seen.add(mine);
      threads.add(new Thread(() -> {
        try {
          for (Long m; (m = stream.take().get(30, TimeUnit.SECONDS)) != null; ) {
            mine.get((int) (m >>> 32)).add(m & 0xFFFF_FFFFL);
          }
        } catch (Throwable t) {
          errors.add(t);
          stream.fail(t);
        }
      }, "consumer-" + c));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join(TimeUnit.SECONDS.toMillis(100));
      assertTrue(!t.isAlive(), t.getName() + " is stuck");
    }
    assertTrue(errors.isEmpty(), () -> "errors: " + errors);
    for (int p = 0; p < PRODUCERS; p++) {
      boolean[] got = new boolean[PER_PRODUCER];
      int total = 0;
      for (List<List<Long>> consumer : seen) {
        long previous = -1;
        for (long i : consumer.get(p)) {
          assertTrue(i > previous, "producer " + p + "'s order broken: " + i + " after " + previous);
          assertTrue(!got[(int) i], "duplicate " + i + " of producer " + p);
          got[(int) i] = true;
          previous = i;
          total++;
        }
      }
      assertEquals(PER_PRODUCER, total, "messages of producer " + p);
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aSlowConsumerBoundsWhatTheProducerHasOutstanding() throws Exception {
    int capacity = 16;
    long wouldEmit = 10_000_000L;
    int enough = 20_000;
    BufferedStream<Long> stream = BufferedStream.create(capacity);
    AtomicLong produced = new AtomicLong();
    AtomicInteger maxOutstanding = new AtomicInteger();
    AtomicBoolean overBound = new AtomicBoolean();
    CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
      for (long i = 0; i < wouldEmit; i++) {
        CompletableFuture<Boolean> put = stream.put(i);
        // outstanding = buffered plus this put if it waits: never more than the buffer (+1 waiting)
        int outstanding = stream.size() + (put.isDone() ? 0 : 1);
        maxOutstanding.accumulateAndGet(outstanding, Math::max);
        if (stream.size() > capacity) {
          overBound.set(true);
        }
        if (!put.join()) {
          return; // the consumer stopped
        }
        produced.incrementAndGet();
      }
    });
    long taken = 0;
    while (taken < enough) {
      Long m = stream.take().get(30, TimeUnit.SECONDS);
      assertEquals(taken, m);
      taken++;
      int size = stream.size();
      assertTrue(size <= capacity, "buffered " + size + " > " + capacity);
      assertTrue(produced.get() <= taken + capacity + 1,
          "produced " + produced.get() + " with only " + taken + " taken");
    }
    stream.close(); // enough evidence: the consumer gives up, the producer's put completes false
    producer.get(30, TimeUnit.SECONDS);
    assertTrue(!overBound.get(), "the buffer exceeded its capacity");
    assertTrue(maxOutstanding.get() <= capacity + 1, "outstanding " + maxOutstanding.get());
    assertTrue(produced.get() < wouldEmit);
  }
}
