package io.beth.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The put/take/close/fail semantics of {@link BufferedStream} (DESIGN.md layer 1). */
class BufferedStreamTest {

  @Test
  void putCompletesLateWhenFullAndTrueWhenDrained() {
    BufferedStream<String> stream = BufferedStream.create(1);
    assertTrue(Await.result(stream.put("a")));
    CompletableFuture<Boolean> late = stream.put("b");
    assertFalse(late.isDone(), "a put into a full buffer waits");
    assertEquals("a", Await.result(stream.take()));
    assertTrue(Await.result(late));
    assertEquals("b", Await.result(stream.take()));
  }

  @Test
  void nonDelayedPutReturnsTheSharedCompletedFuture() {
    BufferedStream<String> stream = BufferedStream.create(2);
    assertSame(CompletedPut.TRUE, stream.put("a"));
    assertSame(CompletedPut.TRUE, stream.put("b"));
    stream.close();
    assertSame(CompletedPut.FALSE, stream.put("c"));
    CompletableFuture<String> waiting = BufferedStream.<String>create(0).take();
    BufferedStream<String> handOver = BufferedStream.create(0);
    CompletableFuture<String> taker = handOver.take();
    assertSame(CompletedPut.TRUE, handOver.put("x"), "a put handed to a waiting take is not delayed");
    assertEquals("x", Await.result(taker));
    assertFalse(waiting.isDone());
  }

  @Test
  void putAfterCloseCompletesFalse() {
    BufferedStream<String> stream = BufferedStream.create(4);
    stream.close();
    assertFalse(Await.result(stream.put("a")));
    assertTrue(stream.isClosed());
  }

  @Test
  void takeAfterDrainYieldsTheEndSignal() {
    BufferedStream<String> stream = BufferedStream.create(4);
    stream.put("a");
    stream.close();
    assertFalse(stream.isDrained());
    assertEquals("a", Await.result(stream.take()));
    assertTrue(stream.isDrained());
    assertNull(Await.result(stream.drained()));
    assertNull(Await.result(stream.take()));
    assertNull(Await.result(stream.take()));
  }

  @Test
  void pendingTakeSeesTheEndWhenClosed() {
    BufferedStream<String> stream = BufferedStream.create(4);
    CompletableFuture<String> pending = stream.take();
    stream.close();
    assertNull(Await.result(pending));
  }

  @Test
  void failFailsPendingAndLaterTakesAfterTheBufferDrained() {
    IllegalStateException boom = new IllegalStateException("boom");
    BufferedStream<String> empty = BufferedStream.create(4);
    CompletableFuture<String> pending = empty.take();
    empty.fail(boom);
    assertSame(boom, Await.failure(pending));
    assertSame(boom, Await.failure(empty.take()));
    assertSame(boom, Await.failure(empty.drained()));
    assertSame(boom, Await.failure(empty.closed()));

    BufferedStream<String> full = BufferedStream.create(4);
    full.put("a");
    full.fail(boom);
    assertEquals("a", Await.result(full.take()), "accepted messages drain before the error");
    assertSame(boom, Await.failure(full.take()));
  }

  @Test
  void closingTheConsumerSideRefusesPendingPuts() {
    BufferedStream<String> stream = BufferedStream.create(1);
    Source<String> consumerSide = stream;
    stream.put("a");
    CompletableFuture<Boolean> p1 = stream.put("b");
    CompletableFuture<Boolean> p2 = stream.put("c");
    consumerSide.close();
    assertFalse(Await.result(p1));
    assertFalse(Await.result(p2));
    assertEquals("a", Await.result(stream.take()));
    assertNull(Await.result(stream.take()), "refused messages are not in the stream");
  }

  @Test
  void putTimeoutCompletesFalseAndWithdrawsTheMessage() {
    BufferedStream<String> stream = BufferedStream.create(0);
    CompletableFuture<Boolean> put = stream.put("a", Duration.ofMillis(20));
    assertFalse(Await.result(put));
    stream.close();
    assertNull(Await.result(stream.take()), "a timed-out message is not in the stream");
  }

  @Test
  void putWithinTimeoutCompletesTrue() {
    BufferedStream<String> stream = BufferedStream.create(0);
    CompletableFuture<Boolean> put = stream.put("a", Duration.ofSeconds(10));
    assertEquals("a", Await.result(stream.take()));
    assertTrue(Await.result(put));
  }

  @Test
  void takeTimeoutCompletesWithTheTimeoutValueAndKeepsLaterMessages() {
    BufferedStream<String> stream = BufferedStream.create(1);
    assertEquals("none", Await.result(stream.take(Duration.ofMillis(20), "none")));
    stream.put("a");
    assertEquals("a", Await.result(stream.take(Duration.ofMillis(20), "none")));
    assertEquals("b-late", takeThenPut(stream));
  }

  private static String takeThenPut(BufferedStream<String> stream) {
    CompletableFuture<String> take = stream.take(Duration.ofSeconds(10), "none");
    stream.put("b-late");
    return Await.result(take);
  }

  @Test
  void capacityZeroHandsEachPutToATake() {
    BufferedStream<String> stream = BufferedStream.create(0);
    CompletableFuture<Boolean> put = stream.put("a");
    assertFalse(put.isDone(), "nothing is buffered with capacity 0");
    assertEquals(0, stream.size());
    assertEquals("a", Await.result(stream.take()));
    assertTrue(Await.result(put));
    CompletableFuture<String> take = stream.take();
    assertFalse(take.isDone());
    assertTrue(Await.result(stream.put("b")));
    assertEquals("b", Await.result(take));
  }

  @Test
  void cancellingAPendingTakeDoesNotLoseAMessage() {
    BufferedStream<String> stream = BufferedStream.create(0);
    CompletableFuture<String> cancelled = stream.take();
    CompletableFuture<String> timedOut = stream.take().orTimeout(1, TimeUnit.MILLISECONDS);
    assertTrue(cancelled.cancel(false));
    Await.failure(timedOut);
    assertTrue(Await.result(stream.put("a")));
    assertEquals("a", Await.result(stream.take()));
  }

  @Test
  void cancellingAPendingPutWithdrawsItsMessage() {
    BufferedStream<String> stream = BufferedStream.create(0);
    CompletableFuture<Boolean> put = stream.put("a");
    assertTrue(put.cancel(false));
    CompletableFuture<Boolean> b = stream.put("b");
    assertEquals("b", Await.result(stream.take()));
    assertTrue(Await.result(b));
  }

  @Test
  void aPutAcceptedByATakeCannotBeCancelledAfterwards() {
    BufferedStream<String> stream = BufferedStream.create(0);
    CompletableFuture<Boolean> put = stream.put("a");
    assertEquals("a", Await.result(stream.take()));
    assertFalse(put.cancel(false));
    assertTrue(Await.result(put));
  }
}
