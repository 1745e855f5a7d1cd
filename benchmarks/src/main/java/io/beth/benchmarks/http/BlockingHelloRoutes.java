package io.beth.benchmarks.http;

import io.beth.annotations.HttpRoute;
import io.beth.benchmarks.http.DeclarativeHelloRoutes.Message;
import io.beth.http.HttpResponse;
import jakarta.inject.Inject;

/**
 * {@link DeclarativeHelloRoutes} again, under {@code /blocking} and without {@code @NonBlocking}:
 * the default, blocking-safe routes that the server calls on its executor, so that the benchmark
 * compares the hand-off with the inline call on the same route. {@code GET /blocking/plaintext} and
 * {@code GET /blocking/json}.
 */
@HttpRoute(path = "/blocking")
public final class BlockingHelloRoutes {

  private static final HttpResponse HELLO = HttpResponse.ok("Hello, World!");

  @Inject
  BlockingHelloRoutes() {}

  /** {@code Hello, World!} as text. */
  @HttpRoute(method = "GET", path = "/plaintext")
  public HttpResponse plaintext() {
    return HELLO;
  }

  /** {@code {"message":"Hello, World!"}}. */
  @HttpRoute(method = "GET", path = "/json")
  public Message json() {
    return new Message("Hello, World!");
  }
}
