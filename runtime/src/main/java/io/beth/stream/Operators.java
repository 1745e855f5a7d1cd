package io.beth.stream;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** The implementations behind {@link Source}'s operator methods. */
final class Operators {

  private Operators() {}

  static <T, R> Source<R> map(Source<T> source, Function<? super T, ? extends R> fn) {
    Objects.requireNonNull(fn, "fn == null");
    BufferedStream<R> out = BufferedStream.create(0);
    Streams.connect(source, new MappingSink<>(out, fn));
    return out;
  }

  /** A sink that applies a function before putting into another; a throwing function fails it. */
  private static final class MappingSink<T, R> implements Sink<T> {
    private final Sink<R> out;
    private final Function<? super T, ? extends R> fn;

    MappingSink(Sink<R> out, Function<? super T, ? extends R> fn) {
      this.out = out;
      this.fn = fn;
    }

    @Override
    public CompletableFuture<Boolean> put(T message) {
      return put(message, null);
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
      return timeout == null ? out.put(mapped) : out.put(mapped, timeout);
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
}
