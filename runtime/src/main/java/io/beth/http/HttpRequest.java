package io.beth.http;

import io.beth.bytes.BodyTooLargeException;
import io.beth.bytes.ByteSources;
import io.beth.codec.Codec;
import io.beth.codec.Codecs;
import io.beth.codec.TypeToken;
import io.beth.stream.BufferedStream;
import io.beth.stream.Source;
import io.beth.transport.BethResources;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import java.lang.reflect.Type;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * An HTTP request as a server handler receives it: the request head, where it came from, when it
 * arrived, and its body as a stream of bytes.
 *
 * <p>The body has exactly one consumer: use {@link #body()} (byte arrays, copied out of Netty's
 * buffers), {@link #rawBody()} (Netty {@link ByteBuf}s the consumer must release), or one of the
 * aggregating helpers {@link #bodyBytes(long)}, {@link #bodyString(long)} and {@link #body(Type,
 * Codecs, long)} (decoded by a codec), once. The stream applies backpressure: while its consumer
 * does not take, the server stops reading the connection. Once the response has been sent, whatever
 * of the body was not taken is discarded.
 *
 * <p>Immutable apart from the body's consumption; build one with {@link #builder()}.
 */
public final class HttpRequest {

  /** The default limit of the aggregating body helpers: 10 MiB. */
  public static final long DEFAULT_BODY_LIMIT = 10L * 1024 * 1024;

  private final String method;
  private final String uri;
  private final HttpHeaders headers;
  private final String protocol;
  private final String scheme;
  private final InetSocketAddress remoteAddress;
  private final InetSocketAddress localAddress;
  private final boolean keepAlive;
  private final long arrivalNanos;
  private final long bodyLimit;
  private final Source<?> nativeBody;
  private final boolean nativeRaw;
  private final Executor executor;

  private volatile UriParts uriParts;
  private volatile Map<String, String> cookies;
  private Object bodyClaim; // guarded by this: the view handed out, or a marker

  private HttpRequest(Builder b) {
    this.method = b.method;
    this.uri = b.uri;
    this.headers = b.headers;
    this.protocol = b.protocol;
    this.scheme = b.scheme;
    this.remoteAddress = b.remoteAddress;
    this.localAddress = b.localAddress;
    this.keepAlive = b.keepAlive;
    this.arrivalNanos = b.arrivalSet ? b.arrivalNanos : System.nanoTime();
    this.bodyLimit = b.bodyLimit;
    this.nativeBody = b.body;
    this.nativeRaw = b.raw;
    this.executor = b.executor;
  }

  /** A builder for a {@code GET /} request with no headers and no body. */
  public static Builder builder() {
    return new Builder();
  }

  /** The method as sent, such as {@code GET}; methods are case-sensitive. */
  public String method() {
    return method;
  }

  /** The request target exactly as sent: usually a path with an optional query. */
  public String uri() {
    return uri;
  }

  /** The percent-decoded path of {@link #uri()}, without the query. */
  public String path() {
    return parts().path;
  }

  /** The path of {@link #uri()} as sent (still percent-encoded), without the query. */
  public String rawPath() {
    return parts().rawPath;
  }

  /** The query string as sent, without the {@code ?}; empty if none. */
  public String rawQuery() {
    return parts().rawQuery;
  }

  /** The decoded query parameters, each name with its values in order. */
  public Map<String, List<String>> queryParams() {
    return parts().params;
  }

