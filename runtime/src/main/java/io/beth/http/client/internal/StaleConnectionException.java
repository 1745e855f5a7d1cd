package io.beth.http.client.internal;

import java.io.IOException;

/** A reused keep-alive connection failed before any response byte: the server had closed it. */
final class StaleConnectionException extends IOException {

  private static final long serialVersionUID = 1L;

  StaleConnectionException(Throwable cause) {
    super("pooled connection closed by the server: " + cause.getMessage(), cause);
  }
}
