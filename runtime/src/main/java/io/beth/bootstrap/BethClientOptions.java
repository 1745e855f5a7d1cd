package io.beth.bootstrap;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where generated typed clients send their requests. The base URI of route interface {@code Api}
 * is, first match wins:
 *
 * <ol>
 *   <li>{@link Builder#baseUri(Class, URI)} for {@code Api};
 *   <li>the system property {@code beth.client.<binary name of Api>.uri}, such as {@code
 *       -Dbeth.client.com.example.UserApi.uri=http://users:8080};
 *   <li>{@link Builder#baseUri(URI)}, the default of every interface;
 *   <li>the system property {@code beth.client.uri}.
 * </ol>
 *
 * A route's path is appended to the base URI's path: base {@code http://host/api} and route {@code
 * /users/{id}} call {@code http://host/api/users/7}.
 *
 * <pre>{@code
 * BethClientOptions options = BethClientOptions.builder()
 *     .baseUri(UserApi.class, URI.create("http://localhost:8080"))
 *     .build();
 * }</pre>
 */
public final class BethClientOptions {

  /** The system property giving every interface's default base URI. */
  public static final String URI_PROPERTY = "beth.client.uri";

  /** No programmatic base URIs: only the system properties (read on each look-up) apply. */
  public static final BethClientOptions DEFAULT = builder().build();

  private final URI defaultUri;
  private final Map<Class<?>, URI> uris;

  private BethClientOptions(Builder b) {
    this.defaultUri = b.defaultUri;
    this.uris = Collections.unmodifiableMap(new LinkedHashMap<>(b.uris));
  }

  /** No programmatic base URIs: {@link #DEFAULT}. */
  public static BethClientOptions defaults() {
    return DEFAULT;
  }

  /** A builder with no base URIs. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.defaultUri = defaultUri;
    b.uris.putAll(uris);
    return b;
  }

  /**
   * The system property naming the base URI of {@code api}: {@code beth.client.<binary name>.uri}.
   */
  public static String uriProperty(Class<?> api) {
    return "beth.client." + api.getName() + ".uri";
  }

  /**
   * The base URI of the client of {@code api}; fails with an {@link IllegalStateException} that
   * says how to configure one when none is set.
   */
  public URI baseUri(Class<?> api) {
    requireNonNull(api, "api == null");
    URI uri = uris.get(api);
    if (uri != null) {
      return uri;
    }
    String property = uriProperty(api);
    String value = System.getProperty(property);
    if (value != null) {
      return checked(value, property);
    }
    if (defaultUri != null) {
      return defaultUri;
    }
    value = System.getProperty(URI_PROPERTY);
    if (value != null) {
      return checked(value, URI_PROPERTY);
    }
    throw new IllegalStateException(
        "No base URI for the client of "
            + api.getName()
            + ": set BethClientOptions.builder().baseUri("
            + api.getSimpleName()
            + ".class, uri), the system property "
            + property
            + ", or a default for every client"
            + " with BethClientOptions.builder().baseUri(uri) or -D"
            + URI_PROPERTY
            + "=http://host:port");
  }

  private static URI checked(String value, String what) {
    try {
      return check(new URI(value.trim()), what);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(what + " is not a URI: " + value, e);
    }
  }

  private static URI check(URI uri, String what) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          what
              + " must be an absolute http(s) URI with a host,"
              + " such as http://localhost:8080, not "
              + uri);
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(what + " must have no query or fragment: " + uri);
    }
    return uri;
  }

  /** Builds {@link BethClientOptions}. */
  public static final class Builder {
    private URI defaultUri;
    private final Map<Class<?>, URI> uris = new LinkedHashMap<>();

    Builder() {}

    /** The base URI of every client not given its own. */
    public Builder baseUri(URI uri) {
      this.defaultUri = check(requireNonNull(uri, "uri == null"), "the default base URI");
      return this;
    }

    /** The base URI of the client of route interface {@code api}, over every other source. */
    public Builder baseUri(Class<?> api, URI uri) {
      requireNonNull(api, "api == null");
      uris.put(api, check(requireNonNull(uri, "uri == null"), "the base URI of " + api.getName()));
      return this;
    }

    public BethClientOptions build() {
      return new BethClientOptions(this);
    }
  }
}
