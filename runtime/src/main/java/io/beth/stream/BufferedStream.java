package io.beth.stream;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;

/**
 * An in-memory stream with a bounded buffer: the {@link Sink} its producer puts into and the
 * {@link Source} its consumer takes from.
 *
 * <p>With a capacity of {@code n}, {@code n} puts complete at once and later ones wait for takes;
 * with capacity 0, each put completes when a take receives its message. {@link #close()} from either
 * side stops accepting (pending puts complete {@code false}) and lets accepted messages drain;
 * {@link #fail(Throwable)} does the same, and takes fail with the cause once the buffer is empty.
 *
 * <p>All operations are thread-safe; futures are completed outside the stream's lock, so callbacks
 * may call back into the stream.
 *
 * @param <T> the message type
 */
public final class BufferedStream<T> implements Source<T>, Sink<T> {

  private final int capacity;
  private final ArrayDeque<T> buffer;
  private final ArrayDeque<PendingPut<T>> pendingPuts = new ArrayDeque<>();
  private final ArrayDeque<CompletableFuture<T>> pendingTakes = new ArrayDeque<>();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private final CompletableFuture<Void> drained = new CompletableFuture<>();
  private final SingleSubscriberPublisher<T> publisher = new SingleSubscriberPublisher<>(this);

  private boolean isClosed;
  private Throwable error;

