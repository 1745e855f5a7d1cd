package io.beth.stream;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sink that forwards the first {@code limit} messages, then closes the downstream sink. Its put
 * of the last message completes {@code false} once that message is accepted downstream, which tells
 * {@link Connection} to stop and close its source.
 */
final class LimitingSink<T> extends ForwardingSink<T, T> {

  private final long limit;
  private final AtomicLong count = new AtomicLong();

  LimitingSink(Sink<T> out, long limit) {
    super(out);
    this.limit = limit;
  }

  @Override
  public CompletableFuture<Boolean> put(T message, Duration timeout) {
    long n = count.incrementAndGet();
    if (n < limit) {
      return forward(message, timeout);
    }
    if (n > limit) {
      return CompletedPut.FALSE;
    }
    return forward(message, timeout)
        .handle(
            (ok, e) -> {
              out.close(); // after acceptance, so the last message drains
              return false;
            });
  }
}
