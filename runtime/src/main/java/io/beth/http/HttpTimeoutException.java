package io.beth.http;

import java.io.IOException;

/** A client timeout fired; the subclass says which one. */
public abstract class HttpTimeoutException extends IOException {

  private static final long serialVersionUID = 1L;

  protected HttpTimeoutException(String message) {
    super(message);
  }
}
