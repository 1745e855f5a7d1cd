package io.beth.stream;

import static io.beth.stream.Await.failure;
import static io.beth.stream.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The runtime's future-free consumer side of {@link BufferedStream}: poll and wake-ups. */
class BufferedStreamPollTest {

  @Test
  void pollYieldsAcceptedMessagesInOrderThenNullWhileTheStreamIsOpen() {
    BufferedStream<String> stream = Streams.buffered(4);
    stream.put("a");
    stream.put("b");
    assertEquals("a", stream.poll());
    assertEquals("b", stream.poll());
    assertNull(stream.poll());
    assertFalse(stream.isDrained());
  }

  @Test
  void aWakeUpIsArmedOnlyWhenNothingIsThereAndRunsOnceOnTheNextPut() {
    BufferedStream<String> stream = Streams.buffered(4);
    stream.put("a");
    AtomicInteger wakes = new AtomicInteger();
    assertFalse(stream.whenReady(wakes::incrementAndGet), "a message is there: poll it");
    assertEquals("a", stream.poll());
    List<String> polledInWakeUp = new ArrayList<>();
    assertTrue(
        stream.whenReady(
            () -> {
              wakes.incrementAndGet();
              polledInWakeUp.add(stream.poll());
            }));
    assertEquals(0, wakes.get());
    assertSame(
        CompletedPut.TRUE, stream.put("b"), "a put that wakes the consumer allocates nothing");
    assertEquals(List.of("b"), polledInWakeUp, "the message is there when the wake-up runs");
    stream.put("c");
    assertEquals(1, wakes.get(), "a wake-up runs once");
    assertEquals("c", stream.poll());
  }

  @Test
  void anArmedWakeUpReplacesThePreviousOne() {
    BufferedStream<String> stream = Streams.buffered(4);
    AtomicInteger first = new AtomicInteger();
    AtomicInteger second = new AtomicInteger();
    assertTrue(stream.whenReady(first::incrementAndGet));
    assertTrue(stream.whenReady(second::incrementAndGet));
    stream.put("a");
    assertEquals(0, first.get());
    assertEquals(1, second.get());
  }

  @Test
  void closingWakesTheConsumerWhichDrainsThenSeesTheEnd() {
    BufferedStream<String> stream = Streams.buffered(4);
    AtomicInteger wakes = new AtomicInteger();
    assertTrue(stream.whenReady(wakes::incrementAndGet));
    stream.close();
    assertEquals(1, wakes.get());
    assertNull(stream.poll());
    assertFalse(stream.whenReady(wakes::incrementAndGet), "the end is there already");
    assertTrue(stream.isDrained());
    assertNull(result(stream.take()), "take yields the end at once");
    result(stream.drained());
  }

  @Test
  void failingWakesTheConsumerAndTakeFailsWithTheCause() {
    BufferedStream<String> stream = Streams.buffered(4);
    AtomicInteger wakes = new AtomicInteger();
    assertTrue(stream.whenReady(wakes::incrementAndGet));
    IOException cause = new IOException("reset");
    stream.fail(cause);
    assertEquals(1, wakes.get());
    assertNull(stream.poll());
    assertTrue(stream.isDrained());
    assertSame(cause, failure(stream.take()));
    assertSame(cause, failure(stream.drained()));
  }

  @Test
  void pollingTheLastMessageOfAClosedStreamCompletesDrained() {
    BufferedStream<String> stream = Streams.buffered(4);
    stream.put("a");
    stream.close();
    assertFalse(stream.drained().toCompletableFuture().isDone());
    assertEquals("a", stream.poll());
    assertTrue(stream.drained().toCompletableFuture().isDone());
    assertTrue(stream.isDrained());
  }

  @Test
  void pollMakesRoomForAWaitingPutInOrder() {
    BufferedStream<String> stream = Streams.buffered(1);
    stream.put("a");
    CompletableFuture<Boolean> waiting = stream.put("b");
    assertFalse(waiting.isDone());
    assertEquals("a", stream.poll());
    assertTrue(result(waiting), "the poll made room");
    assertEquals("b", stream.poll());
    assertNull(stream.poll());
  }

  @Test
  void withCapacityZeroAPutWakesTheConsumerAndCompletesWhenPolled() {
    BufferedStream<String> stream = Streams.buffered(0);
    AtomicReference<String> polled = new AtomicReference<>();
    assertTrue(stream.whenReady(() -> polled.set(stream.poll())));
    CompletableFuture<Boolean> put = stream.put("x");
    assertEquals("x", polled.get());
    assertTrue(put.isDone(), "handed over in the wake-up");
    assertTrue(result(put));
    CompletableFuture<Boolean> unpolled = stream.put("y");
    assertFalse(unpolled.isDone(), "capacity 0: the put waits for the consumer");
    assertEquals("y", stream.poll());
    assertTrue(result(unpolled));
  }

