package io.beth.http;

import io.beth.stream.Source;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/** Collects a stream of byte arrays into one array, up to a limit. */
final class BodyAggregator {

  private final Source<byte[]> source;
  private final long limit;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private byte[] buffer = new byte[0];
  private int size;

  private BodyAggregator(Source<byte[]> source, long limit) {
    this.source = source;
    this.limit = limit;
  }

  static CompletableFuture<byte[]> aggregate(Source<byte[]> source, long limit) {
    BodyAggregator aggregator = new BodyAggregator(source, limit);
    aggregator.next();
    return aggregator.result;
  }

  static HttpStatusException tooLarge(long limit) {
    return new HttpStatusException(413, "request body larger than " + limit + " bytes");
  }

  private void next() {
    while (true) {
      CompletableFuture<byte[]> take = source.take();
      if (!take.isDone()) {
        take.whenComplete((chunk, error) -> {
          if (accept(chunk, error)) {
            next();
          }
        });
        return;
      }
      byte[] chunk;
      try {
        chunk = take.join();
      } catch (RuntimeException e) {
        accept(null, e.getCause() != null ? e.getCause() : e);
        return;
      }
      if (!accept(chunk, null)) {
        return;
      }
    }
  }

  /** Adds a chunk; true to take the next one. */
  private boolean accept(byte[] chunk, Throwable error) {
    if (error != null) {
      result.completeExceptionally(error);
      return false;
    }
    if (chunk == null) {
      result.complete(size == buffer.length ? buffer : Arrays.copyOf(buffer, size));
      return false;
    }
    if ((long) size + chunk.length > limit) {
      source.close();
      result.completeExceptionally(tooLarge(limit));
      return false;
    }
    if (size + chunk.length > buffer.length) {
      long grown = Math.max((long) size + chunk.length, Math.min(limit, 2L * buffer.length + 1024));
      buffer = Arrays.copyOf(buffer, (int) Math.min(grown, Integer.MAX_VALUE - 8));
    }
    System.arraycopy(chunk, 0, buffer, size, chunk.length);
    size += chunk.length;
    return true;
  }
}
