package io.beth.stream;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A sink in front of another: subclasses decide what a put forwards; closing, failing and the
 * closed state are the downstream sink's.
 *
 * @param <T> the type put into this sink
 * @param <R> the type of the downstream sink
 */
abstract class ForwardingSink<T, R> implements Sink<T> {

  final Sink<R> out;

  ForwardingSink(Sink<R> out) {
    this.out = out;
  }

  @Override
  public final CompletableFuture<Boolean> put(T message) {
    return put(message, null);
  }

  /** Forwards {@code message}; {@code timeout} is {@code null} for an untimed put. */
  @Override
  public abstract CompletableFuture<Boolean> put(T message, Duration timeout);

  /** Puts into the downstream sink, with the timeout if there is one. */
  final CompletableFuture<Boolean> forward(R message, Duration timeout) {
    return timeout == null ? out.put(message) : out.put(message, timeout);
  }

  @Override
  public void close() {
    out.close();
  }

  @Override
  public void fail(Throwable cause) {
    out.fail(cause);
  }

  @Override
  public boolean isClosed() {
    return out.isClosed();
  }

  @Override
  public CompletionStage<Void> closed() {
    return out.closed();
  }
}
