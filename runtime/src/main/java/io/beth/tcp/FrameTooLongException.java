package io.beth.tcp;

import java.io.IOException;

/** A frame exceeded the maximum length a {@link Framing} decoder accepts. */
public final class FrameTooLongException extends IOException {

  private static final long serialVersionUID = 1L;

  private final long length;
  private final int maxLength;

  /**
   * A frame of {@code length} bytes ({@code exact}) or of at least that many where at most {@code
   * maxLength} are allowed.
   */
  public FrameTooLongException(long length, int maxLength, boolean exact) {
    super(
        "frame of "
            + (exact ? "" : "at least ")
            + length
            + " bytes exceeds the maximum of "
            + maxLength
            + " bytes");
    this.length = length;
    this.maxLength = maxLength;
  }

  /** The length seen (the whole frame's, or as much as was read before giving up). */
  public long length() {
    return length;
  }

  /** The configured maximum. */
  public int maxLength() {
    return maxLength;
  }
}
