package io.beth.http.internal;

import io.beth.http.HttpHandler;
import io.beth.http.HttpServer;
import io.beth.http.HttpServerOptions;
import io.beth.transport.Transports;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
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

/** The Netty implementation of {@link HttpServer}. */
public final class NettyHttpServer implements HttpServer {

  private static final Logger log = LoggerFactory.getLogger(NettyHttpServer.class);

  private final HttpHandler handler;
  private final HttpServerOptions options;
  private final Executor executor;
  private final EventLoopGroup group;
  private final ChannelGroup connections =
      new DefaultChannelGroup("beth-http", GlobalEventExecutor.INSTANCE);
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  private volatile boolean draining;
  private volatile Channel serverChannel;

  private NettyHttpServer(HttpHandler handler, HttpServerOptions options, EventLoopGroup group) {
    this.handler = UnloggedFailures.wrapIfUnlogged(handler);
    this.options = options;
    this.executor = options.executor() != null ? options.executor() : Transports.blockingExecutor();
    this.group = group;
  }

  /** Binds a server; see {@link HttpServer#start(HttpHandler, HttpServerOptions)}. */
  public static CompletableFuture<HttpServer> start(HttpHandler handler, HttpServerOptions options) {
    Objects.requireNonNull(handler, "handler == null");
    Objects.requireNonNull(options, "options == null");
    NettyTransport transport = NettyTransport.select(options.nativeTransport());
    EventLoopGroup group = transport.newGroup(options.ioThreads(), "beth-http-io");
    NettyHttpServer server = new NettyHttpServer(handler, options, group);
    CompletableFuture<HttpServer> started = new CompletableFuture<>();
    try {
      ServerBootstrap bootstrap = new ServerBootstrap()
          .group(group)
          .channel(transport.serverChannelClass())
          .option(ChannelOption.SO_BACKLOG, 1024)
          .option(ChannelOption.SO_REUSEADDR, true)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .handler(new AcceptTracker(server))
          .childHandler(new ServerInitializer(server));
      if (options.bootstrapHook() != null) {
        options.bootstrapHook().accept(bootstrap);
      }
      InetSocketAddress address = options.host() == null
          ? new InetSocketAddress(options.port())
          : new InetSocketAddress(options.host(), options.port());
      bootstrap.bind(address).addListener(f -> {
        if (f.isSuccess()) {
          server.serverChannel = ((io.netty.channel.ChannelFuture) f).channel();
          log.debug("HTTP server listening on {} ({})", server.address(),
              transport.isNative() ? "epoll" : "nio");
          started.complete(server);
        } else {
          group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
          started.completeExceptionally(f.cause());
        }
      });
    } catch (RuntimeException e) {
      group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      started.completeExceptionally(e);
    }
    return started;
  }

  HttpHandler handler() {
    return handler;
  }

  HttpServerOptions options() {
    return options;
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
    serverChannel.close().addListener(closed -> {
      for (Channel connection : connections) {
        connection.pipeline().fireUserEventTriggered(HttpConnectionHandler.DRAIN);
      }
      ScheduledFuture<?> deadline = GlobalEventExecutor.INSTANCE.schedule(
          () -> {
            if (!connections.isEmpty()) {
              log.debug("grace period over: closing {} connections", connections.size());
            }
            connections.close();
          },
          grace.toNanos(), TimeUnit.NANOSECONDS);
      connections.newCloseFuture().addListener(all -> {
        deadline.cancel(false);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS)
            .addListener(terminated -> stopped.complete(null));
      });
    });
    return stopped;
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
