package io.beth.http;

import static java.util.Objects.requireNonNull;

import java.net.ConnectException;
import java.util.List;

/**
 * The client could not open a TCP connection to the server: refused (nothing listens on the port),
 * the host or network unreachable, or another failure of the connect itself. The message names the
 * destination and the reason; the cause is the transport's own exception. A connect that takes
 * longer than the connect timeout is a {@link ConnectTimeoutException} instead, and a failed
 * connection to a proxy a {@link ProxyConnectException}; a host name that does not resolve fails
 * with {@link java.net.UnknownHostException}.
 */
public final class HttpConnectException extends ConnectException {

  private static final long serialVersionUID = 1L;

  private final String destination;

  /** That connecting to {@code destination} ({@code host:port}) failed with {@code cause}. */
  public HttpConnectException(String destination, Throwable cause) {
    super(
        "cannot connect to "
            + requireNonNull(destination, "destination == null")
            + ": "
            + reason(requireNonNull(cause, "cause == null")));
    this.destination = destination;
    initCause(cause);
  }

  /** The system's reasons, shown bare rather than inside the transport's longer message. */
  private static final List<String> REASONS =
      List.of(
          "Connection refused",
          "No route to host",
          "Network is unreachable",
          "Host is unreachable",
          "Connection reset by peer");

  /** What the transport said, cut to the system's reason when there is one. */
  private static String reason(Throwable cause) {
    String message = cause.getMessage();
    if (message == null) {
      return cause.getClass().getSimpleName();
    }
    for (String reason : REASONS) {
      if (message.contains(reason)) {
        return reason;
      }
    }
    return message;
  }

  /** The server the client tried to reach, {@code host:port}. */
  public String destination() {
    return destination;
  }
}
