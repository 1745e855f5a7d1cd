package io.beth.benchmarks.websocket;

import io.beth.benchmarks.PlainNetty;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The load: {@code sockets} WebSocket connections, each sending a short text message and the next
 * one as soon as the echo arrives (one message in flight per socket), counting round trips; plain
 * Netty on {@link PlainNetty}'s transport, on the event-loop group it is given.
 */
final class EchoClient implements AutoCloseable {

  private static final String MESSAGE = "hello, echo server! 0123456789";

  private final EventLoopGroup group;
  private final List<Channel> channels = new ArrayList<>();
  final LongAdder roundTrips = new LongAdder();
  private volatile boolean running = true;

  private EchoClient(EventLoopGroup group) {
    this.group = group;
  }

  /** Opens {@code sockets} connections to {@code uri} and starts the echo loops on each. */
  static EchoClient start(URI uri, int sockets, EventLoopGroup group) throws Exception {
    EchoClient client = new EchoClient(group);
    List<CompletableFuture<Channel>> ready = new ArrayList<>();
    for (int i = 0; i < sockets; i++) {
      CompletableFuture<Channel> handshaken = new CompletableFuture<>();
      ready.add(handshaken);
      new Bootstrap()
          .group(group)
          .channel(PlainNetty.socketChannel())
          .option(ChannelOption.TCP_NODELAY, true)
          .handler(
              new ChannelInitializer<Channel>() {
                @Override
                protected void initChannel(Channel ch) {
                  ch.pipeline()
                      .addLast(
                          new HttpClientCodec(),
                          new HttpObjectAggregator(8192),
                          new WebSocketClientProtocolHandler(
                              uri,
                              io.netty.handler.codec.http.websocketx.WebSocketVersion.V13,
                              null,
                              false,
                              io.netty.handler.codec.http.EmptyHttpHeaders.INSTANCE,
                              65536),
                          client.new Loop(handshaken));
                }
              })
          .connect(uri.getHost(), uri.getPort())
          .addListener(
              f -> {
                if (!f.isSuccess()) {
                  handshaken.completeExceptionally(f.cause());
                }
              });
    }
    for (CompletableFuture<Channel> f : ready) {
      Channel ch = f.get(30, TimeUnit.SECONDS);
      client.channels.add(ch);
    }
    for (Channel ch : client.channels) {
      ch.writeAndFlush(new TextWebSocketFrame(MESSAGE));
    }
    return client;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    for (Channel ch : channels) {
      ch.close();
    }
    for (Channel ch : channels) {
      ch.closeFuture().await(5, TimeUnit.SECONDS);
    }
  }

  private final class Loop extends SimpleChannelInboundHandler<WebSocketFrame> {
    private final CompletableFuture<Channel> handshaken;

    Loop(CompletableFuture<Channel> handshaken) {
      this.handshaken = handshaken;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
        handshaken.complete(ctx.channel());
      }
      ctx.fireUserEventTriggered(evt);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
      if (frame instanceof TextWebSocketFrame) {
        roundTrips.increment();
        if (running) {
          ctx.writeAndFlush(new TextWebSocketFrame(MESSAGE));
        }
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      handshaken.completeExceptionally(cause);
      ctx.close();
    }
  }
}
