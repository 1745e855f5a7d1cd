package io.beth.stream;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collector;

/** The implementations behind {@link Source}'s operator methods. */
final class Operators {

  private Operators() {}

  static <T, R> Source<R> map(Source<T> source, Function<? super T, ? extends R> fn) {
    Objects.requireNonNull(fn, "fn == null");
    BufferedStream<R> out = BufferedStream.create(0);
    Streams.connect(source, new MappingSink<>(out, fn));
    return out;
  }

  static <T> Source<T> filter(Source<T> source, Predicate<? super T> predicate) {
    Objects.requireNonNull(predicate, "predicate == null");
    BufferedStream<T> out = BufferedStream.create(0);
    Streams.connect(source, new FilteringSink<>(out, predicate));
    return out;
  }

  static <T, R> Source<R> mapAsync(
      Source<T> source,
      Function<? super T, ? extends CompletionStage<? extends R>> fn,
      int maxConcurrency) {
    return MapAsync.start(source, fn, maxConcurrency);
  }

  static <T> Source<T> buffer(Source<T> source, int capacity) {
    BufferedStream<T> out = BufferedStream.create(capacity);
    Streams.connect(source, out);
    return out;
  }

  static <T> Source<List<T>> batch(Source<T> source, int maxSize, Duration maxLatency) {
    return Batcher.start(source, maxSize, maxLatency);
  }

  static <T> Source<T> limit(Source<T> source, long n) {
    if (n < 0) {
      throw new IllegalArgumentException("n < 0: " + n);
    }
    BufferedStream<T> out = BufferedStream.create(0);
    if (n == 0) {
      out.close();
      source.close();
      return out;
    }
    Streams.connect(source, new LimitingSink<>(out, n));
    return out;
  }

  static <T, R> CompletableFuture<R> reduce(
      Source<T> source, R identity, BiFunction<R, ? super T, R> fn) {
    Objects.requireNonNull(fn, "fn == null");
    Accumulator<R> acc = new Accumulator<>(identity);
    return drain(
        source, new TerminalSink<T, R>(t -> acc.value = fn.apply(acc.value, t), () -> acc.value));
  }

  static <T, A, R> CompletableFuture<R> collect(
      Source<T> source, Collector<? super T, A, R> collector) {
    Objects.requireNonNull(collector, "collector == null");
    A container = collector.supplier().get();
    return drain(
        source,
        new TerminalSink<T, R>(
            t -> collector.accumulator().accept(container, t),
            () -> collector.finisher().apply(container)));
  }

  static <T> CompletableFuture<Void> consume(Source<T> source, Consumer<? super T> consumer) {
    Objects.requireNonNull(consumer, "consumer == null");
    return drain(source, new TerminalSink<T, Void>(consumer, () -> null));
  }

  private static <T, R> CompletableFuture<R> drain(Source<T> source, TerminalSink<T, R> sink) {
    Streams.connect(source, sink);
    return sink.result();
  }

  /** The running value of a reduction; written by one step at a time. */
  private static final class Accumulator<R> {
    R value;

    Accumulator(R identity) {
      this.value = identity;
    }
  }
}
