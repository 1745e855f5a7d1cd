package io.beth.http;

import static java.util.Objects.requireNonNull;

import io.beth.bytes.Bytes;
import io.beth.stream.Source;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

/**
 * A request for {@link HttpClient}: method, URI (query parameters merged in), headers and an
 * optional body, which is anything {@link Bytes} converts, a {@link Source} of such (sent chunked),
 * or a value the client's codecs encode ({@link Builder#encodedBody}, {@link Builder#json}).
 * Immutable; made by {@link #builder(String, URI)} or the shorthands.
 */
public final class ClientRequest {

  private final String method;
  private final URI uri;
  private final HttpHeaders headers;
  private final Object body;
  private final Boolean followRedirects;
  private final Boolean errorStatusFails;
  private final Duration timeout;
  private final ProxyOptions proxy;

  private ClientRequest(Builder b) {
    this.method = b.method;
    this.uri = b.uri();
    this.headers = b.headers.build();
    this.body = b.body;
    this.followRedirects = b.followRedirects;
    this.errorStatusFails = b.errorStatusFails;
    this.timeout = b.timeout;
    this.proxy = b.proxy;
  }

  /** A builder of a request with {@code method} (upper-cased) on {@code uri}. */
  public static Builder builder(String method, URI uri) {
    return new Builder(method, uri);
  }

  /** A GET builder. */
  public static Builder get(URI uri) {
    return builder("GET", uri);
  }

  /** A POST builder. */
  public static Builder post(URI uri) {
    return builder("POST", uri);
  }

  /** A PUT builder. */
  public static Builder put(URI uri) {
    return builder("PUT", uri);
  }

  /** A DELETE builder. */
  public static Builder delete(URI uri) {
    return builder("DELETE", uri);
  }

  public String method() {
    return method;
  }

  /** The URI with every query parameter merged in. */
  public URI uri() {
    return uri;
  }

  public HttpHeaders headers() {
    return headers;
  }

  /**
   * The body ({@code byte[]}, String, file, {@link Source}, {@link Multipart}, an {@link
   * EncodedBody} the client encodes when sending, ...) or {@code null}.
   */
  public Object body() {
    return body;
  }

  /** Per-request redirect switch, {@code null} for the client's default. */
  public Boolean followRedirects() {
    return followRedirects;
  }

  /** Per-request switch for failing on 4xx/5xx, {@code null} for the client's default. */
  public Boolean errorStatusFails() {
    return errorStatusFails;
  }

  /** Per-request whole-exchange timeout, {@code null} for the client's default. */
  public Duration timeout() {
    return timeout;
  }

  /** Per-request proxy, {@code null} for the client's. */
  public ProxyOptions proxy() {
    return proxy;
  }

  /** Whether the method is idempotent (RFC 9110), so a failed attempt may be retried. */
  public boolean isIdempotent() {
    switch (method) {
      case "GET":
      case "HEAD":
      case "OPTIONS":
      case "TRACE":
      case "PUT":
      case "DELETE":
        return true;
      default:
        return false;
    }
  }

  /** A builder holding this request's values (with the merged URI). */
  public Builder newBuilder() {
    Builder b = new Builder(method, uri);
    b.headers.addAll(headers);
    b.body = body;
    b.followRedirects = followRedirects;
    b.errorStatusFails = errorStatusFails;
    b.timeout = timeout;
    b.proxy = proxy;
    return b;
  }

  @Override
  public String toString() {
    return method + " " + uri;
  }

  /**
   * A body still to be encoded: the client encodes {@link #value()} with its codecs when the
   * request is sent (see {@link HttpClientOptions.Builder#codecs}), so the value should not change
   * after the request is built.
   */
  public static final class EncodedBody {
    private final Object value;
    private final String mediaType;

    private EncodedBody(Object value, String mediaType) {
      this.value = value;
      this.mediaType = mediaType;
    }

    /** The value to encode. */
    public Object value() {
      return value;
    }

    /** The media type to encode it as, {@code null} for the client's first codec. */
    public String mediaType() {
      return mediaType;
    }
  }

  /** Builds a {@link ClientRequest}. Not thread-safe. */
  public static final class Builder {
    private final String method;
    private final URI base;
    private final StringBuilder query = new StringBuilder();
    private final StringBuilder form = new StringBuilder();
    private final HttpHeaders.Builder headers = HttpHeaders.builder();
    private Object body;
    private Boolean followRedirects;
    private Boolean errorStatusFails;
    private Duration timeout;
    private ProxyOptions proxy;

