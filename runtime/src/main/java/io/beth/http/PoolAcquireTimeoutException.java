package io.beth.http;

/**
 * The client timeout that fires when no pooled connection became available within the pool-acquire
 * timeout.
 */
public final class PoolAcquireTimeoutException extends HttpTimeoutException {

  private static final long serialVersionUID = 1L;

  public PoolAcquireTimeoutException(String message) {
    super(message);
  }
}
