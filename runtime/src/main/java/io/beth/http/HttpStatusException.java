package io.beth.http;

/**
 * An error that maps to an HTTP status: a handler (or its future) failing with it is answered with
 * {@link #status()} instead of 500, and the message is not sent. {@link
 * HttpRequest#bodyBytes(long)} fails with status 413 when the body is larger than its limit; {@link
 * HttpRequest#body( java.lang.reflect.Type, io.beth.codec.Codecs, long)} also with 415 and 400.
 */
public class HttpStatusException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;

  public HttpStatusException(int status, String message) {
    super(message);
    if (status < 100 || status > 999) {
      throw new IllegalArgumentException("status out of range: " + status);
    }
    this.status = status;
  }

  public HttpStatusException(int status, String message, Throwable cause) {
    this(status, message);
    initCause(cause);
  }

  /** The status to answer with. */
  public int status() {
    return status;
  }
}
