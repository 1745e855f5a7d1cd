package io.beth.http.client.internal;

import java.io.IOException;

/**
 * A reused keep-alive connection failed before any response byte: the server had closed it. {@link
 * #unsent()} tells whether the request was found unsent (nothing of it left), which makes a retry
 * safe whatever the method.
 */
final class StaleConnectionException extends IOException {

  private static final long serialVersionUID = 1L;

  private final boolean unsent;

  StaleConnectionException(Throwable cause, boolean unsent) {
    super("pooled connection closed by the server: " + cause.getMessage(), cause);
    this.unsent = unsent;
  }

  /** Whether the connection was found closed before any byte of the request was written. */
  boolean unsent() {
    return unsent;
  }
}
