package io.beth.http.client.internal;

import io.beth.bytes.ByteSources;
import io.beth.bytes.Bytes;
import io.beth.codec.Codec;
import io.beth.codec.Codecs;
import io.beth.http.ClientRequest;
import io.beth.http.ClientResponse;
import io.beth.http.Cookie;
import io.beth.http.CookieStore;
import io.beth.http.HttpClientOptions;
import io.beth.http.HttpHeaders;
import io.beth.http.HttpResponseException;
import io.beth.http.Multipart;
import io.beth.http.ProxyConnectException;
import io.beth.http.RequestTimeoutException;
import io.beth.http.TooManyRedirectsException;
import io.beth.stream.Source;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * One call of the client: acquires a connection, runs the exchange, retries once on a stale pooled
 * connection (any request found unsent; an idempotent, replayable one even if written), follows
 * redirects, applies the status policy and the whole-call timeout, and aborts the exchange when the
 * caller cancels.
 */
public final class ClientCall {

  private final ConnectionPool pool;
  private final HttpClientOptions options;
  private final Executor blocking;
  private final CompletableFuture<ClientResponse> result = new CompletableFuture<>();
  private final boolean followRedirects;
  private final boolean errorStatusFails;
  private final boolean unsafeRedirects;
  private final CookieStore cookies;
  private volatile Exchange current;

  /** The connection being acquired for the current attempt. */
  private volatile CompletableFuture<PooledConnection> acquiring;

  private volatile ScheduledFuture<?> timer;

  private ClientCall(
      ConnectionPool pool, HttpClientOptions options, Executor blocking, ClientRequest request) {
    this.pool = pool;
    this.options = options;
    this.blocking = blocking;
    this.followRedirects =
        request.followRedirects() != null ? request.followRedirects() : options.followRedirects();
    this.errorStatusFails =
        request.errorStatusFails() != null
            ? request.errorStatusFails()
            : options.errorStatusFails();
    this.unsafeRedirects = options.redirectUnsafeMethods();
    this.cookies = options.cookieStore();
  }

