package io.beth.stream;

import io.beth.stream.internal.PollableSource;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Moves messages from a source to a sink one at a time: the next take happens only once the
 * previous put was accepted, so a slow sink slows the source. Runs on whichever thread completes a
 * future; a work-in-progress counter makes that one loop rather than a recursion, however the
 * completions chain. A {@link PollableSource} is polled, so that a message that is there costs no
 * future.
 */
final class Connection<T> {

  private final Source<T> source;
  private final PollableSource<T> pollable; // the source, if it can be polled
  private final Sink<? super T> sink;
  private final ConnectOptions options;
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private final AtomicInteger wip = new AtomicInteger();
  private final Runnable wakeUp = this::drive;
  // touched only inside drive(), which wip serialises (its atomic updates order the accesses)
  private CompletableFuture<T> taking;
  private CompletableFuture<Boolean> putting;
  private T offered; // the message of putting

  Connection(Source<T> source, Sink<? super T> sink, ConnectOptions options) {
    this.source = source;
    this.pollable = source instanceof PollableSource<T> p ? p : null;
    this.sink = sink;
    this.options = options;
  }

  CompletableFuture<Void> start() {
    if (options.upstream()) {
      sink.closed().whenComplete((v, e) -> source.close());
    }
    drive();
    return done;
  }

  /** Runs the transfer loop unless another thread is in it (which then loops once more). */
  private void drive() {
    if (wip.getAndIncrement() != 0) {
      return;
    }
    int missed = 1;
    do {
      step();
      missed = wip.addAndGet(-missed);
    } while (missed != 0);
  }

  /** Moves messages until a future is pending (its completion drives again) or the end. */
  private void step() {
    while (!done.isDone()) {
      CompletableFuture<Boolean> put = putting;
      if (put != null) {
        if (!put.isDone()) {
          return;
        }
        putting = null;
        T message = offered;
        offered = null;
        if (!accepted(put, message)) {
          return;
        }
      }
      CompletableFuture<T> take = taking;
      if (take == null && pollable != null) {
        T message = pollable.poll();
        if (message != null) {
          offered = message;
          put = sink.put(message);
          putting = put;
          if (!put.isDone()) {
            put.whenComplete((v, e) -> drive());
            return;
          }
          continue;
        }
        if (pollable.whenReady(wakeUp)) {
          return;
        }
        if (!pollable.isDrained()) {
          continue; // a message arrived meanwhile
        }
        // the end: take() yields it at once
      }
      if (take == null) {
        take = source.take();
        taking = take;
        if (!take.isDone()) {
          take.whenComplete((v, e) -> drive());
          return;
        }
      } else if (!take.isDone()) {
        return;
      }
      taking = null;
      put = offer(take);
      if (put == null) {
        return;
      }
      putting = put;
      if (!put.isDone()) {
        put.whenComplete((v, e) -> drive());
        return;
      }
    }
  }

  /** Puts a taken message; {@code null} once the source ended (the connection is then done). */
  private CompletableFuture<Boolean> offer(CompletableFuture<T> taken) {
    T message;
    try {
      message = taken.join();
    } catch (CompletionException | java.util.concurrent.CancellationException e) {
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      if (options.downstream()) {
        sink.fail(cause);
      }
      done.completeExceptionally(cause);
      return null;
    }
    if (message == null) {
      if (options.downstream()) {
        sink.close();
      }
      done.complete(null);
      return null;
    }
    offered = message;
    return sink.put(message);
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
