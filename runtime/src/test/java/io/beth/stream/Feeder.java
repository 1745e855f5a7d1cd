package io.beth.stream;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test producer that puts {@code 0..count-1} into a sink as fast as it accepts them, then closes
 * it, on whichever thread completes a put (a work-in-progress loop, never a recursion).
 */
final class Feeder {

  private final Sink<Long> sink;
  private final long count;
  private final AtomicInteger wip = new AtomicInteger();
  private long next;
  private CompletableFuture<Boolean> pending;

  private Feeder(Sink<Long> sink, long count) {
    this.sink = sink;
    this.count = count;
  }

  /** Starts feeding {@code count} messages into {@code sink}. */
  static <S extends Sink<Long>> S feed(S sink, long count) {
    new Feeder(sink, count).drive();
    return sink;
  }

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

  private void step() {
    while (true) {
      CompletableFuture<Boolean> p = pending;
      if (p != null) {
        if (!p.isDone()) {
          return;
        }
        pending = null;
        if (!p.join()) {
          return; // the consumer gave up
        }
      }
      if (next == count) {
        sink.close();
        return;
      }
      p = sink.put(next++);
      pending = p;
      if (!p.isDone()) {
        p.whenComplete((v, e) -> drive());
        return;
      }
    }
  }
}
