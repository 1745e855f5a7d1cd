package io.beth.http;

import io.beth.stream.BufferedStream;
import io.beth.stream.Source;
import io.beth.stream.Streams;
import io.beth.stream.internal.DaemonTimer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;

/**
 * Server-Sent Events: a stream of {@link ServerSentEvent}s as a {@code text/event-stream} response,
 * with a keep-alive comment whenever no event was sent for a while (so proxies and idle timeouts
 * keep the connection), put by the shared timer ({@code BethResources.shared().timer()}). When the
 * client goes away, the event source is closed.
 *
 * <pre>{@code
 * BufferedStream<ServerSentEvent> events = Streams.buffered(16);
 * return CompletableFuture.completedFuture(ServerSentEvents.response(events));
 * // later, from anywhere: events.put(ServerSentEvent.of("tick"));
 * }</pre>
 */
public final class ServerSentEvents {

  /** The default interval of keep-alive comments. */
  public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(15);

  private static final String KEEP_ALIVE_COMMENT = ":\n\n";

  private ServerSentEvents() {}

  /** A 200 response streaming {@code events}, with keep-alives every 15 seconds. */
  public static HttpResponse response(Flow.Publisher<ServerSentEvent> events) {
    return response(events, DEFAULT_KEEP_ALIVE);
  }

  /**
   * A 200 response streaming {@code events}, with a keep-alive comment after each quiet {@code
   * keepAlive}.
   */
  public static HttpResponse response(Flow.Publisher<ServerSentEvent> events, Duration keepAlive) {
    return HttpResponse.builder()
        .contentType("text/event-stream; charset=utf-8")
        .header("Cache-Control", "no-cache")
        .body(stream(events, keepAlive))
        .build();
  }

  /** The encoded event stream with keep-alive comments, for use in a response of one's own. */
  public static Source<String> stream(Flow.Publisher<ServerSentEvent> events, Duration keepAlive) {
    Objects.requireNonNull(events, "events == null");
    Objects.requireNonNull(keepAlive, "keepAlive == null");
    if (keepAlive.isNegative() || keepAlive.isZero()) {
      throw new IllegalArgumentException("keepAlive <= 0: " + keepAlive);
    }
    Source<ServerSentEvent> source =
        events instanceof Source
            ? (Source<ServerSentEvent>) events
            : Streams.fromPublisher(events, 4);
    BufferedStream<String> out = BufferedStream.create(4);
    KeepAlive ticker = new KeepAlive(out);
    Streams.connect(
        source.map(
            event -> {
              ticker.sent = true;
              return event.encode();
            }),
        out);
    ScheduledFuture<?> timer =
        DaemonTimer.shared().scheduleAtFixedRate(keepAlive, keepAlive, ticker);
    out.closed().whenComplete((v, e) -> timer.cancel(false));
    return out;
  }

  /** Puts a comment when nothing was sent during the last period. */
  private static final class KeepAlive implements Runnable {
    private final BufferedStream<String> out;
    volatile boolean sent;

    KeepAlive(BufferedStream<String> out) {
      this.out = out;
    }

    @Override
    public void run() {
      if (!sent && !out.isClosed() && out.size() == 0) {
        out.put(KEEP_ALIVE_COMMENT);
      }
      sent = false;
    }
  }
}
