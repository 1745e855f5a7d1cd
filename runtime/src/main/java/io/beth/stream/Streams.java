package io.beth.stream;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Creating, connecting and adapting streams. */
public final class Streams {

  private Streams() {}

  /** A new in-memory stream holding up to {@code capacity} messages; see {@link BufferedStream}. */
  public static <T> BufferedStream<T> buffered(int capacity) {
    return BufferedStream.create(capacity);
  }

  /**
   * Moves every message of {@code source} into {@code sink} with backpressure, closing the sink
   * when the source is drained and the source when the sink is closed. The future completes when
   * the connection ends: normally when either side closed, exceptionally with the source's error.
   */
  public static <T> CompletableFuture<Void> connect(Source<T> source, Sink<? super T> sink) {
    return connect(source, sink, ConnectOptions.DEFAULT);
  }

  /** Like {@link #connect(Source, Sink)}, with the closing behaviour given by {@code options}. */
  public static <T> CompletableFuture<Void> connect(
      Source<T> source, Sink<? super T> sink, ConnectOptions options) {
    Objects.requireNonNull(source, "source == null");
    Objects.requireNonNull(sink, "sink == null");
    Objects.requireNonNull(options, "options == null");
    return new Connection<>(source, sink, options).start();
  }

  /**
   * A source fed by {@code publisher}, requesting as the consumer takes; buffer of {@code
   * prefetch}.
   */
  public static <T> Source<T> fromPublisher(Flow.Publisher<? extends T> publisher, int prefetch) {
    BufferedStream<T> stream = BufferedStream.create(prefetch);
    publisher.subscribe(new SinkSubscriber<>(stream, Math.max(1, prefetch)));
    return stream;
  }

  /**
   * A {@link Flow.Subscriber} that puts every element into {@code sink}, requesting at most {@code
   * window} elements ahead of the sink's acceptance. Completion closes the sink, an error fails it,
   * and a refused put (the sink closed) cancels the subscription.
   */
  public static <T> Flow.Subscriber<T> subscriber(Sink<? super T> sink, int window) {
    return new SinkSubscriber<>(sink, window);
  }

  // ---- sources ---------------------------------------------------------------------------

  /**
   * A source of {@code supplier}'s values, one every {@code period}, the first after one period. A
   * tick whose previous value was not taken yet is skipped (values never queue up), so a slow
   * consumer sees fresh values. The supplier runs on the thread of the shared timer ({@code
   * BethResources.shared().timer()}, behind every stream timeout) and must not block; if it throws
   * (or returns {@code null}) the source fails. Closing the source stops the timer.
   */
  public static <T> Source<T> periodically(Duration period, Supplier<? extends T> supplier) {
    return periodically(period, period, supplier);
  }

  /**
   * Like {@link #periodically(Duration, Supplier)}, with the first tick after {@code initialDelay}.
   */
  public static <T> Source<T> periodically(
      Duration initialDelay, Duration period, Supplier<? extends T> supplier) {
    return PeriodicSource.start(initialDelay, period, supplier);
  }

  /**
   * One source of the messages of all {@code sources}, in the order they arrive, each source
   * keeping its own order. It ends once all are drained, fails with the first error, and closing it
   * (or that failure) closes every source.
   */
  @SafeVarargs
  public static <T> Source<T> merge(Source<? extends T>... sources) {
    return Merge.start(copy(sources));
  }

  /**
   * One source of the messages of {@code sources}, each drained before the next is taken from. It
   * fails with the first error; closing it (or that failure) closes every source, the ones not yet
   * reached included.
   */
  @SafeVarargs
  public static <T> Source<T> concat(Source<? extends T>... sources) {
    return Concat.start(copy(sources));
  }

  private static <T> List<Source<? extends T>> copy(Source<? extends T>[] sources) {
    Objects.requireNonNull(sources, "sources == null");
    for (int i = 0; i < sources.length; i++) {
      Objects.requireNonNull(sources[i], "sources[" + i + "] == null");
    }
    return List.of(sources);
  }

  // ---- conversions -----------------------------------------------------------------------

  /**
   * A source of {@code iterable}'s elements, pulled one per take; see {@link
   * #fromIterator(Iterator)}.
   */
  public static <T> Source<T> fromIterable(Iterable<? extends T> iterable) {
    Objects.requireNonNull(iterable, "iterable == null");
    return fromIterator(iterable.iterator());
  }

  /**
   * A source that pulls the next element from {@code iterator} when, and on the thread where, a
   * message is taken. For iterators that do not block; see {@link #fromIterator(Iterator,
   * Executor)} for those that do. An element {@code null} or an exception from the iterator fails
   * the source.
   */
  public static <T> Source<T> fromIterator(Iterator<? extends T> iterator) {
    return new IteratorSource<>(iterator, null, null);
  }

  /**
   * Like {@link #fromIterator(Iterator)}, but the iterator is pulled on {@code executor}, one pull
   * at a time, so a blocking iterator blocks neither the taker nor an event loop.
   */
  public static <T> Source<T> fromIterator(Iterator<? extends T> iterator, Executor executor) {
    Objects.requireNonNull(executor, "executor == null");
    return new IteratorSource<>(iterator, executor, null);
  }

  /**
   * A source that pulls {@code stream}'s elements lazily, one per take, on the taker's thread. The
   * stream is closed once it is exhausted or fails, or when the source is closed.
   */
  public static <T> Source<T> fromStream(Stream<? extends T> stream) {
    Objects.requireNonNull(stream, "stream == null");
    return new IteratorSource<>(stream.iterator(), null, stream::close);
  }

  /**
   * A source of the future's value, then the end. A future that fails gives a source failing with
   * the same cause; a future that completes with {@code null} gives an empty source.
   */
  public static <T> Source<T> fromFuture(CompletionStage<? extends T> future) {
    Objects.requireNonNull(future, "future == null");
    BufferedStream<T> out = BufferedStream.create(1);
    future.whenComplete(
        (value, e) -> {
          if (e != null) {
            out.fail(Completions.unwrap(e));
            return;
          }
          if (value != null) {
            out.put(value);
          }
          out.close();
        });
    return out;
  }

  /**
   * A blocking iterator over {@code source}: {@code hasNext()} waits for the next message and never
   * takes more than one ahead, so the source's backpressure holds. A source error is thrown as a
   * {@link java.util.concurrent.CompletionException} carrying it; close the source to stop early.
   */
  public static <T> Iterator<T> toIterator(Source<T> source) {
    Objects.requireNonNull(source, "source == null");
    return new BlockingIterator<>(source);
  }

  /**
   * A sequential, blocking {@link Stream} over {@code source}, pulled as {@link
   * #toIterator(Source)} is; closing the stream closes the source.
   */
  public static <T> Stream<T> toStream(Source<T> source) {
    Spliterator<T> spliterator =
        Spliterators.spliteratorUnknownSize(
            toIterator(source), Spliterator.ORDERED | Spliterator.NONNULL);
    return StreamSupport.stream(spliterator, false).onClose(source::close);
  }
}
