package io.beth.http.client.internal;

import io.beth.http.ClientRequest;
import io.beth.http.ClientResponse;
import io.beth.http.HttpClientOptions;
import io.beth.http.PoolStats;
import io.beth.transport.Transports;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The machinery behind one client: event loops (native epoll when available), the pool, a thread
 * pool for file reads.
 */
public final class ClientEngine implements AutoCloseable {

  private final HttpClientOptions options;
  private final EventLoopGroup group;
  private final ExecutorService blocking;
  private final ConnectionPool pool;

  public ClientEngine(HttpClientOptions options) {
    this.options = options;
    this.group = Transports.newEventLoopGroup(options.ioThreads(), "beth-http-client");
    this.blocking = Executors.newCachedThreadPool(
        new DefaultThreadFactory("beth-http-client-blocking", true));
    this.pool = new ConnectionPool(new Connector(group, options), group,
        options.maxConnectionsPerHost(), options.maxConnections(), options.idleTimeout(),
        options.poolAcquireTimeout());
  }

  /** Sends {@code request}; see {@code HttpClient#send}. */
  public CompletableFuture<ClientResponse> send(ClientRequest request) {
    return ClientCall.start(pool, options, group, blocking, request);
  }

  public PoolStats stats() {
    return pool.stats();
  }

  @Override
  public void close() {
    pool.close();
    group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS);
    blocking.shutdown();
  }
}
