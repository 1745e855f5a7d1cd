package io.beth.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BatchTest {

  private static final Duration LONG = Duration.ofMinutes(5);

  @Test
  void fullBatchesThenThePartialOneAtTheEnd() {
    Source<List<Integer>> out = Streams.fromIterable(List.of(1, 2, 3, 4, 5, 6, 7)).batch(3, LONG);
    assertEquals(
        List.of(List.of(1, 2, 3), List.of(4, 5, 6), List.of(7)),
        Await.result(out.collect(Collectors.toList())));
  }

  @Test
  void aPartialBatchIsEmittedAfterTheMaxLatency() {
    BufferedStream<Integer> in = Streams.buffered(4);
    in.put(1);
    in.put(2);
    Source<List<Integer>> out = in.batch(100, Duration.ofMillis(300)); // takes both at once
    assertEquals(List.of(1, 2), Await.result(out.take()));
    in.put(3);
    assertEquals(List.of(3), Await.result(out.take()));
    assertFalse(in.isClosed());
    out.close();
  }

  @Test
  void theInputErrorFollowsThePartialBatch() {
    BufferedStream<Integer> in = Streams.buffered(4);
    Source<List<Integer>> out = in.batch(10, LONG);
    in.put(1);
    Exception boom = new Exception("x");
    in.fail(boom);
    assertEquals(List.of(1), Await.result(out.take()));
    assertSame(boom, Await.failure(out.take()));
  }

  @Test
  void anEmptyInputGivesNoBatch() {
    BufferedStream<Integer> in = Streams.buffered(1);
    in.close();
    assertNull(Await.result(in.batch(3, LONG).take()));
  }

  @Test
  void aSlowConsumerBoundsWhatIsTaken() {
    BufferedStream<Integer> in = Streams.buffered(0);
    Source<List<Integer>> out = in.batch(3, LONG);
    List<CompletableFuture<Boolean>> puts = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      puts.add(in.put(i));
    }
    // one full batch waits for the consumer, the next one is full: nothing more is taken
    for (int i = 0; i < 6; i++) {
      assertTrue(puts.get(i).isDone(), "put " + i);
    }
    for (int i = 6; i < 20; i++) {
      assertFalse(puts.get(i).isDone(), "put " + i);
    }
    assertEquals(List.of(0, 1, 2), Await.result(out.take()));
    assertEquals(List.of(3, 4, 5), Await.result(out.take()));
    out.close();
    Await.result(in.closed());
    assertFalse(Await.result(puts.get(19)));
  }

  @Test
  void closingTheOutputClosesTheInput() {
    BufferedStream<Integer> in = Streams.buffered(1);
    in.batch(2, LONG).close();
    Await.result(in.closed());
  }

  @Test
  void aProducerRacingTheTimerLosesNothingAndKeepsOrder() throws Exception {
    BufferedStream<Integer> in = Streams.buffered(8);
    int n = 100_000;
    Thread producer =
        new Thread(
            () -> {
              for (int i = 0; i < n; i++) {
                in.put(i).join();
              }
              in.close();
            });
    CompletableFuture<List<List<Integer>>> batches =
        in.batch(7, Duration.ofNanos(50_000)).collect(Collectors.toList());
    producer.start();
    List<Integer> flat = new ArrayList<>();
    for (List<Integer> b : Await.result(batches)) {
      assertTrue(!b.isEmpty() && b.size() <= 7, "batch size " + b.size());
      flat.addAll(b);
    }
    assertEquals(n, flat.size());
    for (int i = 0; i < n; i++) {
      assertEquals(i, flat.get(i));
    }
    producer.join(10_000);
  }
}
