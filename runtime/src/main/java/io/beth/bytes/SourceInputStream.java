package io.beth.bytes;

import io.beth.stream.Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutionException;

/**
 * A blocking {@link InputStream} over a {@link Source} of convertible chunks: each read that has
 * nothing left takes (and waits for) exactly one more chunk, so nothing is fetched ahead. Closing
 * it closes the source.
 */
final class SourceInputStream extends InputStream {

  private final Source<?> source;
  private byte[] chunk = new byte[0];
  private int position;
  private boolean ended;

  SourceInputStream(Source<?> source) {
    this.source = source;
  }

  @Override
  public int read() throws IOException {
    if (!fill()) {
      return -1;
    }
    return chunk[position++] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int n = Math.min(len, chunk.length - position);
    System.arraycopy(chunk, position, b, off, n);
    position += n;
    return n;
  }

  @Override
  public int available() {
    return chunk.length - position;
  }

  @Override
  public void close() {
    ended = true;
    source.close();
  }

  /** Makes at least one byte readable; false at the end. */
  private boolean fill() throws IOException {
    while (position == chunk.length) {
      if (ended) {
        return false;
      }
      Object next;
      try {
        next = source.take().get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for the next chunk");
      } catch (ExecutionException e) {
        throw new IOException("the byte stream failed: " + e.getCause(), e.getCause());
      }
      if (next == null) {
        ended = true;
        return false;
      }
      chunk = Bytes.toByteArray(next);
      position = 0;
    }
    return true;
  }
}