  private BufferedStream(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity < 0: " + capacity);
    }
    this.capacity = capacity;
    this.buffer = new ArrayDeque<>(Math.min(Math.max(capacity, 1), 1024));
  }

  /** A stream that accepts {@code capacity} messages before puts wait; 0 hands each put over. */
  public static <T> BufferedStream<T> create(int capacity) {
    return new BufferedStream<>(capacity);
  }

  /** The number of messages this stream holds before puts wait. */
  public int capacity() {
    return capacity;
  }

  /** The number of accepted messages not yet taken. */
  public synchronized int size() {
    return buffer.size();
  }

  // ---- Sink ------------------------------------------------------------------------------

  @Override
  public CompletableFuture<Boolean> put(T message) {
    return put(message, null);
  }

  @Override
  public CompletableFuture<Boolean> put(T message, Duration timeout) {
    Objects.requireNonNull(message, "message == null");
    CompletableFuture<T> taker;
    PendingPut<T> pending;
    synchronized (this) {
      if (isClosed) {
        return CompletedPut.FALSE;
      }
      taker = pendingTakes.poll();
      if (taker == null) {
        if (buffer.size() < capacity) {
          buffer.add(message);
          return CompletedPut.TRUE;
        }
        pending = new PendingPut<>(message);
        pendingPuts.add(pending);
      } else {
        pending = null;
      }
    }
    if (taker != null) {
      hand(taker, message);
      return CompletedPut.TRUE;
    }
    if (timeout != null) {
      ScheduledFuture<?> timer = StreamTimer.schedule(timeout, () -> expire(pending));
      pending.result.whenComplete((ok, e) -> timer.cancel(false));
    }
    pending.result.whenComplete(
        (ok, e) -> {
          if (e != null) {
            withdraw(pending); // cancelled by the producer
          }
        });
    return pending.result;
  }

  /** Gives {@code message} to a waiting taker, or back to the stream if that taker gave up. */
  private void hand(CompletableFuture<T> taker, T message) {
    while (!taker.complete(message)) {
      synchronized (this) {
        taker = pendingTakes.poll();
        if (taker == null) {
          buffer.addFirst(message); // accepted already: may exceed capacity by one
          return;
        }
      }
    }
  }

  private void expire(PendingPut<T> pending) {
    if (withdraw(pending)) {
      pending.result.complete(false);
    }
  }

  private synchronized boolean withdraw(PendingPut<T> pending) {
    return pendingPuts.remove(pending);
  }

  @Override
  public void close() {
    end(null);
  }

  @Override
  public void fail(Throwable cause) {
    end(Objects.requireNonNull(cause, "cause == null"));
  }

  private void end(Throwable cause) {
    List<PendingPut<T>> refused;
    List<CompletableFuture<T>> ended;
    synchronized (this) {
      if (isClosed) {
        return;
      }
      isClosed = true;
      error = cause;
      refused = new ArrayList<>(pendingPuts);
      pendingPuts.clear();
      ended = new ArrayList<>(pendingTakes); // non-empty only if the buffer is empty
      pendingTakes.clear();
    }
    for (PendingPut<T> p : refused) {
      p.result.complete(false);
    }
    if (cause == null) {
      closed.complete(null);
    } else {
      closed.completeExceptionally(cause);
    }
    for (CompletableFuture<T> t : ended) {
      endTake(t);
    }
    boolean empty;
    synchronized (this) {
      empty = buffer.isEmpty();
    }
    if (empty) {
      signalDrained();
    }
  }

  @Override
  public synchronized boolean isClosed() {
    return isClosed;
  }

  @Override
  public CompletionStage<Void> closed() {
    return closed.minimalCompletionStage();
  }

  // ---- Source ----------------------------------------------------------------------------

  @Override
  public CompletableFuture<T> take() {
    return take(null, null);
  }

  @Override
  public CompletableFuture<T> take(Duration timeout, T timeoutValue) {
    T message;
    PendingPut<T> accepted = null;
    boolean drainedNow = false;
    CompletableFuture<T> waiting;
    synchronized (this) {
      message = buffer.poll();
      if (message != null) {
        accepted = pendingPuts.poll();
        if (accepted != null) {
          buffer.add(accepted.message);
        }
        drainedNow = isClosed && buffer.isEmpty();
      } else if ((accepted = pendingPuts.poll()) != null) {
        message = accepted.message; // capacity 0: hand over directly
      } else if (!isClosed) {
        waiting = new CompletableFuture<>();
        pendingTakes.add(waiting);
        armTakeTimeout(waiting, timeout, timeoutValue);
        return waiting;
      }
    }
    if (accepted != null) {
      accepted.result.complete(true);
    }
    if (message != null) {
      if (drainedNow) {
        signalDrained();
      }
      return CompletableFuture.completedFuture(message);
    }
    signalDrained();
    CompletableFuture<T> end = new CompletableFuture<>();
    endTake(end);
    return end;
  }

  private void armTakeTimeout(CompletableFuture<T> waiting, Duration timeout, T timeoutValue) {
    if (timeout == null) {
      return;
    }
    ScheduledFuture<?> timer =
        StreamTimer.schedule(
            timeout,
            () -> {
              boolean removed;
              synchronized (this) {
                removed = pendingTakes.remove(waiting);
              }
              if (removed) {
                waiting.complete(timeoutValue);
              }
            });
    waiting.whenComplete((v, e) -> timer.cancel(false));
  }

  private void endTake(CompletableFuture<T> take) {
    Throwable cause;
    synchronized (this) {
      cause = error;
    }
    if (cause == null) {
      take.complete(null);
    } else {
      take.completeExceptionally(cause);
    }
  }

  private void signalDrained() {
    Throwable cause;
    synchronized (this) {
      cause = error;
    }
    if (cause == null) {
      drained.complete(null);
    } else {
      drained.completeExceptionally(cause);
    }
  }

  @Override
  public synchronized boolean isDrained() {
    return isClosed && buffer.isEmpty();
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
    synchronized (this) {
      return "BufferedStream[capacity=" + capacity + ", buffered=" + buffer.size()
          + ", pendingPuts=" + pendingPuts.size() + ", pendingTakes=" + pendingTakes.size()
          + (isClosed ? (error != null ? ", failed: " + error : ", closed") : "") + "]";
    }
  }

  private static final class PendingPut<T> {
    final T message;
    final CompletableFuture<Boolean> result = new CompletableFuture<>();

    PendingPut(T message) {
      this.message = message;
    }
  }
}
