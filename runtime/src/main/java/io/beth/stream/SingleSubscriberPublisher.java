package io.beth.stream;

import io.netty.util.ReferenceCountUtil;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@link Flow.Publisher} view of a {@link Source}: it takes one message per unit of demand and
 * accepts a single subscriber, as a source has a single consumer. A second subscriber is refused
 * with {@code onError}. Cancelling closes the source.
 *
 * @param <T> the message type
 */
public final class SingleSubscriberPublisher<T> implements Flow.Publisher<T> {

  private final Source<T> source;
  private final AtomicBoolean subscribed = new AtomicBoolean();

  /** The publisher view of {@code source}, which it takes from. */
  public SingleSubscriberPublisher(Source<T> source) {
    this.source = Objects.requireNonNull(source, "source == null");
  }

  @Override
  public void subscribe(Flow.Subscriber<? super T> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber == null");
    if (!subscribed.compareAndSet(false, true)) {
      subscriber.onSubscribe(NoSubscription.INSTANCE);
      subscriber.onError(
          new IllegalStateException(
              "a Beth source has a single consumer and is already subscribed"));
      return;
    }
    Pull<T> pull = new Pull<>(source, subscriber);
    subscriber.onSubscribe(pull);
    pull.drive();
    source.drained().whenComplete((v, e) -> pull.drive()); // the end needs no demand
  }

  /** Pulls from the source while there is demand, delivering signals serially. */
  private static final class Pull<T> implements Flow.Subscription {
    private final Source<T> source;
    private volatile Flow.Subscriber<? super T> subscriber; // dropped once done (§3.13)
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private volatile boolean done;
    private volatile CompletableFuture<T> inFlight;
    private volatile Throwable badRequest;

    Pull(Source<T> source, Flow.Subscriber<? super T> subscriber) {
      this.source = source;
      this.subscriber = subscriber;
    }

    @Override
    public void request(long n) {
      if (n <= 0) {
        badRequest = new IllegalArgumentException("§3.9: request must be positive, was " + n);
      } else {
        demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
      }
      drive();
    }

    @Override
    public void cancel() {
      if (!done) {
        done = true;
        subscriber = null;
        source.close();
      }
    }

    /** Ends the subscription: no signal follows, and the subscriber is no longer referenced. */
    private Flow.Subscriber<? super T> finish() {
      done = true;
      Flow.Subscriber<? super T> s = subscriber;
      subscriber = null;
      return s;
    }

    /** Runs the delivery loop unless another thread is already in it (then it loops again). */
    void drive() {
      if (wip.getAndIncrement() != 0) {
        return;
      }
      int missed = 1;
      do {
        while (!done) {
          CompletableFuture<T> pending = inFlight;
          if (pending != null) {
            if (!pending.isDone()) {
              break; // its completion drives again
            }
            inFlight = null;
            deliver(pending);
            continue;
          }
          Throwable bad = badRequest;
          if (bad != null) {
            Flow.Subscriber<? super T> s = finish();
            source.close();
            if (s != null) {
              s.onError(bad);
            }
            break;
          }
          if (demand.get() == 0 && !source.isDrained()) {
            break; // a drained source ends (§1.4, §1.5) without waiting for demand
          }
          CompletableFuture<T> next = source.take();
          inFlight = next;
          if (!next.isDone()) {
            next.whenComplete((v, e) -> drive());
          }
        }
        missed = wip.addAndGet(-missed);
      } while (missed != 0);
    }

    private void deliver(CompletableFuture<T> next) {
      if (done) {
        return;
      }
      T value;
      try {
        value = next.join();
      } catch (CompletionException | java.util.concurrent.CancellationException e) {
        Flow.Subscriber<? super T> s = finish();
        if (s != null) {
          s.onError(e.getCause() != null ? e.getCause() : e);
        }
        return;
      }
      if (value == null) {
        Flow.Subscriber<? super T> s = finish();
        if (s != null) {
          s.onComplete();
        }
        return;
      }
      Flow.Subscriber<? super T> s = subscriber;
      if (s == null) {
        ReferenceCountUtil.release(value); // cancelled while the message was on its way
        return;
      }
      demand.decrementAndGet();
      s.onNext(value);
    }
  }

  private enum NoSubscription implements Flow.Subscription {
    INSTANCE;

    @Override
    public void request(long n) {}

    @Override
    public void cancel() {}
  }
}