  @Test
  void aWakeUpRunsWithNoLockHeld() throws Exception {
    BufferedStream<String> stream = Streams.buffered(4);
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      CompletableFuture<Boolean> putFromOtherThread = new CompletableFuture<>();
      assertTrue(
          stream.whenReady(
              () -> {
                try {
                  // another thread can use the stream while the wake-up runs
                  putFromOtherThread.complete(
                      other.submit(() -> stream.put("b").join()).get(10, TimeUnit.SECONDS));
                } catch (Exception e) {
                  putFromOtherThread.completeExceptionally(e);
                }
              }));
      stream.put("a");
      assertTrue(result(putFromOtherThread));
      assertEquals("a", stream.poll());
      assertEquals("b", stream.poll());
    } finally {
      other.shutdownNow();
    }
  }

  @Test
  void aThrowingWakeUpGoesToTheUncaughtHandlerAndThePutStillSucceeds() {
    BufferedStream<String> stream = Streams.buffered(4);
    Thread me = Thread.currentThread();
    Thread.UncaughtExceptionHandler previous = me.getUncaughtExceptionHandler();
    AtomicReference<Throwable> reported = new AtomicReference<>();
    me.setUncaughtExceptionHandler((t, e) -> reported.set(e));
    try {
      IllegalStateException boom = new IllegalStateException("boom");
      assertTrue(
          stream.whenReady(
              () -> {
                throw boom;
              }));
      assertTrue(result(stream.put("a")));
      assertSame(boom, reported.get());
      assertEquals("a", stream.poll());
    } finally {
      me.setUncaughtExceptionHandler(previous);
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void producersAndAPollingConsumerLoseNoWakeUpNoMessageAndKeepOrder() throws Exception {
    int producers = 4;
    int perProducer = 200_000;
    BufferedStream<Long> stream = Streams.buffered(8);
    ExecutorService pool = Executors.newFixedThreadPool(producers);
    try {
      List<CompletableFuture<Void>> producing = new ArrayList<>();
      for (int p = 0; p < producers; p++) {
        long id = p;
        producing.add(
            CompletableFuture.runAsync(
                () -> {
                  for (long i = 0; i < perProducer; i++) {
                    if (!stream.put((id << 32) | i).join()) {
                      throw new AssertionError("put refused while open");
                    }
                  }
                },
                pool));
      }
      CompletableFuture.allOf(producing.toArray(CompletableFuture[]::new))
          .whenComplete((v, e) -> stream.close());
      long[] last = new long[producers];
      java.util.Arrays.fill(last, -1);
      long total = 0;
      Semaphore woken = new Semaphore(0);
      while (true) {
        Long m = stream.poll();
        if (m != null) {
          int p = (int) (m >>> 32);
          long i = m & 0xffffffffL;
          assertEquals(last[p] + 1, i, "producer " + p + " in order, nothing lost or doubled");
          last[p] = i;
          total++;
          continue;
        }
        if (stream.whenReady(woken::release)) {
          // a lost wake-up would leave this waiting with producers blocked on a full buffer
          assertTrue(woken.tryAcquire(30, TimeUnit.SECONDS), "woken up after " + total);
          woken.drainPermits();
        } else if (stream.isDrained()) {
          break;
        }
      }
      assertEquals((long) producers * perProducer, total);
      assertNull(result(stream.take()));
      result(CompletableFuture.allOf(producing.toArray(CompletableFuture[]::new)));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void connectPollsAsMessagesArriveAndKeepsBackpressure() {
    BufferedStream<Integer> source = Streams.buffered(2);
    BufferedStream<Integer> sink = Streams.buffered(1);
    CompletableFuture<Void> connection = Streams.connect(source, sink);
    for (int i = 0; i < 100; i++) {
      assertTrue(result(source.put(i)));
      assertEquals(i, result(sink.take()), "moved as soon as it was put");
    }
    // the sink holds 1, the connection waits to put 1, the source holds 2: the next put waits
    for (int i = 0; i < 4; i++) {
      assertTrue(source.put(i).isDone());
    }
    CompletableFuture<Boolean> fifth = source.put(4);
    assertFalse(fifth.isDone(), "a full sink holds the producer back");
    assertEquals(0, result(sink.take()));
    assertTrue(result(fifth));
    source.close();
    for (int i = 1; i <= 4; i++) {
      assertEquals(i, result(sink.take()));
    }
    assertNull(result(sink.take()), "the end goes through");
    result(connection);
  }
}
