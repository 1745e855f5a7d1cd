package io.beth.http;

import io.beth.http.internal.NettyHttpServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A running HTTP/1.1 server.
 *
 * <pre>{@code
 * HttpServer server = HttpServer.start(
 *         HttpHandler.sync(request -> HttpResponse.ok("hello")),
 *         HttpServerOptions.builder().port(8080).build())
 *     .join();
 * System.out.println("listening on " + server.address());
 * server.stop(Duration.ofSeconds(5)).join();
 * }</pre>
 */
public interface HttpServer extends AutoCloseable {

  /** Default grace period of {@link #close()}. */
  Duration DEFAULT_GRACE = Duration.ofSeconds(10);

  /** Binds a server answering with {@code handler}; completes once it is listening. */
  static CompletableFuture<HttpServer> start(HttpHandler handler, HttpServerOptions options) {
    Objects.requireNonNull(handler, "handler == null");
    Objects.requireNonNull(options, "options == null");
    return NettyHttpServer.start(handler, options);
  }

  /** Binds a server with default options (a free port on every interface). */
  static CompletableFuture<HttpServer> start(HttpHandler handler) {
    return start(handler, HttpServerOptions.DEFAULT);
  }

  /** The address the server is bound to, with the actual port when port 0 was asked for. */
  InetSocketAddress address();

  /** The bound port. */
  default int port() {
    return address().getPort();
  }

  /**
   * Stops gracefully: stops accepting connections, closes idle ones, lets in-flight exchanges
   * finish (their responses carry {@code Connection: close}) for up to {@code grace}, then closes
   * everything. The future completes once every connection is closed and, for a server without
   * {@link HttpServerOptions#resources() resources}, its own event loops have stopped. Idempotent.
   */
  CompletableFuture<Void> stop(Duration grace);

  /**
   * Completes once the server has stopped: by {@link #stop}, or because the resources it runs on
   * were closed under it (which closes its channels at once).
   */
  CompletableFuture<Void> stopped();

  /**
   * {@link #stop(Duration)} with {@link #DEFAULT_GRACE}, waiting for it; never call on an event
   * loop.
   */
  @Override
  default void close() {
    stop(DEFAULT_GRACE).join();
  }
}
