package io.beth.stream;

/**
 * One stream per connection: a {@link Source} of the messages that arrive and a {@link Sink} for
 * the messages to send. An echo server is {@code Streams.connect(duplex, duplex)}.
 *
 * <p>{@link #close()} closes both directions. {@link #inbound()} and {@link #outbound()} are the
 * two halves, for a half-close: closing {@code outbound()} finishes sending after what was accepted
 * (TCP shuts its output down), closing {@code inbound()} stops receiving.
 *
 * @param <I> the type of the messages received
 * @param <O> the type of the messages sent
 */
public interface DuplexStream<I, O> extends Source<I>, Sink<O> {

  /** The receiving half. */
  Source<I> inbound();

  /** The sending half. */
  Sink<O> outbound();

  /** Closes both halves. */
  @Override
  void close();

  /** Whether both halves are closed. */
  @Override
  boolean isClosed();
}
