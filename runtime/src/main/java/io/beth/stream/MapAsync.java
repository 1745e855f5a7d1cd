package io.beth.stream;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * {@link Source#mapAsync}: starts the function on up to {@code maxConcurrency} messages at once and
 * emits the results in input order. A new message is taken only while fewer than {@code
 * maxConcurrency} results wait to be emitted, so a slow consumer bounds what is held.
 *
 * <p>All state is touched only inside {@link #drain()}, which one thread at a time runs; futures
 * completing elsewhere just call it again. No lock is held while the function runs.
 */
final class MapAsync<T, R> {

  private final Source<T> in;
  private final BufferedStream<R> out = BufferedStream.create(0);
  private final Function<? super T, ? extends CompletionStage<? extends R>> fn;
  private final int maxConcurrency;
  private final AtomicInteger wip = new AtomicInteger();

  private final ArrayDeque<CompletableFuture<? extends R>> running = new ArrayDeque<>();
  private CompletableFuture<T> take;
  private CompletableFuture<Boolean> put;
  private boolean inputEnded;
  private Throwable inputError;
  private boolean finished;

  private MapAsync(
      Source<T> in,
      Function<? super T, ? extends CompletionStage<? extends R>> fn,
      int maxConcurrency) {
    this.in = in;
    this.fn = fn;
    this.maxConcurrency = maxConcurrency;
  }

  static <T, R> Source<R> start(
      Source<T> in,
      Function<? super T, ? extends CompletionStage<? extends R>> fn,
      int maxConcurrency) {
    Objects.requireNonNull(fn, "fn == null");
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("maxConcurrency < 1: " + maxConcurrency);
    }
    MapAsync<T, R> op = new MapAsync<>(in, fn, maxConcurrency);
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
        finish(); // the consumer gave up, or we ended it
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
      } else if (put == null && !running.isEmpty() && running.peek().isDone()) {
        emit(running.poll());
      } else if (take == null && !inputEnded && running.size() < maxConcurrency) {
        take = in.take();
        take.whenComplete((v, e) -> drain());
      } else {
        if (inputEnded && running.isEmpty() && put == null) {
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

  private void taken() {
    CompletableFuture<T> done = take;
    take = null;
    if (done.isCompletedExceptionally()) {
      inputEnded = true;
      inputError = cause(done);
      return;
    }
    T message = done.join();
    if (message == null) {
      inputEnded = true;
      return;
    }
    CompletableFuture<? extends R> result;
    try {
      CompletionStage<? extends R> stage = fn.apply(message);
      result =
          Objects.requireNonNull(stage, "mapAsync function returned null").toCompletableFuture();
    } catch (RuntimeException e) {
      out.fail(e);
      return; // the next step sees the output closed and finishes
    }
    running.add(result);
    result.whenComplete((v, e) -> drain());
  }

  private void emit(CompletableFuture<? extends R> result) {
    if (result.isCompletedExceptionally()) {
      out.fail(cause(result));
      return;
    }
    R value = result.join();
    if (value == null) {
      out.fail(new NullPointerException("mapAsync future completed with null"));
      return;
    }
    put = out.put(value);
    if (!put.isDone()) {
      put.whenComplete((v, e) -> drain());
    }
  }

  private void finish() {
    finished = true;
    running.clear();
    in.close();
  }

  private static Throwable cause(CompletableFuture<?> failed) {
    try {
      failed.join();
      throw new IllegalStateException("not failed");
    } catch (RuntimeException e) {
      return Completions.unwrap(e);
    }
  }
}
