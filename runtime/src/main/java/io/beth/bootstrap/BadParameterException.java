package io.beth.bootstrap;

import io.beth.http.HttpResponse;
import io.beth.http.HttpStatusException;
import java.nio.charset.StandardCharsets;

/**
 * A request value that is missing or does not convert: answered 400 with a JSON error, {@code
 * {"status":400,"error":"Bad Request","message":"Invalid path parameter 'id': ..."}}; a body of a
 * content type no codec reads is the same error with status 415.
 */
public final class BadParameterException extends HttpStatusException {

  private static final long serialVersionUID = 1L;

  /** A 400 with {@code message}. */
  public BadParameterException(String message, Throwable cause) {
    this(400, message, cause);
  }

  /** {@code status} (400 or 415) with {@code message}. */
  public BadParameterException(int status, String message, Throwable cause) {
    super(checked(status), message, cause);
  }

  private static int checked(int status) {
    if (status != 400 && status != 415) {
      throw new IllegalArgumentException("a bad parameter is a 400 or a 415, not " + status);
    }
    return status;
  }

  /** The response naming the parameter, as {@code application/json}. */
  public HttpResponse response() {
    String error = status() == 415 ? "Unsupported Media Type" : "Bad Request";
    String json =
        "{\"status\":"
            + status()
            + ",\"error\":\""
            + error
            + "\",\"message\":"
            + quote(getMessage())
            + "}";
    return HttpResponse.status(status())
        .contentType("application/json")
        .body(json.getBytes(StandardCharsets.UTF_8))
        .build();
  }

  /** {@code text} as a JSON string literal. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
