package io.beth.bytes;

import io.beth.stream.BufferedStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Reads an {@link InputStream} in chunks on an executor into a stream of capacity 1. A read runs
 * only after the previous chunk was accepted, and no thread waits for the consumer in between.
 * Closing the stream closes the input stream.
 */
final class InputStreamSource implements Runnable {

  private final InputStream in;
  private final int chunkSize;
  private final Executor executor;
  private final BufferedStream<byte[]> stream = BufferedStream.create(1);

  private InputStreamSource(InputStream in, int chunkSize, Executor executor) {
    this.in = in;
    this.chunkSize = chunkSize;
    this.executor = executor;
  }

  static BufferedStream<byte[]> start(InputStream in, int chunkSize, Executor executor) {
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunkSize < 1: " + chunkSize);
    }
    InputStreamSource source = new InputStreamSource(in, chunkSize, executor);
    source.stream.closed().whenComplete((v, e) -> source.closeQuietly());
    source.schedule();
    return source.stream;
  }

  private void schedule() {
    try {
      executor.execute(this);
    } catch (RejectedExecutionException e) {
      stream.fail(e);
    }
  }

  @Override
  public void run() {
    byte[] buffer = new byte[chunkSize];
    try {
      while (!stream.isClosed()) {
        int n = in.readNBytes(buffer, 0, chunkSize);
        if (n == 0) {
          stream.close();
          return;
        }
        CompletableFuture<Boolean> put = stream.put(Arrays.copyOf(buffer, n));
        if (!put.isDone()) {
          put.thenAccept(
              accepted -> {
                if (accepted) {
                  schedule();
                }
              });
          return;
        }
        if (!put.join()) {
          return;
        }
      }
    } catch (IOException | RuntimeException e) {
      stream.fail(e);
    }
  }

  private void closeQuietly() {
    try {
      in.close();
    } catch (IOException ignored) {
      // the stream has ended; there is no one left to tell
    }
  }
}
