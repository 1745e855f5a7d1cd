package io.beth.http.client.internal;

import io.beth.http.ClientRequest;
import io.beth.http.ClientResponse;
import io.beth.http.HttpClientOptions;
import io.beth.http.PoolStats;
import io.beth.transport.BethResources;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The machinery behind one client: the resources it runs on (the options', the shared default, or
 * event loops of its own for {@link HttpClientOptions#ioThreads()}) and the pool.
 */
public final class ClientEngine implements AutoCloseable {

  private final HttpClientOptions options;
  private final BethResources resources;
  private final boolean ownsResources;
  private final ConnectionPool pool;

  public ClientEngine(HttpClientOptions options) {
    this.options = options;
    this.ownsResources = options.resources() == null && options.eventLoopThreads() > 0;
    this.resources =
        ownsResources
            ? BethResources.builder()
                .name("beth-http-client")
                .eventLoopThreads(options.eventLoopThreads())
                .blockingExecutor(BethResources.shared().blockingExecutor())
                .build()
            : options.resources() != null ? options.resources() : BethResources.shared();
    this.pool =
        new ConnectionPool(
            new Connector(resources, options),
            resources.eventLoopGroup(),
            options.maxConnectionsPerHost(),
            options.maxConnections(),
            options.idleTimeout(),
            options.poolAcquireTimeout());
  }

  /** Sends {@code request}; see {@code HttpClient#send}. */
  public CompletableFuture<ClientResponse> send(ClientRequest request) {
    if (resources.isClosed()) {
      return CompletableFuture.failedFuture(
          new IllegalStateException(
              "cannot send "
                  + request.method()
                  + " "
                  + request.uri()
                  + ": "
                  + resources
                  + " is closed"));
    }
    return ClientCall.start(
        pool, options, resources.eventLoopGroup(), resources.blockingExecutor(), request);
  }

  public PoolStats stats() {
    return pool.stats();
  }

  @Override
  public void close() {
    pool.close();
    if (ownsResources) {
      resources.shutdownGracefully(Duration.ZERO, Duration.ZERO);
    }
  }
}
