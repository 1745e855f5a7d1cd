package io.beth.stream;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The producing end of a stream: messages are put, and each put reports through its future whether
 * the message was accepted.
 *
 * <p>{@link #put(Object)} completes {@code true} once the message is accepted: at once while the
 * stream has room, later when its buffer is full (that delay is the backpressure). It completes
 * {@code false} if the stream is, or becomes, closed before accepting the message; a message that
 * was not accepted remains the caller's (release it if it is reference counted). A put that is not
 * delayed allocates nothing.
 *
 * <p>Closing a sink means the producer is done: messages already accepted drain to the consumer,
 * who then sees the end. {@link #fail(Throwable)} ends the stream with an error instead.
 *
 * @param <T> the message type
 */
public interface Sink<T> extends AutoCloseable {

  /** Offers a non-null message; see the class documentation. */
  CompletableFuture<Boolean> put(T message);

  /**
   * Like {@link #put(Object)}, but completes {@code false} if the message was not accepted within
   * {@code timeout}; the message is then not in the stream.
   */
  CompletableFuture<Boolean> put(T message, Duration timeout);

  /** No more messages: accepted ones drain, then the consumer sees the end. Idempotent. */
  @Override
  void close();

  /** Ends the stream with {@code cause}: once drained, takes fail with it. */
  void fail(Throwable cause);

  /** Whether the sink accepts no more messages. */
  boolean isClosed();

  /** Completes once the sink is closed, by either side, normally or with an error. */
  CompletionStage<Void> closed();
}
