package io.beth.http.client.internal;

import java.net.URI;
import java.util.Locale;

/** The origin a pooled connection belongs to. */
public record PoolKey(boolean tls, String host, int port) {

  /** The key of {@code uri}'s origin. */
  public static PoolKey of(URI uri) {
    boolean tls = uri.getScheme().equalsIgnoreCase("https");
    int port = uri.getPort() != -1 ? uri.getPort() : (tls ? 443 : 80);
    return new PoolKey(tls, uri.getHost().toLowerCase(Locale.ROOT), port);
  }

  /** The {@code Host} header value. */
  public String hostHeader() {
    String h = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    return (tls && port == 443) || (!tls && port == 80) ? h : h + ":" + port;
  }
}
