package io.beth.stream;

import static io.beth.stream.Await.failure;
import static io.beth.stream.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class BufferedStreamSemanticsTest {

  @Test
  void putCompletesLateWhenTheBufferIsFullAndTrueOnceATakeMakesRoom() {
    BufferedStream<String> stream = Streams.buffered(2);
    assertTrue(stream.put("a").isDone());
    assertTrue(stream.put("b").isDone());
    CompletableFuture<Boolean> third = stream.put("c");
    assertFalse(third.isDone(), "a full buffer delays the put: that is the backpressure");
    assertEquals("a", result(stream.take()));
    assertTrue(result(third));
    assertEquals("b", result(stream.take()));
    assertEquals("c", result(stream.take()));
  }

  @Test
  void aPutThatIsNotDelayedReturnsTheSharedCompletedFuture() {
    BufferedStream<String> stream = Streams.buffered(4);
    CompletableFuture<Boolean> first = stream.put("a");
    assertSame(first, stream.put("b"), "no future is allocated for an accepted put");
    assertTrue(first.join());
    assertThrows(UnsupportedOperationException.class, () -> first.obtrudeValue(false));
  }

  @Test
  void capacityZeroHandsEachMessageToATake() {
    BufferedStream<String> stream = Streams.buffered(0);
    CompletableFuture<Boolean> put = stream.put("x");
    assertFalse(put.isDone());
    assertEquals("x", result(stream.take()));
    assertTrue(result(put));
    CompletableFuture<String> take = stream.take();
    assertFalse(take.isDone());
    assertTrue(result(stream.put("y")));
    assertEquals("y", result(take));
  }

  @Test
  void putAfterCloseCompletesFalse() {
    BufferedStream<String> stream = Streams.buffered(4);
    stream.close();
    assertFalse(result(stream.put("late")));
    assertTrue(stream.isClosed());
  }

  @Test
  void closingLetsAcceptedMessagesDrainThenTakesYieldTheEndSignal() {
    BufferedStream<String> stream = Streams.buffered(4);
    stream.put("a");
    stream.put("b");
    stream.close();
    assertFalse(stream.isDrained());
    assertEquals("a", result(stream.take()));
    assertEquals("b", result(stream.take()));
    assertTrue(stream.isDrained());
    assertNull(result(stream.take()), "null is the end signal");
    assertNull(result(stream.take()), "and stays so");
    result(stream.drained());
  }

  @Test
  void aPendingTakeEndsWhenTheStreamCloses() {
    BufferedStream<String> stream = Streams.buffered(4);
    CompletableFuture<String> take = stream.take();
    stream.close();
    assertNull(result(take));
  }

  @Test
  void aFailedStreamFailsPendingAndLaterTakesWithItsError() {
    BufferedStream<String> stream = Streams.buffered(4);
    CompletableFuture<String> pending = stream.take();
    IOException cause = new IOException("connection reset by peer");
    stream.fail(cause);
    assertSame(cause, failure(pending));
    assertSame(cause, failure(stream.take()));
    assertSame(cause, failure(stream.drained()));
    assertSame(cause, failure(stream.closed()));
  }

  @Test
  void aFailedStreamStillDeliversWhatItAcceptedBeforeTheError() {
    BufferedStream<String> stream = Streams.buffered(4);
    stream.put("accepted");
    IOException cause = new IOException("boom");
    stream.fail(cause);
    assertEquals("accepted", result(stream.take()));
    assertSame(cause, failure(stream.take()));
  }

  @Test
  void closingTheConsumerSideCompletesTheProducersPendingPutsFalse() {
    BufferedStream<String> stream = Streams.buffered(1);
    stream.put("a");
    CompletableFuture<Boolean> pending1 = stream.put("b");
    CompletableFuture<Boolean> pending2 = stream.put("c");
    Source<String> consumerView = stream;
    consumerView.close();
    assertFalse(result(pending1));
    assertFalse(result(pending2));
  }

  @Test
  void aTakeTimeoutCompletesWithTheTimeoutValueAndLeavesLaterMessagesInTheStream() {
    BufferedStream<String> stream = Streams.buffered(4);
    assertEquals("timed out", result(stream.take(Duration.ofMillis(20), "timed out")));
    stream.put("later");
    assertEquals("later", result(stream.take()));
  }

  @Test
  void aPutTimeoutCompletesFalseAndTheMessageIsNotInTheStream() {
    BufferedStream<String> stream = Streams.buffered(1);
    stream.put("a");
    assertFalse(result(stream.put("b", Duration.ofMillis(20))));
    assertEquals("a", result(stream.take()));
    stream.close();
    assertNull(result(stream.take()), "the timed-out message was withdrawn");
  }

  @Test
  void aCancelledTakeDoesNotLoseTheMessage() {
    BufferedStream<String> stream = Streams.buffered(4);
    CompletableFuture<String> gaveUp = stream.take();
    gaveUp.cancel(false);
    stream.put("kept");
    assertEquals("kept", result(stream.take()));
  }

  @Test
  void closedCallbacksFireForEitherSide() {
    BufferedStream<String> stream = Streams.buffered(4);
    CompletableFuture<Void> closed = stream.closed().toCompletableFuture();
    assertFalse(closed.isDone());
    stream.close();
    result(closed);
    result(stream.drained());
  }

  @Test
  void connectClosesDownstreamWhenTheSourceIsDrained() {
    BufferedStream<String> source = Streams.buffered(4);
    BufferedStream<String> sink = Streams.buffered(4);
    CompletableFuture<Void> connection = Streams.connect(source, sink);
    source.put("a");
    source.close();
    result(connection);
    assertEquals("a", result(sink.take()));
    assertNull(result(sink.take()));
  }

  @Test
  void connectFailsDownstreamWithTheSourcesError() {
    BufferedStream<String> source = Streams.buffered(4);
    BufferedStream<String> sink = Streams.buffered(4);
    CompletableFuture<Void> connection = Streams.connect(source, sink);
    IllegalStateException cause = new IllegalStateException("upstream broke");
    source.fail(cause);
    assertSame(cause, failure(connection));
    assertSame(cause, failure(sink.take()));
  }

  @Test
  void connectClosesUpstreamWhenTheSinkIsClosed() {
    BufferedStream<String> source = Streams.buffered(4);
    BufferedStream<String> sink = Streams.buffered(0);
    Streams.connect(source, sink);
    sink.close();
    assertTrue(source.isClosed(), "the consumer gave up, so the producer is told");
    assertFalse(result(source.put("x")));
  }

  @Test
  void connectWithNoneClosesNeitherSide() {
    BufferedStream<String> source = Streams.buffered(4);
    BufferedStream<String> sink = Streams.buffered(4);
    CompletableFuture<Void> connection = Streams.connect(source, sink, ConnectOptions.NONE);
    source.put("a");
    source.close();
    result(connection);
    assertFalse(sink.isClosed(), "downstream stays open");
    assertEquals("a", result(sink.take()));

    BufferedStream<String> source2 = Streams.buffered(4);
    BufferedStream<String> sink2 = Streams.buffered(0);
    Streams.connect(source2, sink2, ConnectOptions.NONE);
    sink2.close();
    assertFalse(source2.isClosed(), "upstream stays open");
  }

  @Test
  void connectMovesAMillionSynchronousMessagesWithoutGrowingTheStack() {
    int n = 1_000_000;
    BufferedStream<Integer> sink = Streams.buffered(n);
    Source<Integer> source =
        Streams.fromIterator(java.util.stream.IntStream.range(0, n).iterator());
    result(Streams.connect(source, sink));
    assertEquals(n, sink.size());
  }

  @Test
  void nullMessagesAreRefused() {
    BufferedStream<String> stream = Streams.buffered(1);
    assertThrows(NullPointerException.class, () -> stream.put(null));
  }
}
