package io.beth.stream;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** A sink that applies a function before putting into another; a throwing function fails it. */
final class MappingSink<T, R> extends ForwardingSink<T, R> {

  private final Function<? super T, ? extends R> fn;

  MappingSink(Sink<R> out, Function<? super T, ? extends R> fn) {
    super(out);
    this.fn = fn;
  }

  @Override
  public CompletableFuture<Boolean> put(T message, Duration timeout) {
    R mapped;
    try {
      mapped = Objects.requireNonNull(fn.apply(message), "map function returned null");
    } catch (RuntimeException e) {
      out.fail(e);
      return CompletedPut.FALSE;
    }
    return forward(mapped, timeout);
  }
}
