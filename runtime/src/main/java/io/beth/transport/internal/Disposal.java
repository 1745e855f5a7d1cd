package io.beth.transport.internal;

import io.beth.stream.Source;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.CompletableFuture;

/** Frees what a stream holds when nobody will take it any more. */
public final class Disposal {

  private Disposal() {}

  /**
   * Closes {@code source} and releases every reference-counted message still buffered in it (a
   * million at most: a source that never runs dry is left to its producer).
   */
  public static void closeAndRelease(Source<?> source) {
    source.close();
    for (int i = 0; i < 1_000_000; i++) {
      CompletableFuture<?> next = source.take();
      if (!next.isDone() || next.isCompletedExceptionally()) {
        return;
      }
      Object item = next.join();
      if (item == null) {
        return;
      }
      ReferenceCountUtil.safeRelease(item);
    }
  }
}
