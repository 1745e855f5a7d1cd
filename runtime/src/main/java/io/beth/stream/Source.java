package io.beth.stream;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * The consuming end of a stream: a single consumer takes non-null messages one at a time.
 *
 * <p>{@link #take()} completes with the next message, or with {@code null} (the end signal) once the
 * source is closed and drained, or exceptionally with the error the stream ended with. Messages are
 * never {@code null}, so {@code null} is unambiguous.
 *
 * <p>Closing a source means the consumer gives up: the producer's pending and later puts complete
 * {@code false}, and a network source closes its connection. Messages already accepted stay
 * takeable until drained.
 *
 * <p>Every source is a {@link Flow.Publisher} for exactly one subscriber; cancelling the subscription
 * closes the source. All operations are thread-safe.
 *
 * @param <T> the message type
 */
public interface Source<T> extends Flow.Publisher<T>, AutoCloseable {

  /** Completes with the next message, {@code null} once drained, or exceptionally on error. */
  CompletableFuture<T> take();

  /**
   * Like {@link #take()}, but completes with {@code timeoutValue} if no message arrives within
   * {@code timeout}; a message that arrives later stays in the stream.
   */
  CompletableFuture<T> take(Duration timeout, T timeoutValue);

  /** Gives up consuming: see the class documentation. Idempotent. */
  @Override
  void close();

  /** Whether no more messages will be accepted (messages may still be buffered). */
  boolean isClosed();

  /** Whether the source is closed and every accepted message was taken. */
  boolean isDrained();

  /**
   * Completes once the source is drained: normally if it was closed, exceptionally with the cause
   * if it failed.
   */
  CompletionStage<Void> drained();

  // ---- operators -------------------------------------------------------------------------

  /** A source of {@code fn} applied to each message; closing it closes this source. */
  default <R> Source<R> map(java.util.function.Function<? super T, ? extends R> fn) {
    return Operators.map(this, fn);
  }
}
