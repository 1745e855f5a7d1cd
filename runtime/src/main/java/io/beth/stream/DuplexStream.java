package io.beth.stream;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * One stream per connection: a {@link Source} of the messages that arrive and a {@link Sink} for
 * the messages to send. An echo server is {@code Streams.connect(duplex, duplex)}.
 *
 * <p>{@link #close()} closes both directions. {@link #inbound()} and {@link #outbound()} are the
 * two halves, for a half-close: closing {@code outbound()} finishes sending after what was accepted
 * (TCP shuts its output down), closing {@code inbound()} stops receiving. The methods of {@link
 * Source} and {@link Sink} default to the receiving and the sending half.
 *
 * @param <I> the type of the messages received
 * @param <O> the type of the messages sent
 */
public interface DuplexStream<I, O> extends Source<I>, Sink<O> {

  /** The receiving half. */
  Source<I> inbound();

  /** The sending half. */
  Sink<O> outbound();

  @Override
  default CompletableFuture<I> take() {
    return inbound().take();
  }

  @Override
  default CompletableFuture<I> take(Duration timeout, I timeoutValue) {
    return inbound().take(timeout, timeoutValue);
  }

  @Override
  default boolean isDrained() {
    return inbound().isDrained();
  }

  @Override
  default CompletionStage<Void> drained() {
    return inbound().drained();
  }

  @Override
  default void subscribe(Flow.Subscriber<? super I> subscriber) {
    inbound().subscribe(subscriber);
  }

  @Override
  default CompletableFuture<Boolean> put(O message) {
    return outbound().put(message);
  }

  @Override
  default CompletableFuture<Boolean> put(O message, Duration timeout) {
    return outbound().put(message, timeout);
  }

  @Override
  default void fail(Throwable cause) {
    outbound().fail(cause);
  }

  @Override
  default CompletionStage<Void> closed() {
    return outbound().closed();
  }

  /** Closes both halves: what the sending half accepted is still sent. */
  @Override
  default void close() {
    outbound().close();
    inbound().close();
  }

  /** Whether both halves are closed. */
  @Override
  default boolean isClosed() {
    return inbound().isClosed() && outbound().isClosed();
  }
}