    private Builder(String method, URI uri) {
      requireNonNull(method, "method == null");
      requireNonNull(uri, "uri == null");
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new IllegalArgumentException("not an http(s) URI: " + uri);
      }
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("URI without a host: " + uri);
      }
      this.method = method.toUpperCase(Locale.ROOT);
      this.base = uri;
    }

    /** Adds a query parameter; it is merged with those already in the URI and encoded. */
    public Builder query(String name, Object value) {
      requireNonNull(name, "name == null");
      requireNonNull(value, "value == null");
      append(query, name, String.valueOf(value), true);
      return this;
    }

    /** Adds a url-encoded form parameter; the body becomes the form. */
    public Builder form(String name, Object value) {
      requireNonNull(name, "name == null");
      requireNonNull(value, "value == null");
      append(form, name, String.valueOf(value), false);
      body = null;
      return this;
    }

    /** Adds a header value. */
    public Builder header(String name, String value) {
      headers.add(name, value);
      return this;
    }

    /** Sets a header, replacing earlier values. */
    public Builder setHeader(String name, String value) {
      headers.set(name, value);
      return this;
    }

    /** Sets {@code Accept}. */
    public Builder accept(String mediaType) {
      return setHeader("Accept", mediaType);
    }

    /** Sets {@code Content-Type}. */
    public Builder contentType(String mediaType) {
      return setHeader("Content-Type", mediaType);
    }

    /** Basic authentication ({@code Authorization: Basic}, UTF-8). */
    public Builder basicAuth(String user, String password) {
      String token =
          Base64.getEncoder()
              .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      return setHeader("Authorization", "Basic " + token);
    }

    /** Bearer authentication ({@code Authorization: Bearer token}). */
    public Builder bearerAuth(String token) {
      return setHeader("Authorization", "Bearer " + token);
    }

    /**
     * The body: anything {@link Bytes#isConvertible} accepts (sent with a length), a {@link Source}
     * of such (sent chunked), or a {@link Multipart} (prefer {@link #multipart}, which also sets
     * the content type).
     */
    public Builder body(Object body) {
      requireNonNull(body, "body == null");
      if (!(body instanceof Multipart) && !Bytes.isConvertibleOrSource(body)) {
        throw new IllegalArgumentException("not convertible to bytes: " + body.getClass());
      }
      this.body = body;
      form.setLength(0);
      return this;
    }

    /**
     * A {@code multipart/form-data} body (sent chunked, files streamed from disk); sets {@code
     * Content-Type} with the boundary.
     */
    public Builder multipart(Multipart multipart) {
      return body(requireNonNull(multipart, "multipart == null"))
          .contentType(multipart.contentType());
    }

    /**
     * A JSON body, encoded when sent by the client's codec for {@code application/json} (Jackson by
     * default); sets {@code Content-Type: application/json}. An encoding failure fails the
     * request's future.
     */
    public Builder json(Object value) {
      contentType("application/json");
      return encoded(new EncodedBody(value, "application/json"));
    }

    /**
     * A body encoded from {@code value} when sent, by the first of the client's codecs (see {@link
     * HttpClientOptions.Builder#codecs}; JSON by default); {@code Content-Type} becomes the codec's
     * media type unless set. An encoding failure fails the request's future.
     */
    public Builder encodedBody(Object value) {
      return encoded(new EncodedBody(value, null));
    }

    private Builder encoded(EncodedBody encoded) {
      this.body = encoded;
      form.setLength(0);
      return this;
    }

    /** Whether to follow redirects for this request (default: the client's setting). */
    public Builder followRedirects(boolean follow) {
      this.followRedirects = follow;
      return this;
    }

    /** Whether 4xx/5xx fail the future for this request (default: the client's setting). */
    public Builder errorStatusFails(boolean fails) {
      this.errorStatusFails = fails;
      return this;
    }

    /** The whole-exchange timeout for this request (default: the client's). */
    public Builder timeout(Duration timeout) {
      this.timeout = HttpClientOptions.positive(timeout, "timeout");
      return this;
    }

    /**
     * The proxy for this request (default: the client's); {@link ProxyOptions#direct()} bypasses
     * the client's proxy. Redirects followed for this request use it too.
     */
    public Builder proxy(ProxyOptions proxy) {
      this.proxy = requireNonNull(proxy, "proxy == null");
      return this;
    }

    public ClientRequest build() {
      if (form.length() > 0) {
        body = form.toString().getBytes(StandardCharsets.US_ASCII);
        if (headers.get("Content-Type") == null) {
          headers.set("Content-Type", "application/x-www-form-urlencoded");
        }
      }
      return new ClientRequest(this);
    }

    private URI uri() {
      if (query.length() == 0) {
        return base;
      }
      String raw = base.toString();
      int hash = raw.indexOf('#');
      if (hash >= 0) {
        raw = raw.substring(0, hash);
      }
      String separator = base.getRawQuery() == null ? "?" : (raw.endsWith("&") ? "" : "&");
      if (base.getRawQuery() == null && raw.endsWith("?")) {
        separator = "";
      }
      return URI.create(raw + separator + query);
    }

    private static void append(StringBuilder to, String name, String value, boolean query) {
      if (to.length() > 0) {
        to.append('&');
      }
      to.append(encode(name, query)).append('=').append(encode(value, query));
    }

    private static String encode(String s, boolean query) {
      String encoded = URLEncoder.encode(s, StandardCharsets.UTF_8);
      return query ? encoded.replace("+", "%20") : encoded;
    }
  }
}
