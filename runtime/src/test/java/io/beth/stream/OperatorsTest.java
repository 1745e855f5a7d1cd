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

class OperatorsTest {

  private static BufferedStream<Integer> closedStreamOf(int... values) {
    BufferedStream<Integer> s = Streams.buffered(values.length);
    for (int v : values) {
      assertTrue(s.put(v).join());
    }
    s.close();
    return s;
  }

  @Test
  void mapAppliesTheFunctionAndEndsWhenTheInputIsDrained() {
    Source<String> out = closedStreamOf(1, 2, 3).map(i -> "#" + i);
    assertEquals(List.of("#1", "#2", "#3"), Await.result(out.collect(Collectors.toList())));
  }

  @Test
  void mapFailsWithTheInputError() {
    BufferedStream<Integer> in = Streams.buffered(1);
    Source<Integer> out = in.map(i -> i + 1);
    in.put(1);
    IllegalStateException boom = new IllegalStateException("boom");
    in.fail(boom);
    assertEquals(2, Await.result(out.take()));
    assertSame(boom, Await.failure(out.take()));
  }

  @Test
  void aThrowingMapFunctionFailsTheOutputAndClosesTheInput() {
    BufferedStream<Integer> in = Streams.buffered(4);
    RuntimeException boom = new RuntimeException("bad");
    Source<Integer> out =
        in.map(
            i -> {
              throw boom;
            });
    in.put(1);
    assertSame(boom, Await.failure(out.take()));
    Await.result(in.closed());
    assertFalse(in.put(2).join());
  }

  @Test
  void closingTheMappedSourceClosesTheInput() {
    BufferedStream<Integer> in = Streams.buffered(0);
    Source<Integer> out = in.map(i -> i);
    CompletableFuture<Boolean> taken = in.put(1); // taken by the operator, waiting for the consumer
    CompletableFuture<Boolean> waiting = in.put(2);
    assertTrue(Await.result(taken));
    assertFalse(waiting.isDone());
    out.close();
    Await.result(in.closed());
    assertFalse(Await.result(waiting), "the producer's pending put is refused");
  }

  @Test
  void filterKeepsOnlyAcceptedMessages() {
    Source<Integer> out = closedStreamOf(1, 2, 3, 4, 5, 6).filter(i -> i % 2 == 0);
    assertEquals(List.of(2, 4, 6), Await.result(out.collect(Collectors.toList())));
  }

  @Test
  void aThrowingPredicateFailsTheOutputAndClosesTheInput() {
    BufferedStream<Integer> in = Streams.buffered(4);
    IllegalArgumentException boom = new IllegalArgumentException("no");
    Source<Integer> out =
        in.filter(
            i -> {
              throw boom;
            });
    in.put(1);
    assertSame(boom, Await.failure(out.take()));
    Await.result(in.closed());
  }

  @Test
  void closingTheFilteredSourceClosesTheInput() {
    BufferedStream<Integer> in = Streams.buffered(0);
    in.filter(i -> true).close();
    Await.result(in.closed());
  }

