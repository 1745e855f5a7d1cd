package io.beth.websocket;

/** A WebSocket ended abnormally: abrupt disconnect, dead peer, protocol error. */
public class WebSocketException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** An exception with {@code message}. */
  public WebSocketException(String message) {
    super(message);
  }

  /** An exception with {@code message} and {@code cause}. */
  public WebSocketException(String message, Throwable cause) {
    super(message, cause);
  }
}
