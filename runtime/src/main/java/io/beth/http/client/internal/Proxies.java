package io.beth.http.client.internal;

import io.beth.http.ConnectTimeoutException;
import io.beth.http.ProxyConnectException;
import io.beth.http.ProxyOptions;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.proxy.HttpProxyHandler;
import io.netty.handler.proxy.ProxyHandler;
import io.netty.handler.proxy.Socks5ProxyHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Netty's tunnel handlers for a {@link ProxyOptions}, and the failures they report as ours. */
final class Proxies {

  private Proxies() {}

  /**
   * A handler that opens a tunnel through {@code proxy}, at the resolved {@code address}, (HTTP
   * {@code CONNECT} or SOCKS5) to the address the channel connects to, within {@code timeout}.
   */
  static ProxyHandler tunnelHandler(
      ProxyOptions proxy, InetSocketAddress address, Duration timeout) {
    ProxyHandler handler;
    if (proxy.type() == ProxyOptions.Type.SOCKS5) {
      handler = new Socks5ProxyHandler(address, proxy.username(), proxy.password());
    } else if (proxy.username() != null) {
      handler = new HttpProxyHandler(address, proxy.username(), proxy.password());
    } else {
      handler = new HttpProxyHandler(address);
    }
    handler.setConnectTimeoutMillis(timeout.toMillis());
    return handler;
  }

  /** The {@code Proxy-Authorization} value for {@code proxy}, {@code null} without credentials. */
  static String authorization(ProxyOptions proxy) {
    if (proxy.username() == null) {
      return null;
    }
    byte[] token = (proxy.username() + ":" + proxy.password()).getBytes(StandardCharsets.UTF_8);
    return "Basic " + Base64.getEncoder().encodeToString(token);
  }

  /** The header that carries {@link #authorization}. */
  static final CharSequence AUTHORIZATION_HEADER = HttpHeaderNames.PROXY_AUTHORIZATION;

  /**
   * {@code cause} (a refused connection, a failed handshake) as a {@link ProxyConnectException}; a
   * tunnel not opened within the connect timeout as a {@link ConnectTimeoutException}.
   */
  static IOException failure(PoolKey key, Throwable cause) {
    String reason = reason(cause);
    if (cause instanceof io.netty.handler.proxy.ProxyConnectException
        && reason.startsWith("timeout")) {
      ConnectTimeoutException timeout =
          new ConnectTimeoutException(
              key.proxy()
                  + " did not open a tunnel to "
                  + key.authority()
                  + " within the connect timeout");
      timeout.initCause(cause);
      return timeout;
    }
    return new ProxyConnectException(key.proxy(), key.authority(), reason, cause);
  }

  private static String reason(Throwable cause) {
    if (cause instanceof UnresolvedAddressException) {
      return "cannot resolve the proxy's host";
    }
    String message = cause.getMessage();
    if (message == null || message.isBlank()) {
      return cause.getClass().getSimpleName();
    }
    if (cause instanceof io.netty.handler.proxy.ProxyConnectException) {
      // Netty's form: "protocol, auth, proxy => destination[, reason]"
      int arrow = message.indexOf(" => ");
      int comma = arrow < 0 ? -1 : message.indexOf(", ", arrow);
      if (arrow >= 0) {
        return comma < 0 ? "handshake failed" : message.substring(comma + 2);
      }
    }
    return message;
  }
}
