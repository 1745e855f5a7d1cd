package io.beth.http.internal;

import io.beth.http.HttpHandler;
import io.beth.http.HttpServer;
import io.beth.http.HttpServerOptions;
import io.beth.transport.BethResources;
import io.beth.transport.Transport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty implementation of {@link HttpServer}, on the resources its options name or on event
 * loops of its own (see {@link HttpServerOptions}).
 */
public final class NettyHttpServer implements HttpServer {

  private static final Logger log = LoggerFactory.getLogger(NettyHttpServer.class);

  private final HttpHandler handler;
  private final HttpServerOptions options;
  private final Executor executor;
  private final BethResources resources;
  private final boolean ownsResources;
  // Listeners run where the last channel closes: no thread of Netty's global executor.
  private final ChannelGroup connections =
      new DefaultChannelGroup("beth-http", ImmediateEventExecutor.INSTANCE);
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  private volatile boolean draining;
  private volatile Channel serverChannel;

  private NettyHttpServer(
      HttpHandler handler,
      HttpServerOptions options,
      BethResources resources,
      boolean ownsResources) {
    this.handler = UnloggedFailures.wrapIfUnlogged(handler);
    this.options = options;
    this.resources = resources;
    this.ownsResources = ownsResources;
    this.executor = options.executor() != null ? options.executor() : resources.blockingExecutor();
  }

  /** Binds a server; see {@link HttpServer#start(HttpHandler, HttpServerOptions)}. */
  public static CompletableFuture<HttpServer> start(
      HttpHandler handler, HttpServerOptions options) {
    Objects.requireNonNull(handler, "handler == null");
    Objects.requireNonNull(options, "options == null");
    BethResources given = options.resources();
    if (given != null && given.isClosed()) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("cannot start an HTTP server on " + given + ": closed"));
    }
    BethResources resources;
    try {
      resources = given != null ? given : ownLoops(options);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    NettyHttpServer server = new NettyHttpServer(handler, options, resources, given == null);
    CompletableFuture<HttpServer> started = new CompletableFuture<>();
    try {
      ServerBootstrap bootstrap =
          new ServerBootstrap()
              .group(resources.eventLoopGroup())
              .channel(resources.transport().serverSocketChannelClass())
              .option(ChannelOption.SO_BACKLOG, 1024)
              .option(ChannelOption.SO_REUSEADDR, true)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .handler(new AcceptTracker(server))
              .childHandler(
                  new ServerInitializer(
                      options, server.handler, server.executor, server::isDraining));
      if (options.bootstrapHook() != null) {
        options.bootstrapHook().accept(bootstrap);
      }
      InetSocketAddress address =
          options.host() == null
              ? new InetSocketAddress(options.port())
              : new InetSocketAddress(options.host(), options.port());
      bootstrap
          .bind(address)
          .addListener(
              f -> {
                if (f.isSuccess()) {
                  server.serverChannel = ((io.netty.channel.ChannelFuture) f).channel();
                  server
                      .serverChannel
                      .closeFuture()
                      .addListener(closed -> server.closedUnderneath());
                  log.debug(
                      "HTTP server listening on {} ({})", server.address(), resources.transport());
                  started.complete(server);
                } else {
                  server.releaseOwnLoops();
                  started.completeExceptionally(f.cause());
                }
              });
    } catch (RuntimeException e) {
      server.releaseOwnLoops();
      started.completeExceptionally(e);
    }
    return started;
  }

  /**
   * The event loops of a server given no resources, as before resources existed: its own, named
   * {@code beth-http-io-*}, with the shared default's blocking executor unless it has one.
   */
  private static BethResources ownLoops(HttpServerOptions options) {
    return BethResources.builder()
        .name("beth-http")
        .eventLoopThreads(options.eventLoopThreads())
        .transport(options.transport() != null ? options.transport() : Transport.configured())
        .blockingExecutor(
            options.executor() != null
                ? options.executor()
                : BethResources.shared().blockingExecutor())
        .build();
  }

  private void releaseOwnLoops() {
    if (ownsResources) {
      resources.shutdownGracefully(Duration.ZERO, Duration.ZERO);
    }
  }

  Executor executor() {
    return executor;
  }

  boolean isDraining() {
    return draining;
  }

  /** Counts a connection in from the moment it is accepted, so that stop() sees every one. */
  void track(Channel channel) {
    connections.add(channel);
  }

  /** Sees each accepted connection on the listening channel, before it is registered. */
  private static final class AcceptTracker extends io.netty.channel.ChannelInboundHandlerAdapter {
    private final NettyHttpServer server;

    AcceptTracker(NettyHttpServer server) {
      this.server = server;
    }

    @Override
    public boolean isSharable() {
      return true;
    }

    @Override
    public void channelRead(io.netty.channel.ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof Channel) {
        server.track((Channel) msg);
      }
      ctx.fireChannelRead(msg);
    }
  }

  @Override
  public InetSocketAddress address() {
    return (InetSocketAddress) serverChannel.localAddress();
  }

  @Override
  public CompletableFuture<Void> stop(Duration grace) {
    Objects.requireNonNull(grace, "grace == null");
    if (!stopping.compareAndSet(false, true)) {
      return stopped;
    }
    draining = true;
    if (resources.isClosed()) {
      afterResources();
      return stopped;
    }
    serverChannel
        .close()
        .addListener(
            closed -> {
              for (Channel connection : connections) {
                connection.pipeline().fireUserEventTriggered(HttpConnectionHandler.DRAIN);
              }
              ScheduledFuture<?> deadline =
                  resources
                      .timer()
                      .schedule(
                          () -> {
                            if (!connections.isEmpty()) {
                              log.debug(
                                  "grace period over: closing {} connections", connections.size());
                            }
                            connections.close();
                          },
                          grace.toNanos(),
                          TimeUnit.NANOSECONDS);
              connections
                  .newCloseFuture()
                  .addListener(
                      all -> {
                        deadline.cancel(false);
                        finish();
                      });
            });
    return stopped;
  }

  /**
   * The listening channel closed without {@link #stop}: the resources were closed under the server
   * (their loops close every channel), or a hook closed it. Either way the server has stopped.
   */
  private void closedUnderneath() {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    draining = true;
    // closing loops close their channels; closing the connections too leaves none to a race there
    connections.close();
    if (resources.isClosed()) {
      afterResources();
    } else {
      connections.newCloseFuture().addListener(all -> finish());
    }
  }

  /** Stopped once the closed resources are: their loops closed every channel of the server. */
  private void afterResources() {
    resources.terminationFuture().whenComplete((v, e) -> stopped.complete(null));
  }

  /** Every connection is closed: stops the server's own loops, if any, then completes. */
  private void finish() {
    if (ownsResources) {
      resources
          .shutdownGracefully(Duration.ZERO, Duration.ofSeconds(1))
          .whenComplete((v, e) -> stopped.complete(null));
    } else {
      stopped.complete(null);
    }
  }

  @Override
  public CompletableFuture<Void> stopped() {
    return stopped;
  }

  @Override
  public String toString() {
    return "HttpServer[" + (serverChannel != null ? serverChannel.localAddress() : "unbound") + "]";
  }
}
