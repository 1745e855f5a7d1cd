package io.beth.http.internal;

import io.beth.stream.BufferedStream;
import io.beth.stream.Source;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Reads an {@link InputStream} on an executor (never an event loop) into a source of byte arrays,
 * one chunk ahead of its consumer; closing the source stops the reading and closes the stream.
 */
final class InputStreamSource {

  private static final int CHUNK = 16 * 1024;

  private InputStreamSource() {}

  static Source<byte[]> start(InputStream in, Executor executor) {
    BufferedStream<byte[]> stream = BufferedStream.create(1);
    try {
      executor.execute(() -> pump(in, stream));
    } catch (RejectedExecutionException e) {
      close(in);
      stream.fail(e);
    }
    return stream;
  }

  private static void pump(InputStream in, BufferedStream<byte[]> stream) {
    try (in) {
      byte[] buffer = new byte[CHUNK];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (n == 0) {
          continue;
        }
        if (!stream.put(Arrays.copyOf(buffer, n)).join()) {
          return; // the consumer went away
        }
      }
      stream.close();
    } catch (IOException | RuntimeException e) {
      stream.fail(e);
    }
  }

  private static void close(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // nothing more to do for a stream that will not be read
    }
  }
}
