package io.beth.tcp;

import io.beth.stream.DuplexStream;
import io.beth.tcp.internal.TcpChannels;
import io.beth.transport.BethResources;
import io.beth.transport.internal.ByteCodecs;
import io.beth.transport.internal.ChannelStream;
import io.beth.transport.internal.StreamCodec;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP server: each accepted connection is handed to a {@link TcpConnectionHandler} as one duplex
 * stream.
 *
 * <p>Per connection, reading pauses while the handler's consumer is behind (the stream's inbound
 * buffer is full), and messages put are written only while the socket can take them. Half-close is
 * on: when the peer shuts its output down, the stream's source ends (after the data before it)
 * while sending goes on; closing the stream's outbound sink writes what it accepted and then shuts
 * our output down, while receiving goes on (with TLS there is no half-close: closing the sink sends
 * what it accepted, then closes the connection). The connection closes once both directions are
 * finished, or at once when it is reset (the source then fails with a {@link
 * io.beth.transport.ConnectionException} saying so).
 */
public final class TcpServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TcpServer.class);

  private final Channel serverChannel;
  private final ChannelGroup connections;
  private final BethResources resources;

  private TcpServer(Channel serverChannel, ChannelGroup connections, BethResources resources) {
    this.serverChannel = serverChannel;
    this.connections = connections;
    this.resources = resources;
  }

  /** Starts listening; the future completes once bound, or fails with why it could not bind. */
  public static CompletableFuture<TcpServer> start(
      TcpConnectionHandler handler, TcpServerOptions options) {
    Objects.requireNonNull(handler, "handler == null");
    return start(ByteCodecs.copying(), handler::handle, options);
  }

  /**
   * Like {@link #start}, but bytes received are handed over as {@code ByteBuf}s without copying;
   * the handler's consumer releases them.
   */
  public static CompletableFuture<TcpServer> startRaw(
      RawTcpConnectionHandler handler, TcpServerOptions options) {
    Objects.requireNonNull(handler, "handler == null");
    return start(ByteCodecs.raw(), handler::handle, options);
  }

  private interface Dispatch<I> {
    void handle(DuplexStream<I, Object> stream, ConnectionInfo info) throws Exception;
  }

  private static <I> CompletableFuture<TcpServer> start(
      StreamCodec<I, Object> codec, Dispatch<I> handler, TcpServerOptions options) {
    Objects.requireNonNull(options, "options == null");
    BethResources resources =
        options.resources() != null ? options.resources() : BethResources.shared();
    if (resources.isClosed()) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("cannot start a TCP server on " + resources + ": closed"));
    }
    Executor handlerExecutor =
        options.executor() != null ? options.executor() : resources.blockingExecutor();
    SslContext sslContext;
    try {
      sslContext = options.sslContext(); // built before binding: a bad one fails the start
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    // Listeners run where the last channel closes: no thread of Netty's global executor.
    ChannelGroup connections = new DefaultChannelGroup("beth-tcp", ImmediateEventExecutor.INSTANCE);
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(resources.eventLoopGroup())
            .channel(resources.transport().serverSocketChannelClass())
            .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    connections.add(ch);
                    TcpChannels.setUp(
                        ch,
                        sslContext == null ? null : sslContext.newHandler(ch.alloc()),
                        options.pipelineHook(),
                        codec,
                        options.inboundBuffer(),
                        options.outboundBuffer(),
                        (stream, info) -> dispatch(handler, stream, info, handlerExecutor),
                        e -> log.debug("connection not established: {}", e.getMessage()));
                  }
                });
    options.bootstrapHook().accept(bootstrap);
    InetSocketAddress bind =
        options.host() == null
            ? new InetSocketAddress(options.port())
            : new InetSocketAddress(options.host(), options.port());
    CompletableFuture<TcpServer> started = new CompletableFuture<>();
    ChannelFuture bound = bootstrap.bind(bind);
    bound.addListener(
        f -> {
          if (f.isSuccess()) {
            started.complete(new TcpServer(bound.channel(), connections, resources));
          } else {
            started.completeExceptionally(f.cause());
          }
        });
    return started;
  }

  private static <I> void dispatch(
      Dispatch<I> handler,
      ChannelStream<I, Object> stream,
      ConnectionInfo info,
      Executor executor) {
    executor.execute(
        () -> {
          try {
            handler.handle(stream, info);
          } catch (Exception | Error e) {
            log.warn("TCP handler failed for {}; closing the connection", info.remoteAddress(), e);
            stream.fail(e);
          }
        });
  }

  /** The address the server listens on (with the port chosen if 0 was asked for). */
  public InetSocketAddress address() {
    return (InetSocketAddress) serverChannel.localAddress();
  }

  /** The number of open connections. */
  public int connectionCount() {
    return connections.size();
  }

  /**
   * Stops gracefully: stops accepting at once, lets open connections finish for up to {@code
   * timeout}, then closes those still open. The future completes once every connection is closed;
   * if the resources the server runs on were closed under it (which closes every channel at once),
   * once they are.
   */
  public CompletableFuture<Void> stop(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout == null");
    CompletableFuture<Void> stopped = new CompletableFuture<>();
    if (resources.isClosed()) {
      resources.terminationFuture().whenComplete((v, e) -> stopped.complete(null));
      return stopped;
    }
    serverChannel
        .close()
        .addListener(
            f -> {
              CompletableFuture<?>[] closing =
                  connections.stream()
                      .map(TcpServer::closeFuture)
                      .toArray(CompletableFuture<?>[]::new);
              CompletableFuture<Void> all = CompletableFuture.allOf(closing);
              if (!all.isDone()) {
                var force =
                    resources
                        .timer()
                        .schedule(
                            () -> {
                              connections.close();
                            },
                            timeout.toNanos(),
                            TimeUnit.NANOSECONDS);
                all.whenComplete((v, e) -> force.cancel(false));
              }
              all.whenComplete((v, e) -> stopped.complete(null));
            });
    return stopped;
  }

  private static CompletableFuture<Void> closeFuture(Channel channel) {
    CompletableFuture<Void> closed = new CompletableFuture<>();
    channel.closeFuture().addListener(f -> closed.complete(null));
    return closed;
  }

  /**
   * Stops at once: closes the listener and every connection, waiting for them to close, for {@link
   * #CLOSE_WAIT} at most; a connection still open then is logged as an error with its state (a
   * close that never completes is a bug to find, not a reason to hang the caller).
   */
  @Override
  public void close() {
    CompletableFuture<Void> stopped = stop(Duration.ZERO);
    try {
      stopped.get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      StringBuilder open = new StringBuilder();
      connections.forEach(
          ch ->
              open.append(' ')
                  .append(ch)
                  .append(" open=")
                  .append(ch.isOpen())
                  .append(" active=")
                  .append(ch.isActive())
                  .append(" registered=")
                  .append(ch.isRegistered())
                  .append(';'));
      log.error(
          "{} connection(s) of {} not closed {} after close():{}",
          connections.size(),
          this,
          CLOSE_WAIT,
          open);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException("stopping failed", e.getCause()); // stop() never fails
    }
  }

  /** How long {@link #close()} waits for the connections it closed. */
  static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

  @Override
  public String toString() {
    return "TcpServer["
        + serverChannel.localAddress()
        + ", connections="
        + connections.size()
        + "]";
  }
}
