package io.beth.stream;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one daemon timer behind stream timeouts and periodic sources. Timed-out futures complete on
 * its thread, so their dependent callbacks should not block.
 */
final class StreamTimer {

  private static final ScheduledThreadPoolExecutor TIMER = create();

  private StreamTimer() {}

  private static ScheduledThreadPoolExecutor create() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "beth-stream-timer");
              t.setDaemon(true);
              return t;
            });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  static ScheduledFuture<?> schedule(Duration delay, Runnable task) {
    return TIMER.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
  }

  static ScheduledFuture<?> scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task) {
    return TIMER.scheduleAtFixedRate(
        task, Math.max(0, initialDelay.toNanos()), period.toNanos(), TimeUnit.NANOSECONDS);
  }
}
