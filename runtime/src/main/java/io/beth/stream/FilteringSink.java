package io.beth.stream;

import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * A sink that forwards only the messages a predicate accepts; the others are accepted and dropped
 * (reference-counted ones released). A throwing predicate fails it.
 */
final class FilteringSink<T> extends ForwardingSink<T, T> {

  private final Predicate<? super T> predicate;

  FilteringSink(Sink<T> out, Predicate<? super T> predicate) {
    super(out);
    this.predicate = predicate;
  }

  @Override
  public CompletableFuture<Boolean> put(T message, Duration timeout) {
    boolean keep;
    try {
      keep = predicate.test(message);
    } catch (RuntimeException e) {
      out.fail(e);
      return CompletedPut.FALSE;
    }
    if (keep) {
      return forward(message, timeout);
    }
    ReferenceCountUtil.release(message); // accepted and dropped: a ByteBuf must not leak
    return CompletedPut.TRUE;
  }
}
