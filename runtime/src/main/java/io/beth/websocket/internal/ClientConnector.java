package io.beth.websocket.internal;

import io.beth.http.HttpHeaders;
import io.beth.transport.BethResources;
import io.beth.transport.internal.Addresses;
import io.beth.transport.internal.TlsContexts;
import io.beth.websocket.WebSocket;
import io.beth.websocket.WebSocketException;
import io.beth.websocket.WebSocketHandshakeException;
import io.beth.websocket.WebSocketOptions;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker13;
import io.netty.handler.codec.http.websocketx.WebSocketFrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.codec.http.websocketx.extensions.compression.WebSocketClientCompressionHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/** Opens client WebSockets: connect, TLS, the opening handshake with its timeout. */
public final class ClientConnector {

  /** The most of a refused handshake's response body that is kept; the rest is dropped. */
  private static final int MAX_REFUSAL_BODY = 64 * 1024;

  private ClientConnector() {}

  /** Connects to {@code uri} ({@code ws} or {@code wss}). */
  public static CompletableFuture<WebSocket> connect(URI uri, WebSocketOptions options) {
    CompletableFuture<WebSocket> result = new CompletableFuture<>();
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    boolean tls = scheme.equals("wss");
    if (!tls && !scheme.equals("ws")) {
      result.completeExceptionally(
          new IllegalArgumentException("not a ws:// or wss:// URI: " + uri));
      return result;
    }
    BethResources resources =
        options.resources() != null ? options.resources() : BethResources.shared();
    if (resources.isClosed()) {
      result.completeExceptionally(
          new IllegalStateException("cannot connect to " + uri + " on " + resources + ": closed"));
      return result;
    }
    String host = uri.getHost();
    int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
    SslContext ssl;
    try {
      ssl = tls ? options.sslContext() : null; // built once per options object, on first use
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
      return result;
    }
    DefaultHttpHeaders headers = new DefaultHttpHeaders();
    for (Map.Entry<String, String> h : options.headers()) {
      headers.add(h.getKey(), h.getValue());
    }
    WebSocketClientHandshaker handshaker =
        new Handshaker13(
            uri,
            options.subprotocols().isEmpty() ? null : String.join(",", options.subprotocols()),
            headers,
            options);
    Bootstrap b =
        new Bootstrap()
            .group(resources.eventLoopGroup())
            .channel(resources.transport().socketChannelClass())
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS,
                (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis()))
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ChannelPipeline p = ch.pipeline();
                    if (ssl != null) {
                      p.addLast(
                          "ssl",
                          TlsContexts.clientHandler(ssl, options.tls(), ch.alloc(), host, port));
                    }
                    p.addLast("http", new HttpClientCodec());
                    if (options.compression()) {
                      // inflating one frame stops past the maximum message size: no zip bomb
                      p.addLast(
                          "ws-compression",
                          new WebSocketClientCompressionHandler(options.maxMessageSize()));
                    }
                    p.addLast("ws-handshake", new Handshake(handshaker, options, result));
                  }
                });
    if (options.bootstrapHook() != null) {
      options.bootstrapHook().accept(b);
    }
    // the name is looked up off the event loop: DNS may take seconds
    Addresses.resolve(host, port, resources.blockingExecutor())
        .whenComplete(
            (address, error) -> {
              if (error != null) {
                Throwable cause =
                    error instanceof CompletionException && error.getCause() != null
                        ? error.getCause()
                        : error;
                result.completeExceptionally(
                    new WebSocketException("cannot connect to " + uri + ": " + cause, cause));
                return;
              }
              b.connect(address)
                  .addListener(
                      f -> {
                        if (!f.isSuccess()) {
                          result.completeExceptionally(
                              new WebSocketException(
                                  "cannot connect to " + uri + ": " + f.cause().getMessage(),
                                  f.cause()));
                        }
                      });
            });
    return result;
  }

  /**
   * Netty's RFC 6455 client handshaker with the socket's decoder configuration: Netty's own decoder
   * would answer a protocol error with a close frame of its own, written where no encoder follows
   * (so it never reaches the peer), and close the connection before the socket could send its close
   * frame.
   */
  private static final class Handshaker13 extends WebSocketClientHandshaker13 {
    private final WebSocketOptions options;

    Handshaker13(
        URI uri, String subprotocols, DefaultHttpHeaders headers, WebSocketOptions options) {
      super(
          uri,
          WebSocketVersion.V13,
          subprotocols,
          options.compression(),
          headers,
          options.maxFrameSize());
      this.options = options;
    }

    @Override
    protected WebSocketFrameDecoder newWebsocketDecoder() {
      return new WebSocket13FrameDecoder(Pipelines.decoderConfig(options, false));
    }
  }

  /**
   * Sends the handshake request, collects the response (keeping at most the first {@link
   * #MAX_REFUSAL_BODY} bytes of a refusal's body, so a large one still reports its status), checks
   * it and installs the socket.
   */
  private static final class Handshake extends ChannelInboundHandlerAdapter {
    private final WebSocketClientHandshaker handshaker;
    private final WebSocketOptions options;
    private final CompletableFuture<WebSocket> result;
    private ScheduledFuture<?> timeout;
    private HttpResponse head;
    private ByteBuf body;

    Handshake(
        WebSocketClientHandshaker handshaker,
        WebSocketOptions options,
        CompletableFuture<WebSocket> result) {
      this.handshaker = handshaker;
      this.options = options;
      this.result = result;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      timeout =
          ctx.executor()
              .schedule(
                  () -> {
                    if (result.completeExceptionally(
                        new WebSocketException(
                            "no WebSocket handshake within " + options.handshakeTimeout()))) {
                      ctx.close();
                    }
                  },
                  options.handshakeTimeout().toNanos(),
                  TimeUnit.NANOSECONDS);
      handshaker
          .handshake(ctx.channel())
          .addListener(
              f -> {
                if (!f.isSuccess()) {
                  fail(ctx, new WebSocketException("handshake request failed", f.cause()));
                }
              });
      ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      try {
        if (msg instanceof HttpObject http && http.decoderResult().isFailure()) {
          fail(
              ctx,
              new WebSocketException(
                  "invalid WebSocket handshake response: " + http.decoderResult().cause(),
                  http.decoderResult().cause()));
          return;
        }
        if (msg instanceof HttpResponse response && head == null) {
          head = response;
          body = ctx.alloc().buffer(0, MAX_REFUSAL_BODY);
        }
        if (msg instanceof HttpContent content && body != null) {
          ByteBuf part = content.content();
          body.writeBytes(
              part,
              part.readerIndex(),
              Math.min(part.readableBytes(), body.maxWritableBytes())); // the rest is dropped
          if (msg instanceof LastHttpContent) {
            FullHttpResponse response =
                new DefaultFullHttpResponse(
                    head.protocolVersion(),
                    head.status(),
                    body,
                    head.headers(),
                    EmptyHttpHeaders.INSTANCE);
            body = null;
            try {
              received(ctx, response);
            } finally {
              response.release();
            }
          }
        }
      } finally {
        ReferenceCountUtil.release(msg);
      }
    }

    private void received(ChannelHandlerContext ctx, FullHttpResponse response) {
      timeout.cancel(false);
      if (response.status().code() != 101) {
        fail(
            ctx,
            refused(
                "the server refused the WebSocket handshake with " + response.status(), response));
        return;
      }
      Channel ch = ctx.channel();
      String subprotocol = response.headers().get("Sec-WebSocket-Protocol");
      if (subprotocol == null && !options.subprotocols().isEmpty()) {
        // RFC 6455 4.1: a server may select none of the offered subprotocols, but Netty's check
        // wants one of them; the socket reports none (below)
        response.headers().set("Sec-WebSocket-Protocol", options.subprotocols().get(0));
      }
      try {
        handshaker.finishHandshake(ch, response);
      } catch (RuntimeException e) {
        fail(ctx, refused("invalid WebSocket handshake response: " + e.getMessage(), response));
        return;
      }
      boolean compressed =
          response.headers().contains("Sec-WebSocket-Extensions")
              && response.headers().get("Sec-WebSocket-Extensions").contains("permessage-deflate");
      ctx.pipeline().remove(this);
      ChannelWebSocket socket =
          Pipelines.install(
              ch, options, subprotocol == null ? null : subprotocol.trim(), compressed);
      if (!result.complete(socket)) {
        ch.close();
      }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
      if (body != null) {
        body.release();
        body = null;
      }
    }

    private static WebSocketHandshakeException refused(String message, FullHttpResponse r) {
      HttpHeaders.Builder headers = HttpHeaders.builder();
      for (Map.Entry<String, String> h : r.headers()) {
        headers.add(h.getKey(), h.getValue());
      }
      return new WebSocketHandshakeException(
          message, r.status().code(), headers.build(), ByteBufUtil.getBytes(r.content()));
    }

    private void fail(ChannelHandlerContext ctx, Throwable cause) {
      if (timeout != null) {
        timeout.cancel(false);
      }
      if (body != null) {
        body.release();
        body = null;
      }
      result.completeExceptionally(cause);
      ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      fail(ctx, new WebSocketException("the connection closed during the WebSocket handshake"));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      fail(ctx, new WebSocketException("WebSocket handshake failed: " + cause.getMessage(), cause));
    }
  }
}
