package io.beth.bootstrap;

import static java.util.Objects.requireNonNull;

import io.beth.codec.Codecs;
import io.beth.http.HttpClient;
import java.net.URI;

/**
 * What a generated typed client holds: the {@link HttpClient} it sends with, the base URI its
 * routes' paths are appended to, and the codecs of bodies and results. Each method of the client
 * starts a {@link RouteCall} with {@link #call(String)}.
 */
public final class RouteClient {

  private final HttpClient client;
  private final String base;
  private final Codecs codecs;

  private RouteClient(HttpClient client, URI baseUri, Codecs codecs) {
    this.client = requireNonNull(client, "client == null");
    this.codecs = requireNonNull(codecs, "codecs == null");
    requireNonNull(baseUri, "baseUri == null");
    String scheme = baseUri.getScheme();
    if (scheme == null
        || baseUri.getRawAuthority() == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
      throw new IllegalArgumentException("baseUri must be an absolute http(s) URI, not " + baseUri);
    }
    String path = baseUri.getRawPath() == null ? "" : baseUri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    this.base = scheme + "://" + baseUri.getRawAuthority() + path;
  }

  /** A client of routes under {@code baseUri}, sending with {@code client}. */
  public static RouteClient of(HttpClient client, URI baseUri, Codecs codecs) {
    return new RouteClient(client, baseUri, codecs);
  }

  /** A new call of a route with HTTP method {@code method}. */
  public RouteCall call(String method) {
    return new RouteCall(client, base, codecs, method);
  }
}
