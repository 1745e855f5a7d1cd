package io.beth.stream;

import io.beth.stream.internal.DaemonTimer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;

/**
 * {@link Streams#periodically}: on each tick of the shared timer, puts the supplier's value into a
 * hand-over stream, unless the previous tick's put is still waiting for the consumer, in which case
 * the tick is skipped (the supplier is not called). Closing the source cancels the timer.
 */
final class PeriodicSource<T> implements Runnable {

  private final BufferedStream<T> out = BufferedStream.create(0);
  private final Supplier<? extends T> supplier;
  private volatile CompletableFuture<Boolean> pending = CompletedPut.TRUE;

  private PeriodicSource(Supplier<? extends T> supplier) {
    this.supplier = supplier;
  }

  static <T> Source<T> start(
      Duration initialDelay, Duration period, Supplier<? extends T> supplier) {
    Objects.requireNonNull(initialDelay, "initialDelay == null");
    Objects.requireNonNull(period, "period == null");
    Objects.requireNonNull(supplier, "supplier == null");
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("period <= 0: " + period);
    }
    PeriodicSource<T> ticker = new PeriodicSource<>(supplier);
    ScheduledFuture<?> timer =
        DaemonTimer.shared().scheduleAtFixedRate(initialDelay, period, ticker);
    ticker.out.closed().whenComplete((v, e) -> timer.cancel(false));
    return ticker.out;
  }

  /** One tick; runs on the timer thread, never overlapping itself. */
  @Override
  public void run() {
    if (!pending.isDone() || out.isClosed()) {
      return;
    }
    T value;
    try {
      value = Objects.requireNonNull(supplier.get(), "periodic supplier returned null");
    } catch (RuntimeException | Error e) {
      out.fail(e);
      return;
    }
    pending = out.put(value);
  }
}
