package io.beth.websocket;

import io.beth.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/** The server refused the opening handshake: its status, headers and body are kept. */
public final class WebSocketHandshakeException extends WebSocketException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient HttpHeaders headers;
  private final byte[] body;

  /** The refusal with the handshake response's {@code status}, {@code headers} and {@code body}. */
  public WebSocketHandshakeException(String message, int status, HttpHeaders headers, byte[] body) {
    super(message);
    this.status = status;
    this.headers = headers;
    this.body = body.clone();
  }

  /** The HTTP status of the handshake response. */
  public int status() {
    return status;
  }

  /** The headers of the handshake response. */
  public HttpHeaders headers() {
    return headers;
  }

  /** The body of the handshake response. */
  public byte[] body() {
    return body.clone();
  }

  /** The body decoded as UTF-8. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
