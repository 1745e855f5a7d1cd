package io.beth.http;

import static java.util.Objects.requireNonNull;

import java.io.IOException;

/**
 * The proxy did not give a way to the origin: it refused the connection, asked for credentials
 * (407) or rejected them, answered {@code CONNECT} with another status than 2xx, or failed the
 * SOCKS5 handshake. The message names the proxy, the destination and the reason.
 */
public final class ProxyConnectException extends IOException {

  private static final long serialVersionUID = 1L;

  private final transient ProxyOptions proxy;
  private final String destination;
  private final String reason;

  public ProxyConnectException(
      ProxyOptions proxy, String destination, String reason, Throwable cause) {
    super(
        requireNonNull(proxy, "proxy == null")
            + " failed to reach "
            + requireNonNull(destination, "destination == null")
            + ": "
            + requireNonNull(reason, "reason == null"),
        cause);
    this.proxy = proxy;
    this.destination = destination;
    this.reason = reason;
  }

  /** The proxy that failed. */
  public ProxyOptions proxy() {
    return proxy;
  }

  /** The origin the proxy was asked to reach, {@code host:port}. */
  public String destination() {
    return destination;
  }

  /** Why, e.g. {@code status: 407 Proxy Authentication Required} or {@code Connection refused}. */
  public String reason() {
    return reason;
  }
}