  /** Starts {@code request}; the future completes with the final response head. */
  static CompletableFuture<ClientResponse> start(
      ConnectionPool pool,
      HttpClientOptions options,
      EventLoopGroup group,
      Executor blocking,
      ClientRequest request) {
    ClientCall call = new ClientCall(pool, options, blocking, request);
    Duration timeout = request.timeout() != null ? request.timeout() : options.requestTimeout();
    if (timeout != null) {
      call.timer = group.next().schedule(call::timedOut, timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
    call.result.whenComplete(
        (r, e) -> {
          if (call.result.isCancelled()) {
            call.abort(null);
          }
          if (e != null) {
            call.giveUpAcquisition();
          }
          if (e != null && call.timer != null) {
            call.timer.cancel(false);
          }
        });
    Object body = request.body();
    if (body instanceof ByteBuf || body instanceof ByteBuffer) {
      request = request.newBuilder().body(Bytes.toByteArray(body)).build();
    } else if (body instanceof ClientRequest.EncodedBody encoded) {
      try {
        request = encode(request, encoded, options.codecs());
      } catch (Exception e) {
        call.result.completeExceptionally(e);
        return call.result;
      }
    }
    call.attempt(request, options.maxRedirects(), false);
    return call.result;
  }

  /** {@code request} with its value encoded into bytes by {@code codecs} (null: the defaults). */
  private static ClientRequest encode(
      ClientRequest request, ClientRequest.EncodedBody body, Codecs codecs) throws IOException {
    Codec codec = codec(body, codecs != null ? codecs : Codecs.defaults());
    ClientRequest.Builder b = request.newBuilder().body(codec.encode(body.value()));
    if (request.headers().get("Content-Type") == null) {
      b.contentType(codec.mediaType());
    }
    return b.build();
  }

  /**
   * The codec of {@code codecs} that encodes {@code body}: the first, or the one that reads its
   * media type (Jackson of {@link Codecs#defaults()} for JSON if none does).
   */
  private static Codec codec(ClientRequest.EncodedBody body, Codecs codecs) {
    String mediaType = body.mediaType();
    if (mediaType == null) {
      return codecs.encoder();
    }
    Codec codec = codecs.forContentType(mediaType);
    if (codec == null && mediaType.equals("application/json")) {
      codec = Codecs.defaults().encoder();
    }
    if (codec == null) {
      throw new IllegalArgumentException("no codec writes " + mediaType);
    }
    return codec;
  }

  private void timedOut() {
    RequestTimeoutException e = new RequestTimeoutException("request timed out");
    result.completeExceptionally(e);
    abort(e);
  }

  /** A request still queued for a connection leaves the pool's queue. */
  private void giveUpAcquisition() {
    CompletableFuture<PooledConnection> a = acquiring;
    if (a != null && !a.isDone()) {
      pool.cancel(a);
    }
  }

  private void abort(Throwable cause) {
    Exchange exchange = current;
    if (exchange != null) {
      exchange.abort(cause);
    }
  }

  private void attempt(ClientRequest request, int redirectsLeft, boolean retried) {
    attempt(request, redirectsLeft, retried, null);
  }

  /**
   * Sends {@code request} on a connection: a pooled one, or a new one when {@code retried}. {@code
   * unsentBody} is the body of an attempt found unsent, handed on as it is (a stream untouched);
   * null to prepare the request's body afresh.
   */
  private void attempt(
      ClientRequest request, int redirectsLeft, boolean retried, PreparedBody unsentBody) {
    if (result.isDone()) {
      if (unsentBody != null) {
        unsentBody.close();
      }
      return;
    }
    HttpHeaders headers;
    try {
      headers = withCookies(request);
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
      return;
    }
    PoolKey key =
        PoolKey.of(request.uri(), request.proxy() != null ? request.proxy() : options.proxy());
    CompletableFuture<PooledConnection> acquisition = pool.acquire(key, retried);
    acquiring = acquisition;
    if (result.isDone()) {
      giveUpAcquisition(); // cancelled or timed out while the acquisition was being set up
    }
    acquisition.whenComplete(
        (conn, error) -> {
          if (error != null) {
            if (unsentBody != null) {
              unsentBody.close();
            }
            result.completeExceptionally(unwrap(error));
            return;
          }
          if (result.isDone()) {
            if (unsentBody != null) {
              unsentBody.close();
            }
            pool.release(conn, true);
            return;
          }
          PreparedBody body = unsentBody;
          if (body == null) {
            try {
              body = prepare(request);
            } catch (RuntimeException e) {
              pool.release(conn, true);
              result.completeExceptionally(e);
              return;
            }
          }
          PreparedBody sent = body;
          // what is retried once written anyway needs no look at the socket before the write
          boolean retriedIfWritten = request.isIdempotent() && replayable(request);
          Exchange exchange =
              new Exchange(
                  conn,
                  pool,
                  request.method(),
                  request.uri(),
                  headers,
                  sent.fixed(),
                  sent.stream(),
                  options.readIdleTimeout().toNanos(),
                  options.codecs(),
                  !retried && !retriedIfWritten);
          current = exchange;
          exchange.response.whenComplete(
              (response, failure) -> {
                if (failure != null) {
                  Throwable cause = unwrap(failure);
                  if (cause instanceof StaleConnectionException stale) {
                    if (!retried && stale.unsent()) {
                      attempt(request, redirectsLeft, true, sent);
                      return;
                    }
                    if (stale.unsent()) {
                      sent.close();
                    }
                    if (!retried && retriedIfWritten) {
                      attempt(request, redirectsLeft, true, null);
                      return;
                    }
                    cause = cause.getCause();
                  }
                  result.completeExceptionally(cause);
                  return;
                }
                if (key.absoluteForm() && response.status() == 407) {
                  // the proxy, not the origin, refused the request: a proxy failure like a refused
                  // CONNECT
                  response.close();
                  result.completeExceptionally(
                      new ProxyConnectException(
                          key.proxy(),
                          key.authority(),
                          "status: 407 Proxy Authentication Required",
                          null));
                  return;
                }
                onResponse(request, response, redirectsLeft);
              });
          if (result.isDone()) {
            exchange.abort(null);
          } else {
            exchange.start();
          }
        });
  }

  /** A request body as an exchange sends it: fixed bytes, a stream of chunks, or neither. */
  private record PreparedBody(byte[] fixed, Source<byte[]> stream) {

    /** Gives the stream up (a body that is not sent after all). */
    void close() {
      if (stream != null) {
        stream.close();
      }
    }
  }

  /** The body of {@code request} ready to send; a stream is opened here. */
  private PreparedBody prepare(ClientRequest request) {
    Object body = request.body();
    if (body == null) {
      return new PreparedBody(null, null);
    }
    if (body instanceof byte[] bytes) {
      return new PreparedBody(bytes, null);
    }
    if (body instanceof CharSequence) {
      return new PreparedBody(Bytes.toByteArray(body), null);
    }
    if (body instanceof Multipart multipart) {
      return new PreparedBody(null, MultipartEncoder.encode(multipart, blocking));
    }
    return new PreparedBody(null, ByteSources.toSource(body, blocking));
  }

  private static boolean replayable(ClientRequest request) {
    Object body = request.body();
    return body == null
        || body instanceof byte[]
        || body instanceof CharSequence
        || body instanceof Multipart
        || body instanceof java.nio.file.Path
        || body instanceof java.io.File;
  }

  /** The request's headers with the stored cookies for its URI appended to its own. */
  private HttpHeaders withCookies(ClientRequest request) {
    if (cookies == null) {
      return request.headers();
    }
    List<Cookie> stored = cookies.loadForRequest(request.uri());
    if (stored.isEmpty()) {
      return request.headers();
    }
    StringBuilder header = new StringBuilder();
    String own = request.headers().get("Cookie");
    if (own != null && !own.isBlank()) {
      header.append(own);
    }
    for (Cookie c : stored) {
      if (header.length() > 0) {
        header.append("; ");
      }
      header.append(c.name()).append('=').append(c.value());
    }
    return request.headers().newBuilder().set("Cookie", header.toString()).build();
  }

  private void onResponse(ClientRequest request, ClientResponse response, int redirectsLeft) {
    if (cookies != null) {
      try {
        cookies.saveFromResponse(request.uri(), response.cookies());
      } catch (RuntimeException e) {
        response.close();
        result.completeExceptionally(e);
        return;
      }
    }
    int status = response.status();
    String location = response.headers().get("Location");
    if (followRedirects && location != null && isRedirect(status)) {
      ClientRequest next = redirect(request, response, location);
      if (next != null && redirectsLeft == 0) {
        if (!result.completeExceptionally(
            new TooManyRedirectsException(response, options.maxRedirects()))) {
          response.close();
        }
        return;
      }
      if (next != null) {
        response.close();
        attempt(next, redirectsLeft - 1, false);
        return;
      }
    }
    if (errorStatusFails && status >= 400) {
      if (!result.completeExceptionally(new HttpResponseException(response))) {
        response.close();
      }
      return;
    }
    if (!result.complete(response)) {
      response.close();
    } else if (timer != null) {
      response.body().drained().whenComplete((v, e) -> timer.cancel(false));
    }
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /** The request to follow {@code response} with, or {@code null} when it must not be followed. */
  private ClientRequest redirect(ClientRequest request, ClientResponse response, String location) {
    URI target;
    try {
      target = request.uri().resolve(location);
    } catch (IllegalArgumentException e) {
      return null;
    }
    String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return null;
    }
    int status = response.status();
    String method = request.method();
    boolean toGet =
        (status == 303 && !method.equals("HEAD"))
            || ((status == 301 || status == 302) && method.equals("POST"));
    if (toGet) {
      method = "GET";
    }
    boolean keepBody = !toGet;
    if (!method.equals("GET") && !method.equals("HEAD") && !unsafeRedirects) {
      return null;
    }
    ClientRequest.Builder b = ClientRequest.builder(method, target);
    boolean sameOrigin = PoolKey.of(target).equals(PoolKey.of(request.uri()));
    HttpHeaders.Builder headers = request.headers().newBuilder().remove("Host");
    if (!sameOrigin) {
      headers.remove("Authorization").remove("Cookie");
    }
    if (!keepBody || request.body() == null) {
      headers.remove("Content-Type").remove("Content-Length").remove("Transfer-Encoding");
    } else if (replayable(request)) {
      b.body(request.body());
    } else {
      return null;
    }
    for (var h : headers.build()) {
      b.header(h.getKey(), h.getValue());
    }
    if (request.timeout() != null) {
      b.timeout(request.timeout());
    }
    if (request.proxy() != null) {
      b.proxy(request.proxy());
    }
    return b.build();
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }
}
