package io.beth.http;

import io.beth.bytes.ByteSources;
import io.beth.codec.JsonCodec;
import io.beth.stream.Source;
import io.netty.handler.codec.http.cookie.ClientCookieDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * backpressured stream of byte chunks (gzip/deflate already decoded). Read the body once: take
 * from {@link #body()} or use one aggregate helper; {@link #close()} gives it up (the connection
 * is then closed unless the body was complete).
 */
public final class ClientResponse implements AutoCloseable {

  /** The default aggregation limit of the helpers without one: 16 MiB. */
  public static final long DEFAULT_LIMIT = 16L * 1024 * 1024;

  private final URI uri;
  private final int status;
  private final HttpHeaders headers;
  private final Source<byte[]> body;

  /** A response for {@code uri}; made by the client. */
  public ClientResponse(URI uri, int status, HttpHeaders headers, Source<byte[]> body) {
    this.uri = uri;
    this.status = status;
    this.headers = headers;
    this.body = body;
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
      Cookie.Builder b = Cookie.builder(c.name(), c.value())
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

  /** The body decoded with the {@code Content-Type} charset (UTF-8 if none), up to {@code limit}. */
  public CompletableFuture<String> string(long limit) {
    return ByteSources.aggregateString(body, limit, charset());
  }

  /** The body as a string up to {@link #DEFAULT_LIMIT}. */
  public CompletableFuture<String> string() {
    return string(DEFAULT_LIMIT);
  }

  /** The body decoded from JSON by Jackson, up to {@code limit} bytes. */
  public <T> CompletableFuture<T> json(Type type, long limit) {
    return bytes(limit).thenApply(bytes -> {
      try {
        @SuppressWarnings("unchecked")
        T value = (T) JsonCodec.create().decode(bytes, type);
        return value;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** The body decoded from JSON, up to {@link #DEFAULT_LIMIT}. */
  public <T> CompletableFuture<T> json(Class<T> type) {
    return json((Type) type, DEFAULT_LIMIT);
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
