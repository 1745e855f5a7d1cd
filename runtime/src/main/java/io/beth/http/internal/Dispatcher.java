package io.beth.http.internal;

import io.beth.http.HttpHandler;
import io.beth.http.HttpResponse;
import io.beth.http.HttpStatusException;
import io.netty.channel.EventLoop;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the server's handler for each exchange: inline on the event loop when the handler says it
 * never blocks, else on the executor for blocking handlers; hands its answer (or failure) to the
 * connection, back on the event loop, without a second hop when it is there already. Called by the
 * request reader for each exchange admitted; event loop only, but for the handler call itself.
 */
final class Dispatcher {

  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  private final HttpConnectionHandler connection;
  private final HttpHandler handler;
  private final Executor executor;

  Dispatcher(HttpConnectionHandler connection, HttpHandler handler, Executor executor) {
    this.connection = connection;
    this.handler = handler;
    this.executor = executor;
  }

  /** Runs the handler for {@code ex}; its answer goes to the connection. */
  void dispatch(Exchange ex) {
    if (!handler.isBlocking()) {
      onResult(ex, call(ex));
      return;
    }
    try {
      executor.execute(() -> onResult(ex, call(ex)));
    } catch (RejectedExecutionException e) {
      log.error("the handler executor refused {} {}", ex.request.method(), ex.request.uri(), e);
      connection.respond(ex, null, new HttpStatusException(503, "executor refused the request"));
    }
  }

  private CompletionStage<HttpResponse> call(Exchange ex) {
    try {
      CompletionStage<HttpResponse> stage = handler.handle(ex.request);
      return stage != null
          ? stage
          : CompletableFuture.failedFuture(new NullPointerException("handler returned null"));
    } catch (Throwable e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private void onResult(Exchange ex, CompletionStage<HttpResponse> stage) {
    if (stage instanceof CompletableFuture<HttpResponse> f
        && f.isDone()
        && !f.isCompletedExceptionally()) {
      onLoop(ex, f.join(), null); // answered already: no completion callback to allocate
      return;
    }
    stage.whenComplete((response, error) -> onLoop(ex, response, error));
  }

  private EventLoop loop() {
    return connection.ctx().channel().eventLoop();
  }

  /** Answers on the connection's event loop, freeing the response if it cannot. */
  private void onLoop(Exchange ex, HttpResponse response, Throwable error) {
    EventLoop loop = loop();
    if (loop.inEventLoop()) {
      connection.respond(ex, response, error);
      return;
    }
    try {
      loop.execute(() -> connection.respond(ex, response, error));
    } catch (RejectedExecutionException e) {
      if (response != null) {
        Chunks.dispose(response.body());
      }
    }
  }
}
