package io.beth.http;

/** The client timeout that fires when no data was read for longer than the read-idle timeout. */
public final class ReadTimeoutException extends HttpTimeoutException {

  private static final long serialVersionUID = 1L;

  public ReadTimeoutException(String message) {
    super(message);
  }
}
