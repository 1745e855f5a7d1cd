package io.beth.http.client.internal;

import io.beth.http.ProxyOptions;
import java.net.URI;
import java.util.Locale;

/**
 * What a pooled connection is for: the origin and the proxy it goes through ({@link
 * ProxyOptions#direct()} for none), so that a proxied connection never serves a direct request or
 * one for another proxy.
 */
public record PoolKey(boolean tls, String host, int port, ProxyOptions proxy) {

  /** The key of {@code uri}'s origin, reached directly. */
  public static PoolKey of(URI uri) {
    return of(uri, ProxyOptions.direct());
  }

  /** The key of {@code uri}'s origin reached through {@code proxy}, unless it bypasses it. */
  public static PoolKey of(URI uri, ProxyOptions proxy) {
    boolean tls = uri.getScheme().equalsIgnoreCase("https");
    int port = uri.getPort() != -1 ? uri.getPort() : (tls ? 443 : 80);
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    return new PoolKey(tls, host, port, proxy.appliesTo(host) ? proxy : ProxyOptions.direct());
  }

  /** Whether requests go to an HTTP proxy in absolute form ({@code http} through an HTTP proxy). */
  public boolean absoluteForm() {
    return !tls && proxy.type() == ProxyOptions.Type.HTTP;
  }

  /** The {@code Host} header value. */
  public String hostHeader() {
    String h = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    return (tls && port == 443) || (!tls && port == 80) ? h : h + ":" + port;
  }

  /** The origin as {@code host:port}, for messages. */
  public String authority() {
    String h = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    return h + ":" + port;
  }

  /** The host without the brackets of an IPv6 literal, as sockets and proxies take it. */
  public String bareHost() {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
