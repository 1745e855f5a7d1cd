package io.beth.stream;

import io.beth.stream.internal.DaemonTimer;
import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A source that pulls from an iterator only when a message is taken: on the taker's thread, or on
 * an executor for iterators that block. Pulls never overlap: each take's pull starts once the
 * previous one has settled. When the iterator ends, fails, or the source is closed, the {@code
 * onEnd} action runs once (after any pull in progress), for example to close a {@link
 * java.util.stream.Stream}. An iterator that throws fails the source with that error.
 */
final class IteratorSource<T> implements Source<T> {

  private final Iterator<? extends T> iterator;
  private final Executor executor;
  private final Runnable onEnd;
  private final AtomicBoolean onEndRan = new AtomicBoolean();
  private final CompletableFuture<Void> drained = new CompletableFuture<>();
  private final SingleSubscriberPublisher<T> publisher = new SingleSubscriberPublisher<>(this);
  private volatile boolean closed;
  private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null); // guarded by this

  // Touched only by pulls, which never overlap and are ordered by the tail futures.
  private T leftover; // pulled for a take that timed out: the next take gets it
  private boolean ended;
  private Throwable error;

  /**
   * @param executor where to pull, or {@code null} for the taker's thread
   * @param onEnd run once when the source ends or is closed, or {@code null}
   */
  IteratorSource(Iterator<? extends T> iterator, Executor executor, Runnable onEnd) {
    this.iterator = Objects.requireNonNull(iterator, "iterator == null");
    this.executor = executor;
    this.onEnd = onEnd;
  }

  @Override
  public CompletableFuture<T> take() {
    return take(null, null);
  }

  @Override
  public CompletableFuture<T> take(Duration timeout, T timeoutValue) {
    CompletableFuture<T> result = new CompletableFuture<>();
    CompletableFuture<Void> settled = new CompletableFuture<>();
    CompletableFuture<Void> previous;
    synchronized (this) {
      previous = tail;
      tail = settled;
    }
    if (previous.isDone()) {
      start(result, settled);
    } else {
      previous.whenComplete((v, e) -> start(result, settled));
    }
    if (timeout != null && !result.isDone()) {
      ScheduledFuture<?> timer =
          DaemonTimer.shared().schedule(timeout, () -> result.complete(timeoutValue));
      result.whenComplete((v, e) -> timer.cancel(false));
    }
    return result;
  }

  private void start(CompletableFuture<T> result, CompletableFuture<Void> settled) {
    if (executor == null) {
      pull(result, settled);
      return;
    }
    try {
      executor.execute(() -> pull(result, settled));
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(e);
      settled.complete(null);
    }
  }

  private void pull(CompletableFuture<T> result, CompletableFuture<Void> settled) {
    try {
      T message = leftover;
      leftover = null;
      if (message == null && !ended && !closed) {
        message = next();
      }
      if (message == null || closed) {
        endTake(result);
      } else if (!result.complete(message)) {
        leftover = message; // the taker timed out; the message stays in the stream
      }
    } finally {
      settled.complete(null);
    }
  }

  /** The iterator's next message, or {@code null} once it has ended or failed. */
  private T next() {
    try {
      if (iterator.hasNext()) {
        return Objects.requireNonNull(iterator.next(), "iterator returned a null message");
      }
      ended = true;
      drained.complete(null);
    } catch (RuntimeException | Error e) {
      ended = true;
      error = e;
      drained.completeExceptionally(e);
    }
    runOnEnd();
    return null;
  }

  private void endTake(CompletableFuture<T> take) {
    if (error == null) {
      take.complete(null);
    } else {
      take.completeExceptionally(error);
    }
  }

  private void runOnEnd() {
    if (onEnd != null && onEndRan.compareAndSet(false, true)) {
      onEnd.run();
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    CompletableFuture<Void> last;
    synchronized (this) {
      last = tail;
    }
    last.whenComplete(
        (v, e) -> {
          leftover = null;
          drained.complete(null);
          runOnEnd();
        });
  }

  @Override
  public boolean isClosed() {
    return closed || drained.isDone();
  }

  @Override
  public boolean isDrained() {
    return drained.isDone();
  }

  @Override
  public CompletionStage<Void> drained() {
    return drained.minimalCompletionStage();
  }

  @Override
  public void subscribe(Flow.Subscriber<? super T> subscriber) {
    publisher.subscribe(subscriber);
  }

  @Override
  public String toString() {
    return "IteratorSource[" + (isDrained() ? "drained" : closed ? "closed" : "open") + "]";
  }
}
