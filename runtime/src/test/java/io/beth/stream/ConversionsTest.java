package io.beth.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ConversionsTest {

  /** An iterator over 0, 1, 2, ... up to {@code size}, recording each pull. */
  private static final class CountingIterator implements Iterator<Integer> {
    final int size;
    final AtomicInteger pulled = new AtomicInteger();
    final List<Thread> threads = new ArrayList<>();

    CountingIterator(int size) {
      this.size = size;
    }

    @Override
    public boolean hasNext() {
      return pulled.get() < size;
    }

    @Override
    public Integer next() {
      threads.add(Thread.currentThread());
      return pulled.getAndIncrement();
    }
  }

  @Test
  void fromIterableYieldsEveryElementThenTheEnd() {
    Source<String> s = Streams.fromIterable(List.of("a", "b"));
    assertEquals("a", Await.result(s.take()));
    assertEquals("b", Await.result(s.take()));
    assertNull(Await.result(s.take()));
    assertTrue(s.isDrained());
    Await.result(s.drained());
  }

  @Test
  void fromIteratorPullsLazilyOnTheTakersThread() {
    CountingIterator it = new CountingIterator(100);
    Source<Integer> s = Streams.fromIterator(it);
    assertEquals(0, it.pulled.get());
    assertEquals(0, Await.result(s.take()));
    assertEquals(1, it.pulled.get());
    assertEquals(List.of(Thread.currentThread()), it.threads);
    s.close();
    assertNull(Await.result(s.take()));
    assertEquals(1, it.pulled.get());
    assertTrue(s.isDrained());
  }

  @Test
  void aThrowingIteratorFailsTheSource() {
    IllegalStateException boom = new IllegalStateException("broken");
    Iterator<Integer> it =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return true;
          }

          @Override
          public Integer next() {
            throw boom;
          }
        };
    Source<Integer> s = Streams.fromIterator(it);
    assertSame(boom, Await.failure(s.take()));
    assertSame(boom, Await.failure(s.take()));
    assertSame(boom, Await.failure(s.drained()));
  }

  @Test
  void fromIteratorWithAnExecutorPullsThereOneAtATime() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountingIterator it = new CountingIterator(500);
      Source<Integer> s = Streams.fromIterator(it, pool);
      List<CompletableFuture<Integer>> takes = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        takes.add(s.take()); // queued pulls run in order, never overlapping
      }
      for (int i = 0; i < 500; i++) {
        assertEquals(i, Await.result(takes.get(i)));
      }
      assertNull(Await.result(s.take()));
      assertFalse(it.threads.contains(Thread.currentThread()));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aBlockingIteratorOnAnExecutorKeepsAMessagePulledAfterATimeout() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    CountDownLatch release = new CountDownLatch(1);
    Iterator<String> blocking =
        new Iterator<>() {
          boolean done;

          @Override
          public boolean hasNext() {
            return !done;
          }

          @Override
          public String next() {
            try {
              assertTrue(release.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
              throw new IllegalStateException(e);
            }
            done = true;
            return "late";
          }
        };
    try {
      Source<String> s = Streams.fromIterator(blocking, pool);
      assertEquals("timeout", Await.result(s.take(Duration.ofMillis(20), "timeout")));
      release.countDown();
      assertEquals("late", Await.result(s.take()));
      assertNull(Await.result(s.take()));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void fromStreamIsLazyAndClosesTheStreamWhenExhausted() {
    AtomicInteger peeked = new AtomicInteger();
    AtomicBoolean closed = new AtomicBoolean();
    Stream<Integer> stream =
        IntStream.range(0, 3)
            .boxed()
            .peek(i -> peeked.incrementAndGet())
            .onClose(() -> closed.set(true));
    Source<Integer> s = Streams.fromStream(stream);
    assertEquals(0, peeked.get());
    assertEquals(0, Await.result(s.take()));
    assertEquals(1, peeked.get());
    assertFalse(closed.get());
    assertEquals(List.of(1, 2), Await.result(s.collect(Collectors.toList())));
    assertTrue(closed.get());
  }

  @Test
  void closingAStreamSourceClosesTheStream() {
    AtomicBoolean closed = new AtomicBoolean();
    Source<Integer> s =
        Streams.fromStream(Stream.iterate(0, i -> i + 1).onClose(() -> closed.set(true)));
    assertEquals(List.of(0, 1, 2), Await.result(s.limit(3).collect(Collectors.toList())));
    assertTrue(closed.get());
  }

  @Test
  void anIteratorSourceIsAPublisher() {
    Source<Integer> viaFlow = Streams.fromPublisher(Streams.fromIterable(List.of(1, 2, 3)), 2);
    assertEquals(List.of(1, 2, 3), Await.result(viaFlow.collect(Collectors.toList())));
  }

  @Test
  void fromFutureYieldsTheValueThenTheEnd() {
    CompletableFuture<String> f = new CompletableFuture<>();
    Source<String> s = Streams.fromFuture(f);
    CompletableFuture<String> first = s.take();
    assertFalse(first.isDone());
    f.complete("v");
    assertEquals("v", Await.result(first));
    assertNull(Await.result(s.take()));
  }

  @Test
  void aFailedFutureGivesAFailedSource() {
    Exception boom = new Exception("no");
    assertSame(
        boom, Await.failure(Streams.fromFuture(CompletableFuture.failedFuture(boom)).take()));
    assertSame(
        boom,
        Await.failure(
            Streams.fromFuture(
                    CompletableFuture.supplyAsync(
                        () -> {
                          throw new CompletionException(boom);
                        }))
                .take()));
  }

  @Test
  void aFutureOfNullGivesAnEmptySource() {
    assertNull(Await.result(Streams.fromFuture(CompletableFuture.completedFuture(null)).take()));
  }

  @Test
  void toIteratorTakesNoMoreThanOneAhead() {
    BufferedStream<Integer> in = Streams.buffered(0);
    Iterator<Integer> it = Streams.toIterator(in);
    CompletableFuture<Boolean> p0 = in.put(0);
    CompletableFuture<Boolean> p1 = in.put(1);
    assertFalse(p0.isDone());
    assertTrue(it.hasNext());
    assertTrue(p0.isDone());
    assertFalse(p1.isDone(), "hasNext took exactly one message");
    assertTrue(it.hasNext());
    assertFalse(p1.isDone());
    assertEquals(0, it.next());
    assertEquals(1, it.next());
    in.close();
    assertFalse(it.hasNext());
    assertThrows(NoSuchElementException.class, it::next);
  }

  @Test
  void toIteratorBlocksUntilAProducerOnAnotherThreadPuts() throws Exception {
    BufferedStream<Integer> in = Streams.buffered(4);
    Thread producer =
        new Thread(
            () -> {
              for (int i = 0; i < 10_000; i++) {
                in.put(i).join();
              }
              in.close();
            });
    producer.start();
    Iterator<Integer> it = Streams.toIterator(in);
    int expected = 0;
    while (it.hasNext()) {
      assertEquals(expected++, it.next());
    }
    assertEquals(10_000, expected);
    producer.join(10_000);
  }

  @Test
  void toIteratorThrowsTheSourceError() {
    BufferedStream<Integer> in = Streams.buffered(1);
    Exception boom = new Exception("x");
    in.fail(boom);
    Iterator<Integer> it = Streams.toIterator(in);
    CompletionException e = assertThrows(CompletionException.class, it::hasNext);
    assertSame(boom, e.getCause());
  }

  @Test
  void toStreamConsumesLazilyAndClosingItClosesTheSource() {
    BufferedStream<Integer> in = Streams.buffered(8);
    for (int i = 0; i < 8; i++) {
      in.put(i);
    }
    List<Integer> firstThree;
    try (Stream<Integer> s = Streams.toStream(in)) {
      firstThree = s.limit(3).collect(Collectors.toList());
    }
    assertEquals(List.of(0, 1, 2), firstThree);
    assertTrue(in.isClosed());
    assertEquals(3, Await.result(in.take()), "what was not pulled stays in the source");
  }

  @Test
  void aRoundTripThroughStreamsKeepsEveryElement() {
    List<Integer> values = IntStream.range(0, 1000).boxed().collect(Collectors.toList());
    try (Stream<Integer> s = Streams.toStream(Streams.fromStream(values.stream()).buffer(16))) {
      assertEquals(values, s.collect(Collectors.toList()));
    }
  }

  @Test
  void aSlowConsumerOfAnIteratorSourceBoundsThePulls() {
    CountingIterator it = new CountingIterator(Integer.MAX_VALUE);
    Source<Integer> buffered = Streams.fromIterator(it).buffer(16);
    // 16 buffered, one taken by the connection and waiting: nothing else is pulled
    assertEquals(17, it.pulled.get());
    AtomicReference<Integer> first = new AtomicReference<>(Await.result(buffered.take()));
    assertEquals(0, first.get());
    assertEquals(18, it.pulled.get());
    buffered.close();
  }
}
