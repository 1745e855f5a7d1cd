package io.beth.bootstrap;

import io.beth.http.HttpResponse;
import io.beth.http.HttpStatusException;

/** A request value that is missing or does not convert: answered 400 with the reason as text. */
public final class BadParameterException extends HttpStatusException {

  private static final long serialVersionUID = 1L;

  public BadParameterException(String message, Throwable cause) {
    super(400, message, cause);
  }

  /** The 400 response naming the parameter. */
  public HttpResponse response() {
    return HttpResponse.status(400).body(getMessage() + "\n").build();
  }
}
