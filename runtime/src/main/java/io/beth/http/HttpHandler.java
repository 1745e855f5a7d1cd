package io.beth.http;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Answers HTTP requests: takes a request and completes a response, now or later.
 *
 * <pre>{@code
 * HttpHandler async = request -> fetchUser(request.queryParam("id")).thenApply(HttpResponse::ok);
 * HttpHandler sync = HttpHandler.sync(request -> HttpResponse.ok("hello"));
 * HttpHandler fast = HttpHandler.sync(request -> HttpResponse.ok("hello")).nonBlocking();
 * }</pre>
 *
 * <p>A handler may block unless it is declared {@link #nonBlocking()}: the server then calls it on
 * its executor (virtual threads when the JVM has them). A non-blocking handler runs inline on the
 * connection's event loop, with no thread hop, and must never block. A handler that throws, or
 * whose future fails, is answered 500 (or the status of an {@link HttpStatusException}).
 */
@FunctionalInterface
public interface HttpHandler {

  /** Answers {@code request}; the stage completes with the response to send. */
  CompletionStage<HttpResponse> handle(HttpRequest request) throws Exception;

  /** Whether this handler may block, and so runs off the event loop; true unless declared. */
  default boolean isBlocking() {
    return true;
  }

  /** This handler, declared never to block, so that the server runs it on the event loop. */
  default HttpHandler nonBlocking() {
    HttpHandler self = this;
    if (!isBlocking()) {
      return this;
    }
    return new HttpHandler() {
      @Override
      public CompletionStage<HttpResponse> handle(HttpRequest request) throws Exception {
        return self.handle(request);
      }

      @Override
      public boolean isBlocking() {
        return false;
      }

      @Override
      public String toString() {
        return self + " (non-blocking)";
      }
    };
  }

  /** {@code handler} itself: lets a lambda be typed as an asynchronous handler. */
  static HttpHandler async(HttpHandler handler) {
    return Objects.requireNonNull(handler, "handler == null");
  }

  /** A handler answering with {@code handler}'s return value. */
  static HttpHandler sync(Sync handler) {
    Objects.requireNonNull(handler, "handler == null");
    return request -> CompletableFuture.completedFuture(handler.handle(request));
  }

  /** A handler that returns its response directly; see {@link #sync(Sync)}. */
  @FunctionalInterface
  interface Sync {
    HttpResponse handle(HttpRequest request) throws Exception;
  }
}
