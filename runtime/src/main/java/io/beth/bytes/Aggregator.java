package io.beth.bytes;

import io.beth.stream.Sink;
import io.beth.stream.Source;
import io.beth.stream.Streams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The sink that collects a stream of chunks into one array: chunks are kept as they come and copied
 * once at the end; a chunk that goes over the limit is dropped, fails the result and closes this
 * sink, which closes the source.
 */
final class Aggregator implements Sink<Object> {

  private static final CompletableFuture<Boolean> ACCEPTED =
      CompletableFuture.completedFuture(true);
  private static final CompletableFuture<Boolean> REFUSED =
      CompletableFuture.completedFuture(false);

  private final long limit;
  private final List<byte[]> chunks = new ArrayList<>();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private long size;
  private boolean tooLarge;

  private Aggregator(long limit) {
    this.limit = limit;
  }

  static CompletableFuture<byte[]> aggregate(Source<?> source, long limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit < 0: " + limit);
    }
    Aggregator aggregator = new Aggregator(limit);
    return Streams.connect(source, aggregator).thenApply(done -> aggregator.result());
  }

  private synchronized byte[] result() {
    if (tooLarge) {
      throw new BodyTooLargeException(limit);
    }
    if (chunks.size() == 1) {
      return chunks.get(0);
    }
    byte[] all = new byte[(int) size];
    int at = 0;
    for (byte[] chunk : chunks) {
      System.arraycopy(chunk, 0, all, at, chunk.length);
      at += chunk.length;
    }
    return all;
  }

  @Override
  public CompletableFuture<Boolean> put(Object message) {
    synchronized (this) {
      if (tooLarge || closed.isDone()) {
        return REFUSED; // not accepted, so not consumed
      }
    }
    byte[] bytes = Bytes.toByteArray(message); // accepted: a ByteBuf is released here
    synchronized (this) {
      if (size + bytes.length > Math.min(limit, Integer.MAX_VALUE - 8)) {
        tooLarge = true;
        chunks.clear();
        closed.complete(null); // stops the connection, which closes the source
        return ACCEPTED;
      }
      if (bytes.length > 0) {
        chunks.add(bytes);
        size += bytes.length;
      }
      return ACCEPTED;
    }
  }

  @Override
  public CompletableFuture<Boolean> put(Object message, Duration timeout) {
    return put(message);
  }

  @Override
  public void close() {
    closed.complete(null);
  }

  @Override
  public void fail(Throwable cause) {
    closed.completeExceptionally(cause);
  }

  @Override
  public boolean isClosed() {
    return closed.isDone();
  }

  @Override
  public CompletionStage<Void> closed() {
    return closed.minimalCompletionStage();
  }
}
