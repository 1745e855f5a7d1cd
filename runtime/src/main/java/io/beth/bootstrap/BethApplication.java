package io.beth.bootstrap;

import io.beth.http.HttpHandler;
import io.beth.http.HttpServer;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Everything an application's Beth annotations declared, as the generated Dagger module provides
 * it: ask your component for it and start it.
 *
 * <pre>{@code
 * @Component(modules = {BethModule.class, MyServicesModule.class})
 * interface App {
 *   BethApplication beth();
 * }
 *
 * RunningApplication running = DaggerApp.create().beth()
 *     .start(BethOptions.builder().httpPort(0).build()).join();
 * System.out.println(running.addresses());
 * running.stop(Duration.ofSeconds(5)).join();
 * }</pre>
 */
public final class BethApplication {

  /** The HTTP port used when neither options nor the system property give one. */
  public static final int DEFAULT_HTTP_PORT = 8080;

  private final HttpHandler http;

  private BethApplication(Builder b) {
    this.http = b.http;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts every server, with system properties and annotation defaults for ports. */
  public CompletableFuture<RunningApplication> start() {
    return start(BethOptions.defaults());
  }

  /**
   * Starts every server; completes once all are listening, or fails (having stopped those that
   * started) if one cannot start.
   */
  public CompletableFuture<RunningApplication> start(BethOptions options) {
    Objects.requireNonNull(options, "options == null");
    RunningApplication running = new RunningApplication();
    if (http == null) {
      return CompletableFuture.completedFuture(running);
    }
    CompletableFuture<HttpServer> server;
    try {
      server = HttpServer.start(http, options.httpOptions());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return server.thenApply(s -> running.add("http", s.address(), s::stop));
  }

  /** Builds a {@link BethApplication}; generated modules call it. */
  public static final class Builder {
    private HttpHandler http;

    Builder() {}

    /** The handler of the application's HTTP server (its generated router). */
    public Builder http(HttpHandler handler) {
      this.http = Objects.requireNonNull(handler, "handler == null");
      return this;
    }

    public BethApplication build() {
      return new BethApplication(this);
    }
  }
}
