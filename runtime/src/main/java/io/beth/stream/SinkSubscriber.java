package io.beth.stream;

import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * Adapts a {@link Sink} to {@link Flow.Subscriber}: elements are put one at a time in arrival
 * order; at most {@code window} are requested beyond those the sink accepted.
 */
final class SinkSubscriber<T> implements Flow.Subscriber<T> {

  private final Sink<? super T> sink;
  private final int window;
  private final ArrayDeque<T> queued = new ArrayDeque<>();
  private Flow.Subscription subscription;
  private boolean putting;
  private boolean completed;
  private Throwable failure;
  private boolean cancelled;

  SinkSubscriber(Sink<? super T> sink, int window) {
    if (window < 1) {
      throw new IllegalArgumentException("window < 1: " + window);
    }
    this.sink = Objects.requireNonNull(sink, "sink == null");
    this.window = window;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    Objects.requireNonNull(s, "subscription == null");
    synchronized (this) {
      if (subscription != null || cancelled) {
        s.cancel(); // §2.5: one active subscription only
        return;
      }
      subscription = s;
    }
    sink.closed().whenComplete((v, e) -> cancelUpstream());
    s.request(window);
  }

  @Override
  public void onNext(T item) {
    Objects.requireNonNull(item, "item == null");
    synchronized (this) {
      if (cancelled) {
        ReferenceCountUtil.release(item); // §2.8: arrived after cancelling; nobody else owns it
        return;
      }
      queued.add(item);
      if (putting) {
        return;
      }
      putting = true;
    }
    drain();
  }

  @Override
  public void onError(Throwable t) {
    Objects.requireNonNull(t, "throwable == null");
    synchronized (this) {
      failure = t;
      completed = true;
      cancelled = true; // §2.3/§2.4: the subscription is over; never call it from here on
      if (putting) {
        return;
      }
    }
    sink.fail(t);
  }

  @Override
  public void onComplete() {
    synchronized (this) {
      completed = true;
      cancelled = true; // §2.3/§2.4: the subscription is over; never call it from here on
      if (putting) {
        return;
      }
    }
    sink.close();
  }

  /**
   * Puts queued elements while puts complete at once; resumes from a put's completion otherwise.
   */
  private void drain() {
    while (true) {
      T next;
      synchronized (this) {
        next = queued.poll();
        if (next == null) {
          putting = false;
          if (completed) {
            break;
          }
          return;
        }
      }
      CompletableFuture<Boolean> put = sink.put(next);
      if (!put.isDone()) {
        put.whenComplete(
            (ok, e) -> {
              if (afterPut(put, next)) {
                drain();
              }
            });
        return;
      }
      if (!afterPut(put, next)) {
        return;
      }
    }
    Throwable t;
    synchronized (this) {
      t = failure;
    }
    if (t != null) {
      sink.fail(t);
    } else {
      sink.close();
    }
  }

  private boolean afterPut(CompletableFuture<Boolean> put, T message) {
    if (put.isCompletedExceptionally() || !put.join()) {
      ReferenceCountUtil.release(message); // refused, so still ours
      cancelUpstream();
      synchronized (this) {
        for (T dropped; (dropped = queued.poll()) != null; ) {
          ReferenceCountUtil.release(dropped);
        }
        putting = false;
      }
      return false;
    }
    Flow.Subscription s;
    synchronized (this) {
      s = cancelled ? null : subscription;
    }
    if (s != null) {
      s.request(1);
    }
    return true;
  }

  private void cancelUpstream() {
    Flow.Subscription s;
    synchronized (this) {
      if (cancelled) {
        return;
      }
      cancelled = true;
      s = subscription;
    }
    if (s != null) {
      s.cancel();
    }
  }
}
