package io.beth.transport;

import java.io.IOException;

/**
 * A connection ended abnormally: reset by the peer, a failed write, a TLS failure. The message says
 * what happened and to which peer; the cause is the transport's own exception.
 */
public final class ConnectionException extends IOException {

  private static final long serialVersionUID = 1L;

  /** An exception with a message saying what happened, and the underlying cause. */
  public ConnectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
