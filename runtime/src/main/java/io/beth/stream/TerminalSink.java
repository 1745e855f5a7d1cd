package io.beth.stream;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The end of a pipeline: each message is handed to a step, and {@link #result()} completes with the
 * finished value when the sink is closed, or exceptionally when it fails or a step throws.
 * Completing or cancelling the result closes the sink, so {@link Connection} closes its source.
 * Steps run one at a time, on the thread that delivered the message.
 */
final class TerminalSink<T, R> implements Sink<T> {

  private final Consumer<? super T> step;
  private final Supplier<? extends R> finish;
  private final CompletableFuture<R> result = new CompletableFuture<>();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();

  TerminalSink(Consumer<? super T> step, Supplier<? extends R> finish) {
    this.step = step;
    this.finish = finish;
    result.whenComplete((v, e) -> closed.complete(null));
  }

  CompletableFuture<R> result() {
    return result;
  }

  @Override
  public CompletableFuture<Boolean> put(T message) {
    if (result.isDone()) {
      return CompletedPut.FALSE;
    }
    try {
      step.accept(message);
    } catch (RuntimeException | Error e) {
      result.completeExceptionally(e);
      return CompletedPut.FALSE;
    }
    return CompletedPut.TRUE;
  }

  @Override
  public CompletableFuture<Boolean> put(T message, Duration timeout) {
    return put(message);
  }

  @Override
  public void close() {
    if (result.isDone()) {
      return;
    }
    try {
      result.complete(finish.get());
    } catch (RuntimeException | Error e) {
      result.completeExceptionally(e);
    }
  }

  @Override
  public void fail(Throwable cause) {
    result.completeExceptionally(cause);
  }

  @Override
  public boolean isClosed() {
    return result.isDone();
  }

  @Override
  public CompletionStage<Void> closed() {
    return closed.minimalCompletionStage();
  }
}
