package io.beth.tcp.internal;

import io.beth.tcp.FrameTooLongException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Cuts bytes into UTF-8 lines ended by {@code \n} or {@code \r\n}, without the terminator. */
public final class LineSplitter extends FrameSink<String> {

  private final int maxLength;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

  /** Lines of at most {@code maxLength} bytes, not counting the terminator. */
  public LineSplitter(int maxLength) {
    if (maxLength < 1) {
      throw new IllegalArgumentException("maxLength < 1: " + maxLength);
    }
    this.maxLength = maxLength;
  }

  @Override
  protected void decode(byte[] chunk, List<String> frames) throws FrameTooLongException {
    int start = 0;
    for (int i = 0; i < chunk.length; i++) {
      if (chunk[i] == '\n') {
        pending.write(chunk, start, i - start);
        frames.add(line());
        start = i + 1;
      }
    }
    pending.write(chunk, start, chunk.length - start);
    int size = pending.size();
    if (size > maxLength + 1 || (size == maxLength + 1 && !endsWithCr())) {
      throw new FrameTooLongException(size, maxLength, false);
    }
  }

  @Override
  protected void finish(List<String> frames) throws FrameTooLongException {
    if (pending.size() > 0) {
      frames.add(line());
    }
  }

  private String line() throws FrameTooLongException {
    byte[] bytes = pending.toByteArray();
    pending.reset();
    int length =
        bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
    if (length > maxLength) {
      throw new FrameTooLongException(length, maxLength, true);
    }
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }

  private boolean endsWithCr() {
    byte[] bytes = pending.toByteArray();
    return bytes[bytes.length - 1] == '\r';
  }
}
