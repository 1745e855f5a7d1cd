package io.beth.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Cancelling or completing a pending put or take from outside (cancel, orTimeout) on a {@link
 * BufferedStream}: nothing is lost, and whoever settles a put first decides its outcome.
 */
class BufferedStreamCancellationTest {

  @Test
  void putWithinTimeoutCompletesTrue() {
    BufferedStream<String> stream = BufferedStream.create(0);
    CompletableFuture<Boolean> put = stream.put("a", Duration.ofSeconds(10));
    assertEquals("a", Await.result(stream.take()));
    assertTrue(Await.result(put));
  }

  @Test
  void cancellingAPendingTakeDoesNotLoseAMessage() {
    BufferedStream<String> stream = BufferedStream.create(0);
    CompletableFuture<String> cancelled = stream.take();
    CompletableFuture<String> timedOut = stream.take().orTimeout(1, TimeUnit.MILLISECONDS);
    assertTrue(cancelled.cancel(false));
    Await.failure(timedOut);
    CompletableFuture<Boolean> put = stream.put("a");
    assertEquals("a", Await.result(stream.take()));
    assertTrue(Await.result(put));
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

  @Test
  void aPutFailedByOrTimeoutIsWithdrawn() {
    BufferedStream<String> stream = BufferedStream.create(0);
    CompletableFuture<Boolean> put = stream.put("a").orTimeout(1, TimeUnit.MILLISECONDS);
    Await.failure(put);
    stream.close();
    assertNull(Await.result(stream.take()), "a put its producer gave up on is not in the stream");
  }
}
