package io.beth.websocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.http.HttpHandler;
import io.beth.http.HttpResponse;
import io.beth.http.HttpServer;
import io.beth.stream.Streams;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.codec.http.websocketx.extensions.compression.WebSocketServerCompressionHandler;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against an independent server: Netty's own WebSocket server handlers. */
class WebSocketClientTest {

  private EventLoopGroup group;
  private Channel server;
  private HttpServer bethServer;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close().await(5, TimeUnit.SECONDS);
    }
    if (group != null) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
    }
    if (bethServer != null) {
      bethServer.stop(Duration.ofSeconds(1)).join();
    }
  }

  /** Netty's WebSocket server: echoes data frames; "close:CODE" closes with CODE. */
  private URI nettyEchoServer() throws InterruptedException {
    group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    server =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(
                            new HttpServerCodec(),
                            new HttpObjectAggregator(65536),
                            new WebSocketServerCompressionHandler(0),
                            new WebSocketServerProtocolHandler(
                                WebSocketServerProtocolConfig.newBuilder()
                                    .websocketPath("/ws")
                                    .subprotocols("chat,superchat")
                                    .allowExtensions(true)
                                    .build()),
                            new SimpleChannelInboundHandler<WebSocketFrame>() {
                              @Override
                              protected void channelRead0(
                                  ChannelHandlerContext ctx, WebSocketFrame f) {
                                if (f instanceof TextWebSocketFrame t
                                    && t.text().startsWith("close:")) {
                                  ctx.writeAndFlush(
                                      new CloseWebSocketFrame(
                                          Integer.parseInt(t.text().substring(6)),
                                          "server says bye"));
                                } else if (f instanceof TextWebSocketFrame
                                    || f instanceof BinaryWebSocketFrame) {
                                  ctx.writeAndFlush(f.retain());
                                }
                              }
                            });
                  }
                })
            .bind("127.0.0.1", 0)
            .sync()
            .channel();
    return URI.create(
        "ws://127.0.0.1:" + ((java.net.InetSocketAddress) server.localAddress()).getPort() + "/ws");
  }

  private static <T> T await(CompletableFuture<T> f) {
    return f.orTimeout(10, TimeUnit.SECONDS).join();
  }

  @Test
  void echoesTextAndBinaryWithAnIndependentServer() throws Exception {
    WebSocket ws = await(WebSocketClient.connect(nettyEchoServer()));
    assertTrue(await(ws.put("hello")));
    assertEquals("hello", await(ws.take()));
    assertTrue(await(ws.put(new byte[] {1, 2, 3})));
    assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) await(ws.take()));
    ws.close(1000, "done");
    assertNull(await(ws.take()));
    assertEquals(1000, await(ws.closeStatus()).code());
  }

  @Test
  void theServersCloseCodeAndReasonAreReadable() throws Exception {
    WebSocket ws = await(WebSocketClient.connect(nettyEchoServer()));
    await(ws.put("close:4002"));
    assertNull(await(ws.take()));
    assertEquals(new CloseStatus(4002, "server says bye"), await(ws.closeStatus()));
  }

  @Test
  void subprotocolAndCompressionAreNegotiated() throws Exception {
    URI uri = nettyEchoServer();
    WebSocket ws =
        await(
            WebSocketClient.connect(
                uri,
                WebSocketOptions.builder().subprotocols("superchat").compression(true).build()));
    assertEquals("superchat", ws.subprotocol());
    assertTrue(ws.isCompressed());
    String big = "compressible ".repeat(20_000);
    await(ws.put(big));
    assertEquals(big, await(ws.take()));
    ws.close();
  }

  @Test
  void aRefusedHandshakeCarriesTheStatusAndBody() {
    bethServer =
        HttpServer.start(
                HttpHandler.sync(request -> HttpResponse.status(403).body("go away").build()))
            .join();
    CompletionException e =
        assertThrows(
            CompletionException.class,
            () ->
                await(
                    WebSocketClient.connect(
                        URI.create("ws://127.0.0.1:" + bethServer.port() + "/ws"))));
    WebSocketHandshakeException refused =
        assertInstanceOf(WebSocketHandshakeException.class, e.getCause());
    assertEquals(403, refused.status());
    assertEquals("go away", refused.bodyText());
  }

  @Test
  void aThousandConcurrentSocketsEcho() {
    bethServer =
        HttpServer.start(
                HttpHandler.sync(
                    request -> {
                      WebSocketUpgrade upgrade = WebSockets.upgrade(request);
                      upgrade.socket().thenAccept(ws -> Streams.connect(ws, ws));
                      return upgrade.response();
                    }))
            .join();
    URI uri = URI.create("ws://127.0.0.1:" + bethServer.port() + "/ws");
    List<WebSocket> sockets = new ArrayList<>();
    for (int wave = 0; wave < 10; wave++) { // waves of 100 connects: the accept backlog is finite
      List<CompletableFuture<WebSocket>> connects = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        connects.add(WebSocketClient.connect(uri));
      }
      connects.forEach(c -> sockets.add(await(c)));
    }
    List<CompletableFuture<Object>> echoes = new ArrayList<>();
    for (int i = 0; i < sockets.size(); i++) {
      WebSocket ws = sockets.get(i);
      echoes.add(ws.put("m" + i).thenCompose(ok -> ws.take()));
    }
    for (int i = 0; i < sockets.size(); i++) {
      assertEquals("m" + i, await(echoes.get(i)));
    }
    sockets.forEach(WebSocket::close);
    for (WebSocket ws : sockets) {
      assertEquals(1000, await(ws.closeStatus()).code());
    }
  }
}
