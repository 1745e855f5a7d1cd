package io.beth.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MergeConcatTest {

  @Test
  void mergeDeliversEveryMessageKeepingEachSourcesOrderAndEndsWhenAllAreDrained() {
    BufferedStream<Integer> a = Streams.buffered(0);
    BufferedStream<Integer> b = Streams.buffered(0);
    CompletableFuture<List<Integer>> all =
        Streams.<Integer>merge(a, b).collect(Collectors.toList());
    Thread pa =
        new Thread(
            () -> {
              for (int i = 0; i < 1000; i++) a.put(i).join();
              a.close();
            });
    Thread pb =
        new Thread(
            () -> {
              for (int i = 1000; i < 2000; i++) b.put(i).join();
              b.close();
            });
    pa.start();
    pb.start();
    List<Integer> got = Await.result(all);
    assertEquals(2000, got.size());
    List<Integer> fromA = got.stream().filter(i -> i < 1000).collect(Collectors.toList());
    List<Integer> fromB = got.stream().filter(i -> i >= 1000).collect(Collectors.toList());
    assertEquals(fromA.stream().sorted().collect(Collectors.toList()), fromA);
    assertEquals(fromB.stream().sorted().collect(Collectors.toList()), fromB);
    assertEquals(1000, fromA.size());
  }

  @Test
  void mergeHoldsAtMostOneMessagePerSource() {
    BufferedStream<Integer> a = Streams.buffered(0);
    BufferedStream<Integer> b = Streams.buffered(0);
    Source<Integer> out = Streams.merge(a, b);
    CompletableFuture<Boolean> a1 = a.put(1);
    CompletableFuture<Boolean> a2 = a.put(2);
    CompletableFuture<Boolean> b1 = b.put(3);
    assertTrue(a1.isDone() && b1.isDone());
    assertFalse(a2.isDone());
    out.close();
  }

  @Test
  void mergeFailsWithTheFirstErrorAndClosesTheOtherSources() {
    BufferedStream<Integer> a = Streams.buffered(0);
    BufferedStream<Integer> b = Streams.buffered(0);
    Source<Integer> out = Streams.merge(a, b);
    Exception boom = new Exception("a failed");
    a.fail(boom);
    assertSame(boom, Await.failure(out.take()));
    Await.result(b.closed());
  }

  @Test
  void closingTheMergedSourceClosesEverySource() {
    BufferedStream<Integer> a = Streams.buffered(0);
    BufferedStream<Integer> b = Streams.buffered(0);
    Streams.merge(a, b).close();
    Await.result(a.closed());
    Await.result(b.closed());
  }

  @Test
  void mergeOfNothingIsEmpty() {
    assertNull(Await.result(Streams.merge().take()));
  }

  @Test
  void concatDrainsEachSourceInTurn() {
    BufferedStream<Integer> a = Streams.buffered(0);
    Source<Integer> b = Streams.fromIterable(List.of(3, 4));
    CompletableFuture<List<Integer>> all =
        Streams.<Integer>concat(a, b).collect(Collectors.toList());
    a.put(1);
    a.put(2);
    assertFalse(all.isDone());
    a.close();
    assertEquals(List.of(1, 2, 3, 4), Await.result(all));
  }

  @Test
  void concatOfManyAlreadyDrainedSourcesDoesNotRecurse() {
    List<Source<Integer>> sources = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      sources.add(Streams.fromIterable(List.of()));
    }
    sources.add(Streams.fromIterable(List.of(7)));
    @SuppressWarnings("unchecked")
    Source<Integer>[] array = sources.toArray(new Source[0]);
    assertEquals(List.of(7), Await.result(Streams.concat(array).collect(Collectors.toList())));
  }

  @Test
  void closingTheConcatenationClosesTheCurrentAndTheWaitingSources() {
    BufferedStream<Integer> a = Streams.buffered(0);
    BufferedStream<Integer> b = Streams.buffered(0);
    Source<Integer> out = Streams.concat(a, b);
    out.close();
    Await.result(a.closed());
    Await.result(b.closed());
  }

  @Test
  void concatFailsWithAnErrorAndClosesTheWaitingSources() {
    BufferedStream<Integer> a = Streams.buffered(1);
    BufferedStream<Integer> b = Streams.buffered(0);
    Source<Integer> out = Streams.concat(a, b);
    a.put(1);
    Exception boom = new Exception("x");
    a.fail(boom);
    assertEquals(1, Await.result(out.take()));
    assertSame(boom, Await.failure(out.take()));
    Await.result(b.closed());
  }
}
