package io.beth.bootstrap;

import io.beth.http.HttpResponse;
import io.beth.http.HttpStatusException;
import java.nio.charset.StandardCharsets;

/**
 * A request value that is missing or does not convert: answered 400 with a JSON error, {@code
 * {"status":400,"error":"Bad Request","message":"Invalid path parameter 'id': ..."}}.
 */
public final class BadParameterException extends HttpStatusException {

  private static final long serialVersionUID = 1L;

  public BadParameterException(String message, Throwable cause) {
    super(400, message, cause);
  }

  /** The 400 response naming the parameter, as {@code application/json}. */
  public HttpResponse response() {
    String json = "{\"status\":400,\"error\":\"Bad Request\",\"message\":" + quote(getMessage())
        + "}";
    return HttpResponse.status(400)
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
