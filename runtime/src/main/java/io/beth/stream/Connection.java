package io.beth.stream;

import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Moves messages from a source to a sink one at a time: the next take happens only once the previous
 * put was accepted, so a slow sink slows the source. Runs on whichever thread completes a future,
 * looping rather than recursing when futures complete at once.
 */
final class Connection<T> {

  private final Source<T> source;
  private final Sink<? super T> sink;
  private final ConnectOptions options;
  private final CompletableFuture<Void> done = new CompletableFuture<>();

  Connection(Source<T> source, Sink<? super T> sink, ConnectOptions options) {
    this.source = source;
    this.sink = sink;
    this.options = options;
  }

  CompletableFuture<Void> start() {
    if (options.upstream()) {
      sink.closed().whenComplete((v, e) -> source.close());
    }
    pump();
    return done;
  }

  private void pump() {
    while (!done.isDone()) {
      CompletableFuture<T> next = source.take();
      if (!next.isDone()) {
        next.whenComplete((v, e) -> {
          if (offer(next)) {
            pump();
          }
        });
        return;
      }
      if (!offer(next)) {
        return;
      }
    }
  }

  /** Puts a taken message; true if the loop may continue on this thread. */
  private boolean offer(CompletableFuture<T> taken) {
    T message;
    try {
      message = taken.join();
    } catch (CompletionException | java.util.concurrent.CancellationException e) {
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      if (options.downstream()) {
        sink.fail(cause);
      }
      done.completeExceptionally(cause);
      return false;
    }
    if (message == null) {
      if (options.downstream()) {
        sink.close();
      }
      done.complete(null);
      return false;
    }
    CompletableFuture<Boolean> put = sink.put(message);
    if (put.isDone()) {
      return accepted(put, message);
    }
    put.whenComplete((ok, e) -> {
      if (accepted(put, message)) {
        pump();
      }
    });
    return false;
  }

  private boolean accepted(CompletableFuture<Boolean> put, T message) {
    boolean ok = !put.isCompletedExceptionally() && Boolean.TRUE.equals(put.join());
    if (!ok) {
      ReferenceCountUtil.release(message); // refused, so still ours: nothing may leak

      if (options.upstream()) {
        source.close();
      }
      done.complete(null);
    }
    return ok;
  }
}
