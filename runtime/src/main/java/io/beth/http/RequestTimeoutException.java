package io.beth.http;

/** The client timeout that fires when the whole exchange took longer than the request timeout. */
public final class RequestTimeoutException extends HttpTimeoutException {

  private static final long serialVersionUID = 1L;

  public RequestTimeoutException(String message) {
    super(message);
  }
}
