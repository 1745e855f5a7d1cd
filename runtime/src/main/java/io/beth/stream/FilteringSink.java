package io.beth.stream;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * A sink that forwards only the messages a predicate accepts; the others are accepted and dropped.
 * A throwing predicate fails it.
 */
final class FilteringSink<T> extends ForwardingSink<T, T> {

  private final Predicate<? super T> predicate;

  FilteringSink(Sink<T> out, Predicate<? super T> predicate) {
    super(out);
    this.predicate = predicate;
  }

  @Override
  public CompletableFuture<Boolean> put(T message, Duration timeout) {
    boolean keep;
    try {
      keep = predicate.test(message);
    } catch (RuntimeException e) {
      out.fail(e);
      return CompletedPut.FALSE;
    }
    return keep ? forward(message, timeout) : CompletedPut.TRUE;
  }
}
