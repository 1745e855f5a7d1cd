package io.beth.bootstrap;

import io.beth.codec.Codecs;
import io.beth.http.ClientRequest;
import io.beth.http.ClientResponse;
import io.beth.http.HttpClient;
import io.beth.http.HttpResponse;
import io.beth.http.HttpResponseException;
import io.beth.stream.Source;
import io.beth.stream.Streams;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One call of a route by a generated typed client: the path, query, header, cookie and body values
 * are added in the route's order, then the call is sent and its result decoded.
 *
 * <p>Values are written as the generated router reads them: an enum by its {@link Enum#name()},
 * anything else by {@code String.valueOf} (the inverse of {@code valueOf}, {@code of}, {@code
 * parse} or the {@code String} constructor for the JDK's types and well-behaved value types). A
 * path value is one percent-encoded segment ({@code /} included); query values are percent-encoded;
 * a {@code null} or empty {@code Optional} value is left out, a {@code List} sends each of its
 * values. A body is encoded by the first codec, with its media type; a {@code String} body is sent
 * as UTF-8 {@code text/plain} and a {@code byte[]} body as it is, as the router binds them.
 *
 * <p>Every failure comes through the returned future: a value that cannot be sent (a missing
 * required value, a cookie value with characters a cookie cannot carry, a body the codec cannot
 * encode), the exchange's own failures, and a status outside 2xx as an {@link
 * HttpResponseException} whose response holds the body that came with it (up to {@value
 * #ERROR_BODY_LIMIT} bytes), unless the route returns the whole {@link HttpResponse}. Cancelling
 * the returned future before the response head arrives aborts the exchange.
 */
public final class RouteCall {

  /** How much of an error response's body is kept for its {@link HttpResponseException}. */
  public static final int ERROR_BODY_LIMIT = 64 * 1024;

  private final HttpClient client;
  private final Codecs codecs;
  private final String method;
  private final StringBuilder path;
  private final List<String[]> query = new ArrayList<>();
  private final List<String[]> headers = new ArrayList<>();
  private final StringBuilder cookies = new StringBuilder();
  private Object body;
  private String contentType;
  private RuntimeException failure;

  RouteCall(HttpClient client, String base, Codecs codecs, String method) {
    this.client = client;
    this.codecs = codecs;
    this.method = method;
    this.path = new StringBuilder(base);
  }

  /** Appends the literal path segment {@code segment}. */
  public RouteCall segment(String segment) {
    path.append('/').append(encodeSegment(segment));
    return this;
  }

  /** Appends the value of path placeholder {@code name} as one segment; it must not be null. */
  public RouteCall path(String name, Object value) {
    if (value == null) {
      return fail(new NullPointerException("path parameter '" + name + "' is null"));
    }
    path.append('/').append(encodeSegment(text(value)));
    return this;
  }

  /** Adds query parameter {@code name}: left out when absent, repeated for a list. */
  public RouteCall query(String name, Object value) {
    each(value, v -> query.add(new String[] {name, v}));
    return this;
  }

  /** Adds query parameter {@code name}, which must be present. */
  public RouteCall requiredQuery(String name, Object value) {
    return value == null ? missing("query parameter", name) : query(name, value);
  }

  /** Adds header {@code name}: left out when absent, one line per value of a list. */
  public RouteCall header(String name, Object value) {
    each(value, v -> headers.add(new String[] {name, v}));
    return this;
  }

  /** Adds header {@code name}, which must be present. */
  public RouteCall requiredHeader(String name, Object value) {
    return value == null ? missing("header", name) : header(name, value);
  }

  /** Adds cookie {@code name} to the {@code Cookie} header; left out when absent. */
  public RouteCall cookie(String name, Object value) {
    each(
        value,
        v -> {
          if (!isCookieValue(v)) {
            fail(
                new IllegalArgumentException(
                    "cookie '"
                        + name
                        + "' cannot carry \""
                        + v
                        + "\": a cookie value is ASCII without spaces, quotes, commas, semicolons or"
                        + " backslashes"));
            return;
          }
          cookies.append(cookies.length() == 0 ? "" : "; ").append(name).append('=').append(v);
        });
    return this;
  }

  /** Adds cookie {@code name}, which must be present. */
  public RouteCall requiredCookie(String name, Object value) {
    return value == null ? missing("cookie", name) : cookie(name, value);
  }

  /** Sends {@code value} encoded by the first codec, with its media type. */
  public RouteCall body(Object value) {
    try {
      body = codecs.encoder().encode(value);
      contentType = codecs.encoder().mediaType();
    } catch (Exception e) {
      fail(new IllegalArgumentException("the body cannot be encoded: " + e.getMessage(), e));
    }
    return this;
  }

  /** Sends {@code text} as the body, as {@code text/plain; charset=utf-8}. */
  public RouteCall textBody(CharSequence text) {
    if (text == null) {
      return fail(new NullPointerException("the body text is null"));
    }
    body = text.toString().getBytes(StandardCharsets.UTF_8);
    contentType = "text/plain; charset=utf-8";
    return this;
  }

  /** Sends {@code bytes} as the body, as {@code application/octet-stream}. */
  public RouteCall bytesBody(byte[] bytes) {
    if (bytes == null) {
      return fail(new NullPointerException("the body bytes are null"));
    }
    body = bytes;
    contentType = "application/octet-stream";
    return this;
  }

  /** Sends {@code stream} as the body, chunked, as {@code application/octet-stream}. */
  public RouteCall bodyStream(Source<byte[]> stream) {
    if (stream == null) {
      return fail(new NullPointerException("the body stream is null"));
    }
    body = stream;
    contentType = "application/octet-stream";
    return this;
  }

  /**
   * Sends the call; completes with the body decoded as {@code type} by the codec of its content
   * type ({@code null} for an empty 2xx body such as 204).
   */
  public <T> CompletableFuture<T> value(Type type) {
    CompletableFuture<ClientResponse> exchange = exchange(codecs.encoder().mediaType());
    return cancelling(
        exchange,
        exchange.thenCompose(
            response -> {
              if (!isSuccess(response)) {
                return failed(response);
              }
              return response
                  .bytes()
                  .thenApply(
                      bytes -> {
                        if (bytes.length == 0) {
                          return null;
                        }
                        try {
                          @SuppressWarnings("unchecked")
                          T value =
                              (T)
                                  codecs.decode(
                                      response.headers().get("Content-Type"), bytes, type);
                          return value;
                        } catch (Exception e) {
                          throw new CompletionException(e);
                        }
                      });
            }));
  }

  /**
   * Sends the call for a route returning an {@code Optional}: completes with the body decoded as
   * {@code type}, or empty on {@code 404 Not Found} (the route's empty {@code Optional}, or a path
   * the server does not serve) and on an empty 2xx body; another status fails as {@link #value}
   * does.
   */
  public <T> CompletableFuture<Optional<T>> optional(Type type) {
    CompletableFuture<ClientResponse> exchange = exchange(codecs.encoder().mediaType());
    return cancelling(
        exchange,
        exchange.thenCompose(
            response -> {
              if (response.status() == 404) {
                return response
                    .bytes(ERROR_BODY_LIMIT)
                    .handle(
                        (bytes, error) -> {
                          if (error != null) {
                            response.close();
                          }
                          return Optional.<T>empty();
                        });
              }
              if (!isSuccess(response)) {
                return failed(response);
              }
              return response
                  .bytes()
                  .thenApply(
                      bytes -> {
                        if (bytes.length == 0) {
                          return Optional.<T>empty();
                        }
                        try {
                          @SuppressWarnings("unchecked")
                          T value =
                              (T)
                                  codecs.decode(
                                      response.headers().get("Content-Type"), bytes, type);
                          return Optional.ofNullable(value);
                        } catch (Exception e) {
                          throw new CompletionException(e);
                        }
                      });
            }));
  }

  /** Sends the call; completes with {@code null} once a 2xx response's body has been read. */
  public CompletableFuture<Void> empty() {
    CompletableFuture<ClientResponse> exchange = exchange(null);
    return cancelling(
        exchange,
        exchange.thenCompose(
            response ->
                isSuccess(response)
                    ? response.bytes().thenApply(bytes -> (Void) null)
                    : failed(response)));
  }

  /** Sends the call; completes with the response, whatever its status, its body read. */
  public CompletableFuture<HttpResponse> response() {
    CompletableFuture<ClientResponse> exchange = exchange(null);
    return cancelling(
        exchange,
        exchange.thenCompose(
            response ->
                response
                    .bytes()
                    .thenApply(
                        bytes ->
                            HttpResponse.status(response.status())
                                .headers(response.headers())
                                .body(bytes)
                                .build())));
  }

  /** {@code result}, whose cancellation aborts {@code exchange} (if still waiting for a head). */
  private static <T> CompletableFuture<T> cancelling(
      CompletableFuture<ClientResponse> exchange, CompletableFuture<T> result) {
    result.whenComplete(
        (value, error) -> {
          if (result.isCancelled()) {
            exchange.cancel(true);
          }
        });
    return result;
  }

  private CompletableFuture<ClientResponse> exchange(String accept) {
    if (failure != null) {
      return CompletableFuture.failedFuture(failure);
    }
    ClientRequest.Builder request;
    try {
      request = ClientRequest.builder(method, URI.create(path.toString())).errorStatusFails(false);
      for (String[] q : query) {
        request.query(q[0], q[1]);
      }
      for (String[] h : headers) {
        request.header(h[0], h[1]);
      }
      if (cookies.length() > 0) {
        request.header("Cookie", cookies.toString());
      }
      if (accept != null) {
        request.accept(accept);
      }
      if (body != null) {
        request.body(body).contentType(contentType);
      }
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return client.send(request.build());
  }

  private static boolean isSuccess(ClientResponse response) {
    return response.status() >= 200 && response.status() < 300;
  }

  /** Fails with an {@link HttpResponseException} over the response and its (bounded) body. */
  private static <T> CompletableFuture<T> failed(ClientResponse response) {
    return response
        .bytes(ERROR_BODY_LIMIT)
        .handle(
            (bytes, error) -> {
              if (error != null) {
                response.close();
              }
              byte[] kept = error == null ? bytes : new byte[0];
              Source<byte[]> replay = Streams.fromIterable(List.of(kept));
              throw new HttpResponseException(
                  new ClientResponse(
                      response.uri(), response.status(), response.headers(), replay));
            });
  }

  private RouteCall missing(String kind, String name) {
    return fail(new NullPointerException(kind + " '" + name + "' is required but null"));
  }

  private RouteCall fail(RuntimeException e) {
    if (failure == null) {
      failure = e;
    }
    return this;
  }

  private void each(Object value, java.util.function.Consumer<String> add) {
    if (value instanceof Optional<?> optional) {
      value = optional.orElse(null);
    }
    if (value == null) {
      return;
    }
    if (value instanceof Iterable<?> values) {
      for (Object v : values) {
        if (v != null) {
          add.accept(text(v));
        }
      }
      return;
    }
    add.accept(text(value));
  }

  /** The text of a value: an enum's name, anything else's {@code String.valueOf}. */
  static String text(Object value) {
    return value instanceof Enum<?> e ? e.name() : String.valueOf(value);
  }

  /**
   * {@code segment} percent-encoded as one path segment: unreserved characters and {@code
   * :@!$'()*,} stay; {@code .} and {@code ..} are encoded so no resolver removes them.
   */
  static String encodeSegment(String segment) {
    if (segment.equals(".") || segment.equals("..")) {
      return segment.replace(".", "%2E");
    }
    StringBuilder out = null;
    byte[] bytes = segment.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      if (isSegmentChar(b)) {
        if (out != null) {
          out.append((char) b);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(bytes.length + 8);
        for (int j = 0; j < i; j++) {
          out.append((char) bytes[j]);
        }
      }
      out.append('%')
          .append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
          .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
    }
    return out == null ? segment : out.toString();
  }

  private static boolean isSegmentChar(int b) {
    return (b >= 'a' && b <= 'z')
        || (b >= 'A' && b <= 'Z')
        || (b >= '0' && b <= '9')
        || "-._~:@!$'()*,".indexOf(b) >= 0;
  }

  private static boolean isCookieValue(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x21 || c > 0x7e || c == '"' || c == ',' || c == ';' || c == '\\') {
        return false;
      }
    }
    return true;
  }
}
