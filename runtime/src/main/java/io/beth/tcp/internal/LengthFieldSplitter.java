package io.beth.tcp.internal;

import io.beth.tcp.FrameTooLongException;
import java.io.EOFException;
import java.util.List;

/** Cuts bytes into frames each preceded by its length, big-endian and unsigned. */
public final class LengthFieldSplitter extends FrameSink<byte[]> {

  private final int lengthBytes;
  private final int maxFrame;
  private long length;
  private int headerRead;
  private byte[] frame;
  private int frameRead;

  /**
   * Frames with a length field of {@code lengthBytes} (1 to 4) and at most {@code maxFrame} bytes.
   */
  public LengthFieldSplitter(int lengthBytes, int maxFrame) {
    if (lengthBytes < 1 || lengthBytes > 4) {
      throw new IllegalArgumentException("lengthBytes must be 1 to 4: " + lengthBytes);
    }
    if (maxFrame < 0) {
      throw new IllegalArgumentException("maxFrame < 0: " + maxFrame);
    }
    this.lengthBytes = lengthBytes;
    this.maxFrame = maxFrame;
  }

  @Override
  protected void decode(byte[] chunk, List<byte[]> frames) throws FrameTooLongException {
    int i = 0;
    while (i < chunk.length) {
      if (frame == null) {
        length = (length << 8) | (chunk[i++] & 0xFF);
        if (++headerRead < lengthBytes) {
          continue;
        }
        if (length > maxFrame) {
          throw new FrameTooLongException(length, maxFrame, true);
        }
        frame = new byte[(int) length];
        frameRead = 0;
      }
      int n = Math.min(frame.length - frameRead, chunk.length - i);
      System.arraycopy(chunk, i, frame, frameRead, n);
      i += n;
      frameRead += n;
      if (frameRead == frame.length) {
        frames.add(frame);
        frame = null;
        length = 0;
        headerRead = 0;
      }
    }
  }

  @Override
  protected void finish(List<byte[]> frames) throws EOFException {
    if (frame != null) {
      throw new EOFException(
          "stream ended inside a frame: " + frameRead + " of " + frame.length + " bytes received");
    }
    if (headerRead > 0) {
      throw new EOFException(
          "stream ended inside a length field: " + headerRead + " of " + lengthBytes + " bytes");
    }
  }
}