  @Test
  void bufferHoldsAtMostItsCapacityAheadOfASlowConsumer() {
    BufferedStream<Integer> in = Streams.buffered(0);
    Source<Integer> out = in.buffer(4);
    List<CompletableFuture<Boolean>> puts = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      puts.add(in.put(i));
    }
    // 4 in the buffer, 1 taken by the connection and waiting to be put: the rest wait.
    for (int i = 0; i < 5; i++) {
      assertTrue(puts.get(i).isDone(), "put " + i);
    }
    for (int i = 5; i < 10; i++) {
      assertFalse(puts.get(i).isDone(), "put " + i);
    }
    assertEquals(0, Await.result(out.take()));
    assertTrue(Await.result(puts.get(5)));
    assertFalse(puts.get(6).isDone());
    out.close();
    Await.result(in.closed());
    assertFalse(Await.result(puts.get(9)));
  }

  @Test
  void bufferPassesTheEndAndTheError() {
    assertEquals(
        List.of(1, 2), Await.result(closedStreamOf(1, 2).buffer(8).collect(Collectors.toList())));
    BufferedStream<Integer> in = Streams.buffered(1);
    Source<Integer> out = in.buffer(8);
    Exception boom = new Exception("x");
    in.fail(boom);
    assertSame(boom, Await.failure(out.take()));
  }

  @Test
  void limitTakesTheFirstMessagesThenClosesTheInput() {
    BufferedStream<Integer> in = Streams.buffered(16);
    for (int i = 0; i < 10; i++) {
      in.put(i);
    }
    Source<Integer> out = in.limit(3);
    assertEquals(List.of(0, 1, 2), Await.result(out.collect(Collectors.toList())));
    Await.result(in.closed());
    assertFalse(in.put(99).join());
  }

  @Test
  void limitEndsEarlyWhenTheInputIsShorter() {
    assertEquals(
        List.of(1, 2), Await.result(closedStreamOf(1, 2).limit(5).collect(Collectors.toList())));
  }

  @Test
  void limitZeroIsEmptyAndClosesTheInput() {
    BufferedStream<Integer> in = Streams.buffered(1);
    Source<Integer> out = in.limit(0);
    assertNull(Await.result(out.take()));
    assertTrue(in.isClosed());
  }

  @Test
  void closingALimitedSourceClosesTheInput() {
    BufferedStream<Integer> in = Streams.buffered(1);
    in.limit(5).close();
    Await.result(in.closed());
  }

  @Test
  void reduceFoldsEveryMessage() {
    assertEquals(15, Await.result(closedStreamOf(1, 2, 3, 4, 5).reduce(0, Integer::sum)));
    assertEquals(7, Await.result(closedStreamOf().reduce(7, Integer::sum)));
  }

  @Test
  void reduceFailsWithTheInputError() {
    BufferedStream<Integer> in = Streams.buffered(1);
    CompletableFuture<Integer> sum = in.reduce(0, Integer::sum);
    in.put(1);
    Exception boom = new Exception("x");
    in.fail(boom);
    assertSame(boom, Await.failure(sum));
  }

  @Test
  void aThrowingReducerFailsTheResultAndClosesTheInput() {
    BufferedStream<Integer> in = Streams.buffered(4);
    ArithmeticException boom = new ArithmeticException("overflow");
    CompletableFuture<Integer> r =
        in.reduce(
            0,
            (a, b) -> {
              throw boom;
            });
    in.put(1);
    assertSame(boom, Await.failure(r));
    Await.result(in.closed());
  }

  @Test
  void collectUsesTheCollector() {
    assertEquals(
        "1,2,3",
        Await.result(
            closedStreamOf(1, 2, 3).map(String::valueOf).collect(Collectors.joining(","))));
  }

  @Test
  void cancellingTheResultClosesTheInput() {
    BufferedStream<Integer> in = Streams.buffered(1);
    CompletableFuture<List<Integer>> all = in.collect(Collectors.toList());
    all.cancel(false);
    Await.result(in.closed());
  }

  @Test
  void consumeSeesEveryMessageAndCompletesWhenDrained() {
    BufferedStream<Integer> in = Streams.buffered(0);
    List<Integer> seen = new ArrayList<>();
    CompletableFuture<Void> done = in.consume(seen::add);
    for (int i = 0; i < 5; i++) {
      assertTrue(Await.result(in.put(i)));
    }
    assertFalse(done.isDone());
    in.close();
    Await.result(done);
    assertEquals(List.of(0, 1, 2, 3, 4), seen);
  }

  @Test
  void aThrowingConsumerFailsTheResultAndClosesTheInput() {
    BufferedStream<Integer> in = Streams.buffered(4);
    IllegalStateException boom = new IllegalStateException("consumer");
    CompletableFuture<Void> done =
        in.consume(
            i -> {
              throw boom;
            });
    in.put(1);
    assertSame(boom, Await.failure(done));
    Await.result(in.closed());
    assertFalse(in.put(2).join());
  }

  @Test
  void consumeFailsWithTheInputError() {
    BufferedStream<Integer> in = Streams.buffered(1);
    CompletableFuture<Void> done = in.consume(i -> {});
    Exception boom = new Exception("x");
    in.fail(boom);
    assertSame(boom, Await.failure(done));
  }
}
