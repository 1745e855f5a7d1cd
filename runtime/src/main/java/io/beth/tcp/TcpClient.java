package io.beth.tcp;

import io.beth.stream.DuplexStream;
import io.beth.tcp.internal.TcpChannels;
import io.beth.transport.BethResources;
import io.beth.transport.ConnectionException;
import io.beth.transport.internal.Addresses;
import io.beth.transport.internal.ByteCodecs;
import io.beth.transport.internal.StreamCodec;
import io.beth.transport.internal.TlsContexts;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Connects to a TCP server; the connection is the same duplex stream a {@link TcpServer} handler
 * gets, with the same backpressure and half-close behaviour.
 *
 * <p>The host name is resolved off the event loop; the returned future completes (on the resources'
 * {@link BethResources#blockingExecutor()}) once connected and, with TLS, after the handshake, or
 * fails with why not: a {@code ConnectException} (refused or timed out) or a {@link
 * ConnectionException} (for example a certificate that does not verify).
 */
public final class TcpClient {

  private TcpClient() {}

  /** Connects to {@code host}:{@code port}. */
  public static CompletableFuture<DuplexStream<byte[], Object>> connect(
      String host, int port, TcpClientOptions options) {
    return connect(ByteCodecs.copying(), host, port, options);
  }

  /** Like {@link #connect}, but bytes received are {@code ByteBuf}s the consumer releases. */
  public static CompletableFuture<DuplexStream<ByteBuf, Object>> connectRaw(
      String host, int port, TcpClientOptions options) {
    return connect(ByteCodecs.raw(), host, port, options);
  }

  private static <I> CompletableFuture<DuplexStream<I, Object>> connect(
      StreamCodec<I, Object> codec, String host, int port, TcpClientOptions options) {
    Objects.requireNonNull(host, "host == null");
    Objects.requireNonNull(options, "options == null");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    BethResources resources =
        options.resources() != null ? options.resources() : BethResources.shared();
    if (resources.isClosed()) {
      return CompletableFuture.failedFuture(
          new IllegalStateException(
              "cannot connect to " + host + ":" + port + " on " + resources + ": closed"));
    }
    SslContext sslContext;
    try {
      sslContext = options.sslContext(); // built once per options object, on first use
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    Executor executor = resources.blockingExecutor();
    return Addresses.resolve(host, port, executor) // a name is looked up off the event loop
        .thenCompose(address -> connect(codec, host, address, options, sslContext, resources))
        .whenCompleteAsync((s, e) -> {}, executor);
  }

  private static <I> CompletableFuture<DuplexStream<I, Object>> connect(
      StreamCodec<I, Object> codec,
      String host,
      InetSocketAddress address,
      TcpClientOptions options,
      SslContext sslContext,
      BethResources resources) {
    CompletableFuture<DuplexStream<I, Object>> connected = new CompletableFuture<>();
    Bootstrap bootstrap =
        new Bootstrap()
            .group(resources.eventLoopGroup())
            .channel(resources.transport().socketChannelClass())
            .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) options.connectTimeout().toMillis())
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    TcpChannels.setUp(
                        ch,
                        sslHandler(ch, host, address.getPort(), options, sslContext),
                        options.pipelineHook(),
                        codec,
                        options.inboundBuffer(),
                        options.outboundBuffer(),
                        (stream, info) -> connected.complete(stream),
                        connected::completeExceptionally);
                  }
                });
    options.bootstrapHook().accept(bootstrap);
    ChannelFuture connecting = bootstrap.connect(address);
    connecting.addListener(
        f -> {
          if (!f.isSuccess()) {
            connected.completeExceptionally(f.cause());
          }
        });
    return connected;
  }

  private static SslHandler sslHandler(
      SocketChannel ch, String host, int port, TcpClientOptions options, SslContext sslContext) {
    if (sslContext == null) {
      return null;
    }
    // The peer host enables SNI (never sent for an IP literal) and hostname verification.
    String name = options.serverName() == null ? host : options.serverName();
    return TlsContexts.clientHandler(sslContext, options.tls(), ch.alloc(), name, port);
  }
}
