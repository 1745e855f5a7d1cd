package io.beth.examples;

import io.beth.annotations.HttpRoute;
import io.beth.annotations.NonBlocking;
import io.beth.annotations.QueryParam;
import io.beth.http.HttpRequest;
import io.beth.http.HttpResponse;
import io.beth.http.ServerSentEvent;
import io.beth.http.ServerSentEvents;
import io.beth.stream.Source;
import io.beth.stream.Streams;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/** The example's plain HTTP routes: text, a delayed answer, a chunked stream, events, an echo. */
public final class HelloRoutes {

  @Inject
  HelloRoutes() {}

  /** {@code GET /hello}: {@code hello!} as text. */
  @HttpRoute(method = "GET", path = "/hello")
  public HttpResponse hello() {
    return HttpResponse.ok("hello!");
  }

  /**
   * {@code GET /delayed?ms=N}: answers after N ms through a future; no thread waits meanwhile. It
   * returns its future at once, so it runs on the event loop: a burst of requests costs no thread
   * each, not even briefly.
   */
  @HttpRoute(method = "GET", path = "/delayed")
  @NonBlocking
  public CompletableFuture<HttpResponse> delayed(
      @QueryParam(value = "ms", defaultValue = "0") long ms) {
    // Completed by the JDK's one timer thread. (supplyAsync would start a thread per call on a
    // machine of two cores or fewer, where the common pool is too small to be used.)
    return new CompletableFuture<HttpResponse>()
        .completeOnTimeout(HttpResponse.ok("waited " + ms + " ms"), ms, TimeUnit.MILLISECONDS);
  }

  /** {@code GET /stream?count=N}: a chunked body of N lines, produced lazily by a stream. */
  @HttpRoute(method = "GET", path = "/stream")
  public HttpResponse stream(@QueryParam(value = "count", defaultValue = "10") int count) {
    Source<String> lines =
        Streams.fromIterator(
            IntStream.range(0, count).mapToObj(i -> "chunk " + i + "\n").iterator());
    return HttpResponse.builder().contentType("text/plain; charset=utf-8").body(lines).build();
  }

  /** {@code GET /events?count=N}: N Server-Sent Events with data 0..N-1, then the stream ends. */
  @HttpRoute(method = "GET", path = "/events")
  public HttpResponse events(@QueryParam(value = "count", defaultValue = "10") int count) {
    Source<ServerSentEvent> events =
        Streams.fromIterator(
            IntStream.range(0, count)
                .mapToObj(i -> ServerSentEvent.of(Integer.toString(i)))
                .iterator());
    return ServerSentEvents.response(events);
  }

  /** {@code POST /echo}: the request body streamed back with its content type; bounded memory. */
  @HttpRoute(method = "POST", path = "/echo")
  public HttpResponse echo(HttpRequest request) {
    String type = request.contentType();
    return HttpResponse.builder()
        .contentType(type != null ? type : "application/octet-stream")
        .body(request.body())
        .build();
  }
}
