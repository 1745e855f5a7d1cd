package io.beth.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MapAsyncTest {

  @Test
  void resultsKeepInputOrderWhenFuturesCompleteOutOfOrder() {
    List<CompletableFuture<String>> started = new ArrayList<>();
    Source<String> out =
        Streams.fromIterable(List.of(1, 2, 3))
            .mapAsync(
                i -> {
                  CompletableFuture<String> f = new CompletableFuture<>();
                  started.add(f);
                  return f;
                },
                3);
    CompletableFuture<List<String>> all = out.collect(Collectors.toList());
    assertEquals(3, started.size());
    started.get(2).complete("c");
    started.get(1).complete("b");
    assertFalse(all.isDone());
    started.get(0).complete("a");
    assertEquals(List.of("a", "b", "c"), Await.result(all));
  }

  @Test
  void runsConcurrentlyAcrossThreadsAndKeepsOrder() {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Source<Integer> out =
          Streams.fromStream(IntStream.range(0, 2000).boxed())
              .mapAsync(i -> CompletableFuture.supplyAsync(() -> i * 2, pool), 8);
      List<Integer> expected =
          IntStream.range(0, 2000).map(i -> i * 2).boxed().collect(Collectors.toList());
      assertEquals(expected, Await.result(out.collect(Collectors.toList())));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aSlowConsumerBoundsTheFuturesStarted() {
    AtomicInteger starts = new AtomicInteger();
    List<CompletableFuture<Integer>> running = new ArrayList<>();
    Source<Integer> out =
        Streams.fromStream(IntStream.range(0, 1_000_000).boxed())
            .mapAsync(
                i -> {
                  starts.incrementAndGet();
                  CompletableFuture<Integer> f = new CompletableFuture<>();
                  running.add(f);
                  return f;
                },
                3);
    assertEquals(3, starts.get());
    for (CompletableFuture<Integer> f : List.copyOf(running)) {
      f.complete(0);
    }
    // nobody takes: one result waits to be taken, three more are held, nothing more is started
    assertEquals(4, starts.get());
    running.get(3).complete(0);
    assertEquals(4, starts.get(), "no take, no new work");
    assertEquals(0, Await.result(out.take()));
    assertTrue(starts.get() <= 6, "at most maxConcurrency + 1 held: " + starts.get());
    out.close();
  }

  @Test
  void aFailedFutureFailsTheOutputAndClosesTheInput() {
    BufferedStream<Integer> in = Streams.buffered(4);
    IllegalStateException boom = new IllegalStateException("remote");
    Source<Integer> out = in.mapAsync(i -> CompletableFuture.failedFuture(boom), 2);
    in.put(1);
    assertSame(boom, Await.failure(out.take()));
    Await.result(in.closed());
  }

  @Test
  void aThrowingFunctionFailsTheOutputAndClosesTheInput() {
    BufferedStream<Integer> in = Streams.buffered(4);
    RuntimeException boom = new RuntimeException("sync");
    Source<Integer> out =
        in.mapAsync(
            i -> {
              throw boom;
            },
            2);
    in.put(1);
    assertSame(boom, Await.failure(out.take()));
    Await.result(in.closed());
  }

  @Test
  void theInputErrorComesAfterTheResultsAlreadyStarted() {
    BufferedStream<Integer> in = Streams.buffered(4);
    CompletableFuture<Integer> pending = new CompletableFuture<>();
    Source<Integer> out = in.mapAsync(i -> pending, 2);
    in.put(1);
    Exception boom = new Exception("upstream");
    in.fail(boom);
    CompletableFuture<Integer> first = out.take();
    assertFalse(first.isDone());
    pending.complete(10);
    assertEquals(10, Await.result(first));
    assertSame(boom, Await.failure(out.take()));
  }

  @Test
  void theOutputEndsAfterTheLastResult() {
    BufferedStream<Integer> in = Streams.buffered(4);
    CompletableFuture<Integer> pending = new CompletableFuture<>();
    Source<Integer> out = in.mapAsync(i -> pending, 2);
    in.put(1);
    in.close();
    CompletableFuture<Integer> first = out.take();
    pending.complete(5);
    assertEquals(5, Await.result(first));
    assertNull(Await.result(out.take()));
  }

  @Test
  void closingTheOutputClosesTheInput() {
    BufferedStream<Integer> in = Streams.buffered(0);
    Source<Integer> out = in.mapAsync(CompletableFuture::completedFuture, 2);
    out.close();
    Await.result(in.closed());
    assertFalse(in.put(1).join());
  }

  @Test
  void maxConcurrencyMustBePositive() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Streams.buffered(1).mapAsync(CompletableFuture::completedFuture, 0));
  }

  @Test
  void closingTheOutputWhileFuturesCompleteOnOtherThreadsClosesTheInputAndStops() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 50; round++) {
        BufferedStream<Integer> in = Streams.buffered(16);
        Thread producer =
            new Thread(
                () -> {
                  int i = 0;
                  while (in.put(i++).join()) {
                    // until the operator closes the input
                  }
                });
        producer.start();
        Source<Integer> out = in.mapAsync(i -> CompletableFuture.supplyAsync(() -> i, pool), 4);
        int expected = 0;
        for (int k = 0; k < 100; k++) {
          assertEquals(expected++, Await.result(out.take()));
        }
        out.close();
        Await.result(in.closed());
        producer.join(10_000);
        assertFalse(producer.isAlive());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
