package io.beth.http;

import io.beth.bytes.ByteSources;
import io.beth.codec.Codec;
import io.beth.codec.Codecs;
import io.beth.stream.Source;
import io.netty.handler.codec.http.cookie.ClientCookieDecoder;
import java.io.IOException;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * A response received by {@link HttpClient}: status, headers, cookies and the body as a
 * backpressured stream of byte chunks (gzip/deflate already decoded). Read the body once: take from
 * {@link #body()} or use one aggregate helper (bytes, string, or a value decoded by the client's
 * codecs with {@link #decode}); {@link #close()} gives it up (the connection is then closed unless
 * the body was complete).
 */
public final class ClientResponse implements AutoCloseable {

  /** The default aggregation limit of the helpers without one: 16 MiB. */
  public static final long DEFAULT_LIMIT = 16L * 1024 * 1024;

  private final URI uri;
  private final int status;
  private final HttpHeaders headers;
  private final Source<byte[]> body;

  /** The client's codecs, {@code null} for {@link Codecs#defaults()}. */
  private final Codecs codecs;

  /** A response for {@code uri} decoding with {@link Codecs#defaults()}. */
  public ClientResponse(URI uri, int status, HttpHeaders headers, Source<byte[]> body) {
    this(uri, status, headers, body, null);
  }

  /**
   * A response for {@code uri} decoding with {@code codecs} ({@code null} for {@link
   * Codecs#defaults()}); made by the client.
   */
  public ClientResponse(
      URI uri, int status, HttpHeaders headers, Source<byte[]> body, Codecs codecs) {
    this.uri = uri;
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.codecs = codecs;
  }

  /** The URI this response answered (the last one, after redirects). */
  public URI uri() {
    return uri;
  }

  public int status() {
    return status;
  }

  public HttpHeaders headers() {
    return headers;
  }

  /** The cookies of the {@code Set-Cookie} headers; malformed ones are skipped. */
  public List<Cookie> cookies() {
    List<Cookie> cookies = new ArrayList<>();
    for (String header : headers.values("Set-Cookie")) {
      io.netty.handler.codec.http.cookie.Cookie c = ClientCookieDecoder.LAX.decode(header);
      if (c == null) {
        continue;
      }
      Cookie.Builder b =
          Cookie.builder(c.name(), c.value())
              .domain(c.domain())
              .path(c.path())
              .secure(c.isSecure())
              .httpOnly(c.isHttpOnly());
      if (c.maxAge() != Long.MIN_VALUE) {
        b.maxAge(Duration.ofSeconds(Math.max(0, c.maxAge())));
      }
      cookies.add(b.build());
    }
    return cookies;
  }

  /** The body as a stream of chunks; closing it aborts the rest of the exchange. */
  public Source<byte[]> body() {
    return body;
  }

  /** The whole body, failing with a {@code BodyTooLargeException} past {@code limit} bytes. */
  public CompletableFuture<byte[]> bytes(long limit) {
    return ByteSources.aggregate(body, limit);
  }

  /** The whole body up to {@link #DEFAULT_LIMIT}. */
  public CompletableFuture<byte[]> bytes() {
    return bytes(DEFAULT_LIMIT);
  }

  /**
   * The body decoded with the {@code Content-Type} charset (UTF-8 if none), up to {@code limit}.
   */
  public CompletableFuture<String> string(long limit) {
    return ByteSources.aggregateString(body, limit, charset());
  }

  /** The body as a string up to {@link #DEFAULT_LIMIT}. */
  public CompletableFuture<String> string() {
    return string(DEFAULT_LIMIT);
  }

  /**
   * The body decoded from JSON whatever its {@code Content-Type}, up to {@code limit} bytes, by the
   * client's codec for {@code application/json} (Jackson by default); a decoding failure fails the
   * future with the codec's {@link IOException}, as {@link #decode(Type, long)} does.
   */
  public <T> CompletableFuture<T> json(Type type, long limit) {
    return decoded(
        limit,
        bytes -> {
          Codec json = codecs == null ? null : codecs.forContentType("application/json");
          return (json != null ? json : Codecs.defaults().encoder()).decode(bytes, type);
        });
  }

  /** The body decoded from JSON, up to {@link #DEFAULT_LIMIT}. */
  public <T> CompletableFuture<T> json(Class<T> type) {
    return json((Type) type, DEFAULT_LIMIT);
  }

  /**
   * The body, up to {@code limit} bytes, decoded as {@code type} by the first of the client's
   * codecs that reads its {@code Content-Type} (see {@link HttpClientOptions.Builder#codecs}); the
   * future fails with the codec's {@link IOException}, or {@link
   * Codecs.UnsupportedMediaTypeException} when no codec reads the type.
   */
  public <T> CompletableFuture<T> decode(Type type, long limit) {
    return decoded(
        limit,
        bytes ->
            (codecs != null ? codecs : Codecs.defaults())
                .decode(headers.get("Content-Type"), bytes, type));
  }

  /** Turns the whole body into a value; the future fails with what it throws. */
  private interface BodyDecoder {
    Object decode(byte[] bytes) throws IOException;
  }

  /** The whole body, up to {@code limit} bytes, through {@code decoder}. */
  @SuppressWarnings("unchecked")
  private <T> CompletableFuture<T> decoded(long limit, BodyDecoder decoder) {
    return bytes(limit)
        .thenCompose(
            bytes -> {
              try {
                return CompletableFuture.completedFuture((T) decoder.decode(bytes));
              } catch (IOException e) {
                return CompletableFuture.failedFuture(e);
              }
            });
  }

  /**
   * The body decoded as {@code type} (see {@link #decode(Type, long)}), up to the default limit.
   */
  public <T> CompletableFuture<T> decode(Type type) {
    return decode(type, DEFAULT_LIMIT);
  }

  /**
   * The body decoded as {@code type} (see {@link #decode(Type, long)}), up to the default limit.
   */
  public <T> CompletableFuture<T> decode(Class<T> type) {
    return decode((Type) type, DEFAULT_LIMIT);
  }

  /** The charset of {@code Content-Type}, UTF-8 when absent or unknown. */
  public Charset charset() {
    String type = headers.get("Content-Type");
    if (type != null) {
      for (String param : type.split(";")) {
        String p = param.trim();
        if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
          String name = p.substring(8).trim().replace("\"", "");
          try {
            return Charset.forName(name);
          } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
          }
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  /** Gives up the body; see the class documentation. */
  @Override
  public void close() {
    body.close();
  }

  @Override
  public String toString() {
    return "ClientResponse{" + status + " " + uri + "}";
  }
}
