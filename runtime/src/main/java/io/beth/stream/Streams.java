package io.beth.stream;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/** Creating, connecting and adapting streams. */
public final class Streams {

  private Streams() {}

  /** A new in-memory stream holding up to {@code capacity} messages; see {@link BufferedStream}. */
  public static <T> BufferedStream<T> buffered(int capacity) {
    return BufferedStream.create(capacity);
  }

  /**
   * Moves every message of {@code source} into {@code sink} with backpressure, closing the sink when
   * the source is drained and the source when the sink is closed. The future completes when the
   * connection ends: normally when either side closed, exceptionally with the source's error.
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

  /** A source fed by {@code publisher}, requesting as the consumer takes; buffer of {@code prefetch}. */
  public static <T> Source<T> fromPublisher(Flow.Publisher<? extends T> publisher, int prefetch) {
    BufferedStream<T> stream = BufferedStream.create(prefetch);
    publisher.subscribe(new SinkSubscriber<>(stream, Math.max(1, prefetch)));
    return stream;
  }

  /**
   * A {@link Flow.Subscriber} that puts every element into {@code sink}, requesting at most
   * {@code window} elements ahead of the sink's acceptance. Completion closes the sink, an error
   * fails it, and a refused put (the sink closed) cancels the subscription.
   */
  public static <T> Flow.Subscriber<T> subscriber(Sink<? super T> sink, int window) {
    return new SinkSubscriber<>(sink, window);
  }
}
