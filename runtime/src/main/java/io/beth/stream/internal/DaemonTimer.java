package io.beth.stream.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A timer of one daemon thread: the one a {@code BethResources} owns. {@link #shared()} is the
 * shared default resources' timer, behind stream timeouts, periodic sources, batches and
 * Server-Sent Events keep-alives (the stream layer knows no resources). Tasks run on its thread, so
 * they must not block; a cancelled task is removed at once, and tasks still delayed when it stops
 * are dropped. Not for applications: {@code BethResources.timer()} is the API.
 *
 * <p>Only its owner stops it ({@link #stop()}); {@link #shutdown()} and {@link #shutdownNow()}
 * refuse, so that a caller given the timer cannot stop it under the resources.
 */
public final class DaemonTimer extends ScheduledThreadPoolExecutor {

  private static final class Shared {
    static final DaemonTimer INSTANCE = new DaemonTimer("beth-timer");
  }

  private final CompletableFuture<Void> terminated = new CompletableFuture<>();
  private volatile Thread thread;

  /** A timer whose thread, started on the first task, is named {@code threadName}. */
  public DaemonTimer(String threadName) {
    super(1);
    setThreadFactory(
        r -> {
          Thread t = new Thread(r, threadName);
          t.setDaemon(true);
          thread = t;
          return t;
        });
    setRemoveOnCancelPolicy(true);
    setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
  }

  /** The shared default's timer, named {@code beth-timer}; never stopped. */
  public static DaemonTimer shared() {
    return Shared.INSTANCE;
  }

  /** Runs {@code task} once after {@code delay} (at once if not positive). */
  public ScheduledFuture<?> schedule(Duration delay, Runnable task) {
    return schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
  }

  /** Runs {@code task} after {@code initialDelay}, then every {@code period}. */
  public ScheduledFuture<?> scheduleAtFixedRate(
      Duration initialDelay, Duration period, Runnable task) {
    return scheduleAtFixedRate(
        task, Math.max(0, initialDelay.toNanos()), period.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Whether the caller runs on this timer's thread. */
  public boolean isTimerThread() {
    return Thread.currentThread() == thread;
  }

  /**
   * Stops the timer: the task running finishes, delayed ones are dropped; {@link
   * #terminationFuture()} completes once the thread is done. Refused for {@link #shared()}.
   */
  public void stop() {
    refuseIfShared();
    super.shutdown();
  }

  /** Completes once the timer has stopped and its thread has run its last task. */
  public CompletableFuture<Void> terminationFuture() {
    return terminated;
  }

  /** Refused: the owner stops the timer ({@link #stop()}). */
  @Override
  public void shutdown() {
    throw new UnsupportedOperationException(
        "a Beth timer is stopped by closing the resources that own it");
  }

  /** Refused: the owner stops the timer ({@link #stop()}). */
  @Override
  public List<Runnable> shutdownNow() {
    throw new UnsupportedOperationException(
        "a Beth timer is stopped by closing the resources that own it");
  }

  @Override
  protected void terminated() {
    terminated.complete(null);
  }

  private void refuseIfShared() {
    if (this == Shared.INSTANCE) {
      throw new IllegalStateException("the shared timer is never stopped");
    }
  }
}
