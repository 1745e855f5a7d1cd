package io.beth.stream;

import io.beth.stream.internal.DaemonTimer;
import io.beth.stream.internal.PollableSource;
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
 * An in-memory stream with a bounded buffer: the {@link Sink} its producer puts into and the {@link
 * Source} its consumer takes from.
 *
 * <p>With a capacity of {@code n}, {@code n} puts complete at once and later ones wait for takes;
 * with capacity 0, each put completes when a take receives its message. {@link #close()} from
 * either side stops accepting (pending puts complete {@code false}) and lets accepted messages
 * drain; {@link #fail(Throwable)} does the same, and takes fail with the cause once the buffer is
 * empty.
 *
 * <p>All operations are thread-safe; futures are completed outside the stream's lock, so callbacks
 * may call back into the stream. The runtime's own consumers may poll it instead of taking (see
 * {@link PollableSource}).
 *
 * @param <T> the message type
 */
public final class BufferedStream<T> implements PollableSource<T>, Sink<T> {

  private final int capacity;
  private final ArrayDeque<T> buffer;
  private final ArrayDeque<PendingPut> pendingPuts = new ArrayDeque<>();
  private final ArrayDeque<CompletableFuture<T>> pendingTakes = new ArrayDeque<>();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private final CompletableFuture<Void> drained = new CompletableFuture<>();
  private final SingleSubscriberPublisher<T> publisher = new SingleSubscriberPublisher<>(this);

  private boolean isClosed;
  private Throwable error;
  private Runnable wakeUp; // armed by a polling consumer, run by the next put or the end

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
    PendingPut pending = null;
    Runnable wake = null;
    synchronized (this) {
      if (isClosed) {
        return CompletedPut.FALSE;
      }
      taker = pendingTakes.poll();
      if (taker == null) {
        wake = wakeUp;
        wakeUp = null;
        if (buffer.size() < capacity) {
          buffer.add(message);
        } else {
          pending = new PendingPut(message);
          pendingPuts.add(pending);
        }
      }
    }
    if (taker != null) {
      return CompletedPut.of(hand(taker, message));
    }
    if (pending == null) {
      wake(wake);
      return CompletedPut.TRUE;
    }
    if (timeout != null) {
      PendingPut p = pending;
      ScheduledFuture<?> timer = DaemonTimer.shared().schedule(timeout, () -> p.complete(false));
      pending.whenComplete((ok, e) -> timer.cancel(false));
    }
    wake(wake);
    return pending;
  }

  /**
   * Gives {@code message} to a waiting taker, to the next one if that taker gave up, or to the
   * buffer when none waits (it was accepted already, so it may exceed the capacity by one). False
   * only if no taker took it and the stream closed meanwhile: then the message stays the caller's.
   */
  private boolean hand(CompletableFuture<T> taker, T message) {
    while (!taker.complete(message)) {
      Runnable wake;
      synchronized (this) {
        taker = pendingTakes.poll();
        if (taker != null) {
          continue;
        }
        if (isClosed) {
          return false;
        }
        buffer.addFirst(message);
        wake = wakeUp;
        wakeUp = null;
      }
      wake(wake);
      return true;
    }
    return true;
  }

  /** Runs a polling consumer's wake-up, if one was armed; it must not throw, but is contained. */
  private static void wake(Runnable wake) {
    if (wake == null) {
      return;
    }
    try {
      wake.run();
    } catch (RuntimeException | Error e) {
      Thread t = Thread.currentThread();
      t.getUncaughtExceptionHandler().uncaughtException(t, e);
    }
  }

  /** Removes a pending put; whoever removes it decides its outcome. */
  private synchronized boolean withdraw(PendingPut pending) {
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
    List<PendingPut> refused;
    List<CompletableFuture<T>> ended;
    Runnable wake;
    synchronized (this) {
      if (isClosed) {
        return;
      }
      isClosed = true;
      error = cause;
      wake = wakeUp;
      wakeUp = null;
      refused = new ArrayList<>(pendingPuts);
      pendingPuts.clear();
      ended = new ArrayList<>(pendingTakes); // non-empty only if the buffer is empty
      pendingTakes.clear();
    }
    for (PendingPut p : refused) {
      p.resolve(false);
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
    wake(wake);
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
    PendingPut accepted = null;
    boolean drainedNow = false;
    CompletableFuture<T> waiting;
    synchronized (this) {
      message = buffer.poll();
      if (message != null) {
        accepted = refill();
        drainedNow = isClosed && buffer.isEmpty();
      } else if ((accepted = pendingPuts.poll()) != null) {
        message = accepted.message; // capacity 0: hand over directly
      } else if (!isClosed) {
        waiting = new CompletableFuture<>();
        pendingTakes.add(waiting);
        armTakeTimeout(waiting, timeout, timeoutValue);
        CompletableFuture<T> registered = waiting;
        // a take cancelled (or failed by orTimeout) leaves the queue; a message racing with that is
        // handed to the next taker or back to the buffer by hand()
        registered.whenComplete(
            (v, e) -> {
              if (e != null) {
                synchronized (this) {
                  pendingTakes.remove(registered);
                }
              }
            });
        return waiting;
      }
    }
    if (accepted != null) {
      accepted.resolve(true);
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

  /** A message left the buffer: the oldest waiting put moves into its place. Under the lock. */
  private PendingPut refill() {
    PendingPut accepted = pendingPuts.poll();
    if (accepted != null) {
      buffer.add(accepted.message);
    }
    return accepted;
  }

  /**
   * The next accepted message without a future, or {@code null} if there is none now: for the
   * runtime's own consumers, see {@link PollableSource}.
   */
  @Override
  public T poll() {
    T message;
    PendingPut accepted;
    boolean drainedNow;
    synchronized (this) {
      message = buffer.poll();
      if (message != null) {
        accepted = refill();
        drainedNow = isClosed && buffer.isEmpty();
      } else {
        accepted = pendingPuts.poll();
        if (accepted == null) {
          return null;
        }
        message = accepted.message; // capacity 0: hand over directly
        drainedNow = false; // puts wait only while the stream is open
      }
    }
    if (accepted != null) {
      accepted.resolve(true);
    }
    if (drainedNow) {
      signalDrained();
    }
    return message;
  }

  /** Arms a polling consumer's wake-up: see {@link PollableSource#whenReady}. */
  @Override
  public boolean whenReady(Runnable wakeUp) {
    Objects.requireNonNull(wakeUp, "wakeUp == null");
    synchronized (this) {
      if (isClosed || !buffer.isEmpty() || !pendingPuts.isEmpty()) {
        return false;
      }
      this.wakeUp = wakeUp;
      return true;
    }
  }

  private void armTakeTimeout(CompletableFuture<T> waiting, Duration timeout, T timeoutValue) {
    if (timeout == null) {
      return;
    }
    ScheduledFuture<?> timer =
        DaemonTimer.shared()
            .schedule(
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
      return "BufferedStream[capacity="
          + capacity
          + ", buffered="
          + buffer.size()
          + ", pendingPuts="
          + pendingPuts.size()
          + ", pendingTakes="
          + pendingTakes.size()
          + (isClosed ? (error != null ? ", failed: " + error : ", closed") : "")
          + "]";
    }
  }

  /**
   * A put waiting for room, and its result. Its outcome belongs to whoever removes it from {@link
   * #pendingPuts} (under the lock): a take accepts it, a close refuses it, and completing or
   * cancelling it from outside (a timeout, {@code orTimeout}, {@code cancel}) withdraws it, and
   * does nothing once a take has accepted the message.
   */
  private final class PendingPut extends CompletableFuture<Boolean> {
    final T message;

    PendingPut(T message) {
      this.message = message;
    }

    /** Completes after this put was removed from the queue by the stream. */
    void resolve(boolean accepted) {
      super.complete(accepted);
    }

    @Override
    public boolean complete(Boolean value) {
      return withdraw(this) && super.complete(value);
    }

    @Override
    public boolean completeExceptionally(Throwable ex) {
      return withdraw(this) && super.completeExceptionally(ex);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      return withdraw(this) && super.cancel(mayInterruptIfRunning);
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
      return new CompletableFuture<>();
    }
  }
}
