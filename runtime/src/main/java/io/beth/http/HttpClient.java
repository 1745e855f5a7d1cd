package io.beth.http;

import static java.util.Objects.requireNonNull;

import io.beth.http.client.internal.ClientEngine;
import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * An asynchronous HTTP/1.1 client: immutable and thread-safe, it holds a keep-alive connection pool
 * and the defaults of {@link HttpClientOptions}. Every call returns a future at once that completes
 * with the response head; the body then streams through {@link ClientResponse#body()}.
 *
 * <pre>{@code
 * try (HttpClient client = HttpClient.create(HttpClientOptions.builder()
 *     .requestTimeout(Duration.ofSeconds(5)).build())) {
 *   String page = client.send(ClientRequest.get(uri).query("q", "beth").build())
 *       .thenCompose(ClientResponse::string).join();
 * }
 * }</pre>
 *
 * <p>Failures: {@link HttpConnectException} when no connection can be made (refused, unreachable;
 * the transport's exception is its cause), {@link java.net.UnknownHostException} for a name that
 * does not resolve, {@link ConnectTimeoutException}, {@link PoolAcquireTimeoutException}, {@link
 * RequestTimeoutException}, {@link ReadTimeoutException}, {@link HttpResponseException} for 4xx/5xx
 * (unless switched off), {@link TooManyRedirectsException} past {@link
 * HttpClientOptions#maxRedirects()}, {@link ProxyConnectException} when a proxy gives no way to the
 * origin, {@link java.io.IOException} for a lost connection. Cancelling the future aborts the
 * exchange. Futures complete on an event-loop thread: do not block in their callbacks.
 *
 * <p>Retries: a request is sent again, once and on a new connection, only when the pooled
 * keep-alive connection it was given turns out to have been closed by the server:
 *
 * <ul>
 *   <li>whatever its method and body, when the client finds the connection closed before any byte
 *       of the request was written: the close has reached it (the connection's close event, or, on
 *       Linux's native transport, the socket's state after the server's FIN) by the time the
 *       request would be written. Nothing was sent, so nothing can have been acted on;
 *   <li>when the request was written and the connection then closed or was reset before any byte of
 *       the response, only if the method is idempotent ({@link ClientRequest#isIdempotent()}: GET,
 *       HEAD, OPTIONS, TRACE, PUT, DELETE) and the body can be sent again (none, bytes, text, a
 *       file, a {@link Multipart} form; not a stream or an {@code InputStream}), since the server
 *       may have acted on it.
 * </ul>
 *
 * <p>Nothing else is retried: not a failure on a new connection, not a timeout, not a response of
 * any status.
 *
 * <p>Redirects (301, 302, 303, 307, 308) are followed when the method to follow with is GET or
 * HEAD: 303, and 301/302 after a POST, become GET without a body; 307/308 keep the method and body
 * (other methods are followed too with {@link HttpClientOptions.Builder#redirectUnsafeMethods}). A
 * redirect to another origin drops {@code Authorization} and {@code Cookie}. At most {@link
 * HttpClientOptions#maxRedirects()} are followed: one more fails the call with a {@link
 * TooManyRedirectsException} that carries that last redirect response. A redirect that is not
 * followed (another scheme, a method it would have to repeat) is the call's response.
 *
 * <p>Bodies: anything convertible to bytes, a stream of such (chunked), JSON or any value the
 * options' codecs encode (response bodies decode by their {@code Content-Type} the same way),
 * url-encoded forms and {@link Multipart} forms with files streamed from disk. Cookies are kept
 * only when the options name a {@link CookieStore}. TLS uses the system trust store and verifies
 * host names unless the options say otherwise. Requests go through an HTTP or SOCKS5 proxy when the
 * options (or the request) name a {@link ProxyOptions}. The client runs on the resources its
 * options name, by default {@link io.beth.transport.BethResources#shared()}.
 */
public final class HttpClient implements AutoCloseable {

  private static final class Shared {
    static final HttpClient INSTANCE = new HttpClient(HttpClientOptions.defaults());
  }

  private final HttpClientOptions options;
  private final ClientEngine engine;

  private HttpClient(HttpClientOptions options) {
    this.options = options;
    this.engine = new ClientEngine(options);
  }

  /** A client with {@code options}; close it when done. */
  public static HttpClient create(HttpClientOptions options) {
    return new HttpClient(requireNonNull(options, "options == null"));
  }

  /** A client with the default options. */
  public static HttpClient create() {
    return create(HttpClientOptions.defaults());
  }

  /** The shared client with default options behind the static shorthands; never close it. */
  public static HttpClient shared() {
    return Shared.INSTANCE;
  }

  /** GET {@code uri} with the shared client. */
  public static CompletableFuture<ClientResponse> get(URI uri) {
    return shared().send(ClientRequest.get(uri).build());
  }

  /** POST {@code body} (anything convertible to bytes) to {@code uri} with the shared client. */
  public static CompletableFuture<ClientResponse> post(URI uri, Object body) {
    return shared().send(ClientRequest.post(uri).body(body).build());
  }

  /** PUT {@code body} to {@code uri} with the shared client. */
  public static CompletableFuture<ClientResponse> put(URI uri, Object body) {
    return shared().send(ClientRequest.put(uri).body(body).build());
  }

  /** DELETE {@code uri} with the shared client. */
  public static CompletableFuture<ClientResponse> delete(URI uri) {
    return shared().send(ClientRequest.delete(uri).build());
  }

  /** Sends {@code request}; the future completes with the response head. */
  public CompletableFuture<ClientResponse> send(ClientRequest request) {
    return engine.send(requireNonNull(request, "request == null"));
  }

  public HttpClientOptions options() {
    return options;
  }

  /** The pool's current counts. */
  public PoolStats poolStats() {
    return engine.stats();
  }

  /**
   * Closes pooled connections, and stops the client's own event loops if {@link
   * HttpClientOptions#ioThreads()} gave it some; the resources it runs on stay open.
   */
  @Override
  public void close() {
    if (this == Shared.INSTANCE) {
      throw new IllegalStateException("the shared client is never closed");
    }
    engine.close();
  }
}
