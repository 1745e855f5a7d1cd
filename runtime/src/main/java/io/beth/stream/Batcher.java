package io.beth.stream;

import io.beth.stream.internal.DaemonTimer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link Source#batch}: groups messages into lists of up to {@code maxSize}, emitting a list once
 * it is full or {@code maxLatency} after its first message arrived, whichever comes first (later if
 * the consumer is not ready). At most one list waits for the consumer while the next one fills, and
 * the next one stops taking once full, so a slow consumer bounds what is held.
 *
 * <p>All state is touched only inside {@link #drain()}, which one thread at a time runs.
 */
final class Batcher<T> {

  private final Source<T> in;
  private final BufferedStream<List<T>> out = BufferedStream.create(0);
  private final int maxSize;
  private final Duration maxLatency;
  private final AtomicInteger wip = new AtomicInteger();

  private List<T> batch;
  private int generation; // of the batch being filled
  private volatile int expiredGeneration = -1; // written by the timer
  private ScheduledFuture<?> timer;
  private CompletableFuture<T> take;
  private CompletableFuture<Boolean> put;
  private boolean inputEnded;
  private Throwable inputError;
  private boolean finished;

  private Batcher(Source<T> in, int maxSize, Duration maxLatency) {
    this.in = in;
    this.maxSize = maxSize;
    this.maxLatency = maxLatency;
    this.batch = new ArrayList<>(Math.min(maxSize, 64));
  }

  static <T> Source<List<T>> start(Source<T> in, int maxSize, Duration maxLatency) {
    Objects.requireNonNull(maxLatency, "maxLatency == null");
    if (maxSize < 1) {
      throw new IllegalArgumentException("maxSize < 1: " + maxSize);
    }
    if (maxLatency.isNegative()) {
      throw new IllegalArgumentException("maxLatency < 0: " + maxLatency);
    }
    Batcher<T> op = new Batcher<>(in, maxSize, maxLatency);
    op.out.closed().whenComplete((v, e) -> op.drain());
    op.drain();
    return op.out;
  }

  private void drain() {
    if (wip.getAndIncrement() != 0) {
      return;
    }
    do {
      step();
    } while (wip.decrementAndGet() != 0);
  }

  private void step() {
    while (!finished) {
      if (out.isClosed()) {
        finish();
        return;
      }
      if (put != null && put.isDone()) {
        if (put.isCompletedExceptionally() || !put.join()) {
          finish();
          return;
        }
        put = null;
      } else if (take != null && take.isDone()) {
        taken();
      } else if (put == null && due()) {
        emit();
      } else if (take == null && !inputEnded && batch.size() < maxSize) {
        take = in.take();
        take.whenComplete((v, e) -> drain());
      } else {
        if (inputEnded && batch.isEmpty() && put == null) {
          if (inputError == null) {
            out.close();
          } else {
            out.fail(inputError);
          }
          finish();
        }
        return;
      }
    }
  }

  private boolean due() {
    return !batch.isEmpty()
        && (batch.size() >= maxSize || inputEnded || expiredGeneration == generation);
  }

  private void taken() {
    CompletableFuture<T> done = take;
    take = null;
    T message;
    try {
      message = done.join();
    } catch (RuntimeException e) {
      inputEnded = true;
      inputError = Completions.unwrap(e);
      return;
    }
    if (message == null) {
      inputEnded = true;
      return;
    }
    if (batch.isEmpty()) {
      int armed = generation;
      timer =
          DaemonTimer.shared()
              .schedule(
                  maxLatency,
                  () -> {
                    expiredGeneration = armed;
                    drain();
                  });
    }
    batch.add(message);
  }

  private void emit() {
    cancelTimer();
    List<T> full = batch;
    batch = new ArrayList<>(Math.min(maxSize, 64));
    generation++;
    put = out.put(full);
    if (!put.isDone()) {
      put.whenComplete((v, e) -> drain());
    }
  }

  private void cancelTimer() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }

  private void finish() {
    finished = true;
    cancelTimer();
    batch = List.of();
    in.close();
  }
}
