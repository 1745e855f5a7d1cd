package io.beth.websocket;

import java.util.Objects;

/**
 * The status a WebSocket ended with: the code and reason of the close frame received from the peer
 * (or sent to it when this side detected a protocol error), {@link #NO_STATUS} (1005) when the
 * peer's close frame had no code, or {@link #ABNORMAL} (1006) when the connection ended without a
 * close frame.
 *
 * @param code the close code
 * @param reason the close reason, possibly empty
 */
public record CloseStatus(int code, String reason) {

  /** Normal closure. */
  public static final int NORMAL = 1000;

  /** The endpoint is going away. */
  public static final int GOING_AWAY = 1001;

  /** Protocol error. */
  public static final int PROTOCOL_ERROR = 1002;

  /** The peer's close frame carried no status code (never sent on the wire). */
  public static final int NO_STATUS = 1005;

  /** No close frame: the connection ended abruptly (never sent on the wire). */
  public static final int ABNORMAL = 1006;

  /** A text message was not valid UTF-8. */
  public static final int INVALID_PAYLOAD = 1007;

  /** A message was larger than the maximum message size. */
  public static final int MESSAGE_TOO_BIG = 1009;

  /** An unexpected condition on the server. */
  public static final int INTERNAL_ERROR = 1011;

  /** Checks the reason is not null. */
  public CloseStatus {
    Objects.requireNonNull(reason, "reason == null");
  }

  /**
   * Whether an endpoint may send {@code code} in a close frame (RFC 6455 7.4 and the IANA
   * registry): 1000-1003, 1007-1014 and 3000-4999; never 1004, 1005, 1006 or 1015, which only
   * report what happened.
   */
  public static boolean maySend(int code) {
    return (code >= 1000 && code <= 1003)
        || (code >= 1007 && code <= 1014)
        || (code >= 3000 && code <= 4999);
  }
}
