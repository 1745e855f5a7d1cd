package io.beth.stream;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@link Streams#concat}: connects the inputs into one hand-over stream one after the other, each
 * once the previous one is drained. An input error fails the output; closing the output (or that
 * failure) closes every input, the ones not yet started included.
 */
final class Concat<T> {

  private final List<? extends Source<? extends T>> inputs;
  private final BufferedStream<T> out = BufferedStream.create(0);
  private int next;

  private Concat(List<? extends Source<? extends T>> inputs) {
    this.inputs = inputs;
  }

  static <T> Source<T> start(List<? extends Source<? extends T>> inputs) {
    Concat<T> concat = new Concat<>(inputs);
    concat.out.closed().whenComplete((v, e) -> inputs.forEach(Source::close));
    concat.advance();
    return concat.out;
  }

  /** Connects the next inputs in turn, looping while they finish at once. */
  private void advance() {
    while (!out.isClosed()) {
      if (next == inputs.size()) {
        out.close();
        return;
      }
      CompletableFuture<Void> connection = connect(inputs.get(next++));
      if (!connection.isDone()) {
        connection.whenComplete((v, e) -> ended(e));
        return;
      }
      if (connection.isCompletedExceptionally()) {
        connection.whenComplete((v, e) -> ended(e));
        return;
      }
    }
  }

  private void ended(Throwable e) {
    if (e != null) {
      out.fail(Completions.unwrap(e));
    } else {
      advance();
    }
  }

  private <U extends T> CompletableFuture<Void> connect(Source<U> input) {
    return Streams.connect(input, out, ConnectOptions.NONE);
  }
}
