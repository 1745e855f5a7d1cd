package io.beth.http.client.internal;

import io.beth.http.ConnectTimeoutException;
import io.beth.http.HttpClientOptions;
import io.beth.http.HttpConnectException;
import io.beth.http.ProxyOptions;
import io.beth.transport.BethResources;
import io.beth.transport.internal.Addresses;
import io.beth.transport.internal.TlsContexts;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContentDecompressor;
import io.netty.handler.proxy.ProxyHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import io.netty.resolver.NoopAddressResolverGroup;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;

/**
 * Opens client connections: TCP (to the origin or a proxy), a proxy tunnel if any, TLS with the
 * origin's host-name checks, the HTTP codec, the handler.
 */
final class Connector {

  /** The largest body chunk the decoder hands on: fewer, larger messages for big bodies. */
  private static final int MAX_CHUNK = 64 * 1024;

  private final BethResources resources;
  private final HttpClientOptions options;
  private final SslContext sslContext;

  Connector(BethResources resources, HttpClientOptions options) {
    this.resources = resources;
    this.options = options;
    this.sslContext = TlsContexts.client(options.tls()); // once per client
  }

  /**
   * Connects to {@code key}: straight to the origin, to the HTTP proxy itself (absolute-form
   * requests), or through a tunnel (HTTP {@code CONNECT} or SOCKS5) to the origin; completes once
   * the tunnel and TLS (if any) are established.
   */
  CompletableFuture<PooledConnection> connect(PoolKey key) {
    CompletableFuture<PooledConnection> result = new CompletableFuture<>();
    ProxyOptions proxy = key.proxy();
    // the name is looked up off the event loop: DNS may take seconds
    Addresses.resolve(
            proxy.isDirect() ? key.bareHost() : proxy.host(),
            proxy.isDirect() ? key.port() : proxy.port(),
            resources.blockingExecutor())
        .whenComplete(
            (address, error) -> {
              if (error != null) {
                result.completeExceptionally(connectFailure(key, unwrap(error)));
              } else {
                connect(key, address, result);
              }
            });
    return result;
  }

  /** Connects to {@code key} through {@code address}: the origin's, or the proxy's. */
  private void connect(
      PoolKey key, InetSocketAddress address, CompletableFuture<PooledConnection> result) {
    ClientHandler handler = new ClientHandler();
    ProxyOptions proxy = key.proxy();
    boolean tunnel = !proxy.isDirect() && !key.absoluteForm();
    // Held here, not looked up in the pipeline later: a channel that failed and closed before
    // the connect listener runs has an empty pipeline, and would pass for a ready connection.
    ProxyHandler tunnelHandler =
        tunnel ? Proxies.tunnelHandler(proxy, address, options.connectTimeout()) : null;
    SslHandler[] ssl = new SslHandler[1];
    Bootstrap bootstrap =
        new Bootstrap()
            .group(resources.eventLoopGroup())
            .channel(resources.transport().socketChannelClass())
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) options.connectTimeout().toMillis())
            .option(ChannelOption.TCP_NODELAY, true)
            .handler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    ChannelPipeline p = ch.pipeline();
                    if (tunnelHandler != null) {
                      p.addLast("proxy", tunnelHandler);
                    }
                    if (key.tls()) {
                      ssl[0] =
                          TlsContexts.clientHandler(
                              sslContext, options.tls(), ch.alloc(), key.bareHost(), key.port());
                      // the handshake is part of connecting: a server that never answers it times
                      // out
                      ssl[0].setHandshakeTimeoutMillis(options.connectTimeout().toMillis());
                      p.addLast("ssl", ssl[0]);
                    }
                    p.addLast("codec", new HttpClientCodec(4096, 8192, MAX_CHUNK));
                    p.addLast("decoder-check", handler.decoderCheck());
                    p.addLast("decompress", new HttpContentDecompressor(0));
                    p.addLast("client", handler);
                  }
                });
    ChannelFuture connect;
    if (!tunnel) {
      connect = bootstrap.connect(address);
    } else {
      // the proxy resolves the origin's name: the tunnel handler sends it unresolved
      connect =
          bootstrap
              .resolver(NoopAddressResolverGroup.INSTANCE)
              .connect(InetSocketAddress.createUnresolved(key.bareHost(), key.port()));
    }
    connect.addListener(
        f -> {
          if (!f.isSuccess()) {
            result.completeExceptionally(connectFailure(key, f.cause()));
            return;
          }
          Channel ch = connect.channel();
          if (tunnelHandler == null) {
            afterTunnel(ch, key, handler, ssl[0], result);
          } else {
            tunnelHandler
                .connectFuture()
                .addListener(
                    t -> {
                      if (t.isSuccess()) {
                        afterTunnel(ch, key, handler, ssl[0], result);
                      } else {
                        ch.close();
                        result.completeExceptionally(Proxies.failure(key, t.cause()));
                      }
                    });
          }
        });
  }

  private static Throwable unwrap(Throwable error) {
    return error instanceof java.util.concurrent.CompletionException && error.getCause() != null
        ? error.getCause()
        : error;
  }

  /**
   * The failure of the name lookup or the TCP connect, to the origin or to the proxy: a timeout is
   * a {@link ConnectTimeoutException}, an unknown host its own {@link UnknownHostException},
   * anything else an {@link HttpConnectException} (or, to a proxy, a proxy failure) keeping the
   * transport's exception as its cause.
   */
  private static Throwable connectFailure(PoolKey key, Throwable cause) {
    if (cause instanceof io.netty.channel.ConnectTimeoutException) {
      ConnectTimeoutException timeout =
          new ConnectTimeoutException(
              key.proxy().isDirect()
                  ? cause.getMessage()
                  : "connecting to " + key.proxy() + ": " + cause.getMessage());
      timeout.initCause(cause);
      return timeout;
    }
    if (!key.proxy().isDirect()) {
      return Proxies.failure(key, cause);
    }
    return cause instanceof UnknownHostException
        ? cause
        : new HttpConnectException(key.authority(), cause);
  }

  /** Completes {@code result} once TLS, if any, is established over {@code ch}. */
  private static void afterTunnel(
      Channel ch,
      PoolKey key,
      ClientHandler handler,
      SslHandler ssl,
      CompletableFuture<PooledConnection> result) {
    PooledConnection conn = new PooledConnection(ch, key, handler);
    if (ssl == null) {
      result.complete(conn);
    } else {
      ssl.handshakeFuture()
          .addListener(
              h -> {
                if (h.isSuccess()) {
                  result.complete(conn);
                } else {
                  ch.close();
                  Throwable cause = h.cause();
                  result.completeExceptionally(
                      cause instanceof SslHandshakeTimeoutException
                          ? new ConnectTimeoutException(
                              "TLS handshake with "
                                  + key.authority()
                                  + " timed out: "
                                  + cause.getMessage())
                          : cause);
                }
              });
    }
  }
}
