package io.beth.http;

/**
 * The client timeout that fires when connecting to the server took longer than the connect timeout.
 */
public final class ConnectTimeoutException extends HttpTimeoutException {

  private static final long serialVersionUID = 1L;

  public ConnectTimeoutException(String message) {
    super(message);
  }
}
