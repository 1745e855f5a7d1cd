package io.beth.bytes;

/** A stream of bytes held more than the limit it was aggregated with. */
public final class BodyTooLargeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final long limit;

  /** A failure for a body that exceeded {@code limit} bytes. */
  public BodyTooLargeException(long limit) {
    super("body larger than the limit of " + limit + " bytes");
    this.limit = limit;
  }

  /** The limit, in bytes, that was exceeded. */
  public long limit() {
    return limit;
  }
}
