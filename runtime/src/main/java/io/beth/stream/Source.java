package io.beth.stream;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collector;

/**
 * The consuming end of a stream: a single consumer takes non-null messages one at a time.
 *
 * <p>{@link #take()} completes with the next message, or with {@code null} (the end signal) once
 * the source is closed and drained, or exceptionally with the error the stream ended with. Messages
 * are never {@code null}, so {@code null} is unambiguous.
 *
 * <p>Closing a source means the consumer gives up: the producer's pending and later puts complete
 * {@code false}, and a network source closes its connection. Messages already accepted stay
 * takeable until drained.
 *
 * <p>Every source is a {@link Flow.Publisher} for exactly one subscriber; cancelling the
 * subscription closes the source. All operations are thread-safe.
 *
 * <p>The operators ({@link #map}, {@link #filter}, {@link #mapAsync}, {@link #buffer}, {@link
 * #batch}, {@link #limit}, {@link #reduce}, {@link #collect}, {@link #consume}) consume this
 * source, so call at most one of them, once. Each keeps backpressure end to end and holds a bounded
 * number of messages; closing the derived source (or cancelling the future) closes this one; the
 * derived source ends when this one is drained and fails with its error; a function that throws
 * fails the derived source and closes this one. Functions run on whichever thread delivers the
 * message, with no lock held.
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

  /** A source of {@code fn} applied to each message; {@code fn} must not return {@code null}. */
  default <R> Source<R> map(Function<? super T, ? extends R> fn) {
    return Operators.map(this, fn);
  }

  /** A source of the messages that {@code predicate} accepts; the others are dropped. */
  default Source<T> filter(Predicate<? super T> predicate) {
    return Operators.filter(this, predicate);
  }

  /**
   * A source of the results of {@code fn}, in input order, with at most {@code maxConcurrency}
   * results pending or waiting to be taken. A future that fails (or yields {@code null}) fails the
   * derived source and closes this one.
   */
  default <R> Source<R> mapAsync(
      Function<? super T, ? extends CompletionStage<? extends R>> fn, int maxConcurrency) {
    return Operators.mapAsync(this, fn, maxConcurrency);
  }

  /**
   * A source that holds up to {@code capacity} messages taken ahead from this one, so that a bursty
   * producer and consumer do not wait on each other.
   */
  default Source<T> buffer(int capacity) {
    return Operators.buffer(this, capacity);
  }

  /**
   * A source of lists of up to {@code maxSize} messages: a list is emitted once full, or {@code
   * maxLatency} after its first message arrived (later only if the consumer is not ready), and a
   * partial list is emitted before the end or the error.
   */
  default Source<List<T>> batch(int maxSize, Duration maxLatency) {
    return Operators.batch(this, maxSize, maxLatency);
  }

  /** A source of the first {@code n} messages; this source is closed once they were taken. */
  default Source<T> limit(long n) {
    return Operators.limit(this, n);
  }

  /**
   * Folds every message into {@code identity} with {@code fn}; completes once this source is
   * drained, exceptionally with its error or {@code fn}'s. Cancelling the future closes the source.
   */
  default <R> CompletableFuture<R> reduce(R identity, BiFunction<R, ? super T, R> fn) {
    return Operators.reduce(this, identity, fn);
  }

  /** Like {@link #reduce}, with a {@link Collector} (its supplier is called at once). */
  default <A, R> CompletableFuture<R> collect(Collector<? super T, A, R> collector) {
    return Operators.collect(this, collector);
  }

  /**
   * Hands every message to {@code consumer}; completes once this source is drained, exceptionally
   * with its error or with what {@code consumer} threw (which closes the source). Cancelling the
   * future closes the source.
   */
  default CompletableFuture<Void> consume(Consumer<? super T> consumer) {
    return Operators.consume(this, consumer);
  }
}