  /** The first value of query parameter {@code name}, or {@code null}. */
  public String queryParam(String name) {
    Objects.requireNonNull(name, "name == null");
    List<String> values = queryParams().get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Every value of query parameter {@code name}; empty if absent. */
  public List<String> queryParams(String name) {
    Objects.requireNonNull(name, "name == null");
    List<String> values = queryParams().get(name);
    return values == null ? List.of() : values;
  }

  private UriParts parts() {
    UriParts parts = uriParts;
    if (parts == null) {
      parts = UriParts.parse(originForm(uri));
      uriParts = parts;
    }
    return parts;
  }

  /** The decoded pieces of a request target; immutable, so safely shared between threads. */
  private static final class UriParts {
    final String path;
    final String rawPath;
    final String rawQuery;
    final Map<String, List<String>> params;

    private UriParts(
        String path, String rawPath, String rawQuery, Map<String, List<String>> params) {
      this.path = path;
      this.rawPath = rawPath;
      this.rawQuery = rawQuery;
      this.params = params;
    }

    static UriParts parse(String target) {
      boolean plain = true;
      for (int i = 0; i < target.length() && plain; i++) {
        char c = target.charAt(i);
        plain = c != '%' && c != '?' && c != '#';
      }
      if (plain) {
        return new UriParts(target, target, "", Map.of());
      }
      QueryStringDecoder d = new QueryStringDecoder(target);
      Map<String, List<String>> params = new LinkedHashMap<>();
      d.parameters().forEach((k, v) -> params.put(k, List.copyOf(v)));
      return new UriParts(d.path(), d.rawPath(), d.rawQuery(), Collections.unmodifiableMap(params));
    }
  }

  private static String originForm(String uri) {
    if (uri.startsWith("/")) {
      return uri;
    }
    int scheme = uri.indexOf("://");
    if (scheme > 0) {
      int slash = uri.indexOf('/', scheme + 3);
      int query = uri.indexOf('?', scheme + 3);
      if (slash < 0 || (query >= 0 && query < slash)) {
        return query < 0 ? "/" : "/" + uri.substring(query);
      }
      return uri.substring(slash);
    }
    return uri;
  }

  /** The header fields. */
  public HttpHeaders headers() {
    return headers;
  }

  /** The first value of header {@code name}, or {@code null}. */
  public String header(String name) {
    return headers.get(name);
  }

  /** The cookies sent in {@code Cookie} headers, by name (the first of duplicates wins). */
  public Map<String, String> cookies() {
    Map<String, String> c = cookies;
    if (c == null) {
      List<String> values = headers.values("Cookie");
      if (values.isEmpty()) {
        c = Map.of();
      } else {
        Map<String, String> map = new LinkedHashMap<>();
        for (String value : values) {
          for (io.netty.handler.codec.http.cookie.Cookie cookie :
              ServerCookieDecoder.LAX.decodeAll(value)) {
            map.putIfAbsent(cookie.name(), cookie.value());
          }
        }
        c = Collections.unmodifiableMap(map);
      }
      cookies = c;
    }
    return c;
  }

  /** The value of cookie {@code name}, or {@code null}. */
  public String cookie(String name) {
    Objects.requireNonNull(name, "name == null");
    return cookies().get(name);
  }

  /** The declared {@code Content-Length}, or -1 if absent or invalid. */
  public long contentLength() {
    String value = headers.get("Content-Length");
    if (value == null) {
      return -1;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The {@code Content-Type}, or {@code null}. */
  public String contentType() {
    return headers.get("Content-Type");
  }

  /** The protocol version, such as {@code HTTP/1.1}. */
  public String protocol() {
    return protocol;
  }

  /** {@code http} or {@code https}. */
  public String scheme() {
    return scheme;
  }

  /** The peer's address, or {@code null} for a request not received from a connection. */
  public InetSocketAddress remoteAddress() {
    return remoteAddress;
  }

  /** The local address the request arrived at, or {@code null}. */
  public InetSocketAddress localAddress() {
    return localAddress;
  }

  /** Whether the client asked to keep the connection open after this exchange. */
  public boolean isKeepAlive() {
    return keepAlive;
  }

  /** {@link System#nanoTime()} when the request head was decoded. */
  public long arrivalNanos() {
    return arrivalNanos;
  }

  /** The limit {@link #bodyBytes()} and {@link #bodyString()} apply, in bytes. */
  public long bodyLimit() {
    return bodyLimit;
  }

  /** The body as a stream of byte arrays; see the class documentation. */
  @SuppressWarnings("unchecked")
  public Source<byte[]> body() {
    synchronized (this) {
      if (bodyClaim instanceof BodyView && !((BodyView) bodyClaim).raw) {
        return (Source<byte[]>) ((BodyView) bodyClaim).source;
      }
      checkUnclaimed("body()");
      Source<byte[]> view;
      if (nativeBody == null) {
        view = emptySource();
      } else if (nativeRaw) {
        view = ((Source<ByteBuf>) nativeBody).map(HttpRequest::copyAndRelease);
      } else {
        view = (Source<byte[]>) nativeBody;
      }
      bodyClaim = new BodyView(view, false);
      return view;
    }
  }

  /**
   * The body as a stream of Netty buffers, each of which the consumer must release. Efficient when
   * the server runs with {@link HttpServerOptions.Builder#rawBodies(boolean)}; otherwise each byte
   * array is wrapped.
   */
  @SuppressWarnings("unchecked")
  public Source<ByteBuf> rawBody() {
    synchronized (this) {
      if (bodyClaim instanceof BodyView && ((BodyView) bodyClaim).raw) {
        return (Source<ByteBuf>) ((BodyView) bodyClaim).source;
      }
      checkUnclaimed("rawBody()");
      Source<ByteBuf> view;
      if (nativeBody == null) {
        view = emptySource();
      } else if (nativeRaw) {
        view = (Source<ByteBuf>) nativeBody;
      } else {
        view = ((Source<byte[]>) nativeBody).map(Unpooled::wrappedBuffer);
      }
      bodyClaim = new BodyView(view, true);
      return view;
    }
  }

  private void checkUnclaimed(String what) {
    if (bodyClaim != null) {
      throw new IllegalStateException(
          "the body has one consumer and was already taken; cannot call " + what + " as well");
    }
  }

  /** The whole body, up to {@link #bodyLimit()} bytes. */
  public CompletableFuture<byte[]> bodyBytes() {
    return bodyBytes(bodyLimit);
  }

  /**
   * The whole body, failing with an {@link HttpStatusException} of status 413 (which a handler may
   * simply pass on) as soon as it exceeds {@code limit} bytes.
   */
  public CompletableFuture<byte[]> bodyBytes(long limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit < 0: " + limit);
    }
    Source<byte[]> body = body();
    long declared = contentLength();
    if (declared > limit) {
      body.close();
      return CompletableFuture.failedFuture(tooLarge(limit, null));
    }
    CompletableFuture<byte[]> result = new CompletableFuture<>();
    ByteSources.aggregate(body, limit)
        .whenComplete(
            (bytes, error) -> {
              Throwable cause =
                  error instanceof CompletionException && error.getCause() != null
                      ? error.getCause()
                      : error;
              if (cause instanceof BodyTooLargeException) {
                result.completeExceptionally(tooLarge(limit, cause));
              } else if (cause != null) {
                result.completeExceptionally(cause);
              } else {
                result.complete(bytes);
              }
            });
    return result;
  }

  private static HttpStatusException tooLarge(long limit, Throwable cause) {
    HttpStatusException e =
        new HttpStatusException(413, "request body larger than " + limit + " bytes");
    if (cause != null) {
      e.initCause(cause);
    }
    return e;
  }

  /** The whole body as text, up to {@link #bodyLimit()} bytes. */
  public CompletableFuture<String> bodyString() {
    return bodyString(bodyLimit);
  }

  /**
   * The whole body as text in the charset of its {@code Content-Type} (UTF-8 if none), up to {@code
   * limit} bytes; see {@link #bodyBytes(long)}.
   */
  public CompletableFuture<String> bodyString(long limit) {
    Charset charset = charset(contentType());
    return bodyBytes(limit).thenApply(bytes -> new String(bytes, charset));
  }

  /**
   * The whole body decoded as {@code type} by {@link Codecs#defaults()} (JSON through Jackson), up
   * to {@link #bodyLimit()} bytes; see {@link #body(Type, Codecs, long)}.
   */
  public <T> CompletableFuture<T> body(Class<T> type) {
    return body(type, Codecs.defaults(), bodyLimit);
  }

  /** The whole body decoded as the captured generic type by {@link Codecs#defaults()}. */
  public <T> CompletableFuture<T> body(TypeToken<T> type) {
    Objects.requireNonNull(type, "type == null");
    return body(type.type(), Codecs.defaults(), bodyLimit);
  }

  /** The whole body decoded as {@code type} by {@code codecs}, up to {@link #bodyLimit()} bytes. */
  public <T> CompletableFuture<T> body(Type type, Codecs codecs) {
    return body(type, codecs, bodyLimit);
  }

  /**
   * The whole body, up to {@code limit} bytes, decoded as {@code type} by the first of {@code
   * codecs} that reads its {@code Content-Type}. Fails with an {@link HttpStatusException}, which a
   * handler may simply pass on: 413 when the body exceeds {@code limit}, 415 when no codec reads
   * its content type, 400 when the codec cannot decode it (the reason is in the exception, never on
   * the wire). Decoding runs on the thread that completes the body, often the connection's event
   * loop: a server taking large bodies may lower {@code limit}, or decode {@link #bodyBytes(long)}
   * on {@link #executor()} itself.
   */
  @SuppressWarnings("unchecked")
  public <T> CompletableFuture<T> body(Type type, Codecs codecs, long limit) {
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(codecs, "codecs == null");
    String contentType = contentType();
    Codec codec = codecs.forContentType(contentType);
    if (codec == null) { // refused before a byte is read
      body().close();
      Codecs.UnsupportedMediaTypeException unsupported =
          new Codecs.UnsupportedMediaTypeException(contentType);
      return CompletableFuture.failedFuture(
          new HttpStatusException(415, unsupported.getMessage(), unsupported));
    }
    CompletableFuture<T> result = new CompletableFuture<>();
    bodyBytes(limit)
        .whenComplete(
            (bytes, error) -> {
              if (error != null) {
                result.completeExceptionally(
                    error instanceof CompletionException && error.getCause() != null
                        ? error.getCause()
                        : error);
                return;
              }
              T value;
              try {
                value = (T) codec.decode(bytes, type);
              } catch (Exception e) {
                result.completeExceptionally(
                    new HttpStatusException(
                        400,
                        "cannot decode the request body as "
                            + type.getTypeName()
                            + ": "
                            + shortReason(e),
                        e));
                return;
              }
              result.complete(value);
            });
    return result;
  }

  /** The first line of {@code e}'s message, at most 200 characters. */
  private static String shortReason(Exception e) {
    String message = e.getMessage();
    if (message == null) {
      return e.getClass().getSimpleName();
    }
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    return line.length() <= 200 ? line : line.substring(0, 200) + "...";
  }

  static Charset charset(String contentType) {
    if (contentType != null) {
      for (String param : contentType.split(";")) {
        String p = param.trim();
        if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
          String name = p.substring(8).trim().replace("\"", "");
          try {
            return Charset.forName(name);
          } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
          }
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  private static byte[] copyAndRelease(ByteBuf buf) {
    try {
      return ByteBufUtil.getBytes(buf);
    } finally {
      buf.release();
    }
  }

  private static <T> Source<T> emptySource() {
    BufferedStream<T> empty = BufferedStream.create(0);
    empty.close();
    return empty;
  }

  /**
   * The executor on which the server runs handlers that may block (see {@link
   * HttpHandler#isBlocking()}): a non-blocking handler hands work that may block to it. A request
   * built without one answers the shared default's ({@link BethResources#shared()}).
   */
  public Executor executor() {
    return executor != null ? executor : BethResources.shared().blockingExecutor();
  }

  /** A builder holding this request's head, addresses and body. */
  public Builder newBuilder() {
    Builder b = new Builder();
    b.method = method;
    b.uri = uri;
    b.headers = headers;
    b.protocol = protocol;
    b.scheme = scheme;
    b.remoteAddress = remoteAddress;
    b.localAddress = localAddress;
    b.keepAlive = keepAlive;
    b.arrivalNanos = arrivalNanos;
    b.arrivalSet = true;
    b.bodyLimit = bodyLimit;
    b.body = nativeBody;
    b.raw = nativeRaw;
    b.executor = executor;
    return b;
  }

  @Override
  public String toString() {
    return "HttpRequest[" + method + " " + uri + " " + protocol + "]";
  }

  private static final class BodyView {
    final Source<?> source;
    final boolean raw;

    BodyView(Source<?> source, boolean raw) {
      this.source = source;
      this.raw = raw;
    }
  }

  /** Builds an {@link HttpRequest}; not thread-safe. */
  public static final class Builder {
    private String method = "GET";
    private String uri = "/";
    private HttpHeaders headers = HttpHeaders.EMPTY;
    private String protocol = "HTTP/1.1";
    private String scheme = "http";
    private InetSocketAddress remoteAddress;
    private InetSocketAddress localAddress;
    private boolean keepAlive = true;
    private long arrivalNanos;
    private boolean arrivalSet;
    private long bodyLimit = DEFAULT_BODY_LIMIT;
    private Source<?> body;
    private boolean raw;
    private Executor executor;

    Builder() {}

    public Builder method(String method) {
      Objects.requireNonNull(method, "method == null");
      if (method.isEmpty()) {
        throw new IllegalArgumentException("method is empty");
      }
      this.method = method;
      return this;
    }

    public Builder uri(String uri) {
      Objects.requireNonNull(uri, "uri == null");
      if (uri.isEmpty()) {
        throw new IllegalArgumentException("uri is empty");
      }
      this.uri = uri;
      return this;
    }

    public Builder headers(HttpHeaders headers) {
      this.headers = Objects.requireNonNull(headers, "headers == null");
      return this;
    }

    /** Replaces every value of header {@code name} with {@code value}. */
    public Builder header(String name, String value) {
      this.headers = headers.newBuilder().set(name, value).build();
      return this;
    }

    public Builder protocol(String protocol) {
      this.protocol = Objects.requireNonNull(protocol, "protocol == null");
      return this;
    }

    public Builder scheme(String scheme) {
      this.scheme = Objects.requireNonNull(scheme, "scheme == null");
      return this;
    }

    public Builder remoteAddress(InetSocketAddress remoteAddress) {
      this.remoteAddress = remoteAddress;
      return this;
    }

    public Builder localAddress(InetSocketAddress localAddress) {
      this.localAddress = localAddress;
      return this;
    }

    public Builder keepAlive(boolean keepAlive) {
      this.keepAlive = keepAlive;
      return this;
    }

    /** The {@link System#nanoTime()} of arrival; defaults to the time of {@link #build()}. */
    public Builder arrivalNanos(long arrivalNanos) {
      this.arrivalNanos = arrivalNanos;
      this.arrivalSet = true;
      return this;
    }

    /** The limit of the aggregating body helpers; defaults to {@link #DEFAULT_BODY_LIMIT}. */
    public Builder bodyLimit(long bodyLimit) {
      if (bodyLimit < 0) {
        throw new IllegalArgumentException("bodyLimit < 0: " + bodyLimit);
      }
      this.bodyLimit = bodyLimit;
      return this;
    }

    /** The body as a stream of byte arrays. */
    public Builder body(Source<byte[]> body) {
      this.body = Objects.requireNonNull(body, "body == null");
      this.raw = false;
      return this;
    }

    /** A body of exactly {@code bytes}. */
    public Builder body(byte[] bytes) {
      Objects.requireNonNull(bytes, "bytes == null");
      BufferedStream<byte[]> stream = BufferedStream.create(1);
      if (bytes.length > 0) {
        stream.put(bytes);
      }
      stream.close();
      return body(stream);
    }

    /** A UTF-8 body of {@code text}. */
    public Builder body(String text) {
      Objects.requireNonNull(text, "text == null");
      return body(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The body as a stream of Netty buffers that its consumer releases. */
    public Builder rawBody(Source<ByteBuf> body) {
      this.body = Objects.requireNonNull(body, "body == null");
      this.raw = true;
      return this;
    }

    /** The executor for work that may block; by default the shared resources' one. */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor == null");
      return this;
    }

    public HttpRequest build() {
      return new HttpRequest(this);
    }
  }
}
