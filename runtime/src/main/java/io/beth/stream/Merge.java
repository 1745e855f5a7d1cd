package io.beth.stream;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link Streams#merge}: connects every input into one hand-over stream, so each input has at most
 * one message waiting. The output closes when every input is drained, fails with the first input
 * error, and closing it (or that failure) closes every input.
 */
final class Merge {

  private Merge() {}

  static <T> Source<T> start(List<? extends Source<? extends T>> inputs) {
    BufferedStream<T> out = BufferedStream.create(0);
    out.closed().whenComplete((v, e) -> inputs.forEach(Source::close));
    if (inputs.isEmpty()) {
      out.close();
      return out;
    }
    AtomicInteger open = new AtomicInteger(inputs.size());
    for (Source<? extends T> input : inputs) {
      connect(input, out)
          .whenComplete(
              (v, e) -> {
                if (e != null) {
                  out.fail(Completions.unwrap(e));
                } else if (open.decrementAndGet() == 0) {
                  out.close();
                }
              });
    }
    return out;
  }

  private static <T> java.util.concurrent.CompletableFuture<Void> connect(
      Source<T> input, Sink<? super T> out) {
    return Streams.connect(input, out, ConnectOptions.NONE);
  }
}
