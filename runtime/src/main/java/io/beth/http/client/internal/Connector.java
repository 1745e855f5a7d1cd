package io.beth.http.client.internal;

import io.beth.http.ConnectTimeoutException;
import io.beth.http.HttpClientOptions;
import io.beth.transport.Transports;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContentDecompressor;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/** Opens client connections: TCP, TLS with host-name checks, the HTTP codec, the handler. */
final class Connector {

  /** The largest body chunk the decoder hands on: fewer, larger messages for big bodies. */
  private static final int MAX_CHUNK = 64 * 1024;

  private final EventLoopGroup group;
  private final HttpClientOptions options;
  private final SslContext sslContext;

  Connector(EventLoopGroup group, HttpClientOptions options) {
    this.group = group;
    this.options = options;
    this.sslContext = sslContext(options);
  }

  private static SslContext sslContext(HttpClientOptions options) {
    SslContextBuilder b = SslContextBuilder.forClient();
    if (options.insecure()) {
      b.trustManager(InsecureTrustManagerFactory.INSTANCE);
    } else if (options.trustManagerFactory() != null) {
      b.trustManager(options.trustManagerFactory());
    }
    if (options.keyManagerFactory() != null) {
      b.keyManager(options.keyManagerFactory());
    }
    try {
      return b.build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot build the client TLS context", e);
    }
  }

  /** Connects to {@code key}; completes once TLS (if any) is established. */
  CompletableFuture<PooledConnection> connect(PoolKey key) {
    CompletableFuture<PooledConnection> result = new CompletableFuture<>();
    ClientHandler handler = new ClientHandler();
    Bootstrap bootstrap = new Bootstrap()
        .group(group)
        .channel(Transports.socketChannelClass())
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) options.connectTimeout().toMillis())
        .option(ChannelOption.TCP_NODELAY, true)
        .handler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            ChannelPipeline p = ch.pipeline();
            if (key.tls()) {
              SslHandler ssl = sslContext.newHandler(ch.alloc(), key.host(), key.port());
              if (!options.insecure()) {
                SSLEngine engine = ssl.engine();
                SSLParameters params = engine.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                engine.setSSLParameters(params);
              }
              p.addLast("ssl", ssl);
            }
            p.addLast("codec", new HttpClientCodec(4096, 8192, MAX_CHUNK));
            p.addLast("decompress", new HttpContentDecompressor(0));
            p.addLast("idle", new IdleStateHandler(
                options.readIdleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
            p.addLast("client", handler);
          }
        });
    ChannelFuture connect = bootstrap.connect(key.host(), key.port());
    connect.addListener(f -> {
      if (!f.isSuccess()) {
        Throwable cause = f.cause();
        if (cause instanceof io.netty.channel.ConnectTimeoutException) {
          cause = new ConnectTimeoutException(cause.getMessage());
        }
        result.completeExceptionally(cause);
        return;
      }
      Channel ch = connect.channel();
      PooledConnection conn = new PooledConnection(ch, key, handler);
      SslHandler ssl = ch.pipeline().get(SslHandler.class);
      if (ssl == null) {
        result.complete(conn);
      } else {
        ssl.handshakeFuture().addListener(h -> {
          if (h.isSuccess()) {
            result.complete(conn);
          } else {
            ch.close();
            result.completeExceptionally(h.cause());
          }
        });
      }
    });
    return result;
  }
}
