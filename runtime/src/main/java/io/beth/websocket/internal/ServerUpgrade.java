package io.beth.websocket.internal;

import io.beth.http.HttpRequest;
import io.beth.http.HttpResponse;
import io.beth.websocket.WebSocket;
import io.beth.websocket.WebSocketException;
import io.beth.websocket.WebSocketHandshakeException;
import io.beth.websocket.WebSocketOptions;
import io.beth.websocket.WebSocketUpgrade;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketServerExtension;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The server's opening handshake on a request the HTTP server hands over. */
public final class ServerUpgrade {

  private ServerUpgrade() {}

  /** See {@link io.beth.websocket.WebSockets#upgrade}. */
  public static WebSocketUpgrade upgrade(HttpRequest request, WebSocketOptions options) {
    CompletableFuture<WebSocket> socket = new CompletableFuture<>();
    HttpResponse refusal = check(request, options);
    if (refusal != null) {
      socket.completeExceptionally(
          new WebSocketHandshakeException(
              "not a valid WebSocket upgrade: " + refusal.status(),
              refusal.status(),
              refusal.headers(),
              reason(refusal)));
      return new WebSocketUpgrade(refusal, socket);
    }
    HttpResponse response =
        HttpResponse.upgrade(
            (channel, req) -> {
              try {
                handshake(channel, req, options, socket);
              } catch (RuntimeException e) {
                socket.completeExceptionally(
                    new WebSocketException("WebSocket handshake failed", e));
                throw e;
              }
            });
    return new WebSocketUpgrade(response, socket);
  }

  private static byte[] reason(HttpResponse refusal) {
    Object body = refusal.body();
    return body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : new byte[0];
  }

  /** A refusal for a request that is not a valid upgrade, or null. */
  private static HttpResponse check(HttpRequest request, WebSocketOptions options) {
    if (!request.method().equals("GET")) {
      return refuse(400, "a WebSocket handshake must be a GET, not " + request.method());
    }
    if (!request.headers().containsToken("Upgrade", "websocket")) {
      return refuse(400, "the request does not ask for Upgrade: websocket");
    }
    if (!request.headers().containsToken("Connection", "upgrade")) {
      return refuse(400, "the request's Connection header does not contain upgrade");
    }
    String key = request.header("Sec-WebSocket-Key");
    if (key == null || key.isBlank()) {
      return refuse(400, "the request has no Sec-WebSocket-Key");
    }
    if (!"13".equals(request.header("Sec-WebSocket-Version"))) {
      return HttpResponse.status(426)
          .header("Sec-WebSocket-Version", "13")
          .body("unsupported Sec-WebSocket-Version; this server speaks 13")
          .build();
    }
    if (!options.originCheck().test(request.header("Origin"))) {
      return refuse(403, "origin not allowed: " + request.header("Origin"));
    }
    return null;
  }

  private static HttpResponse refuse(int status, String reason) {
    return HttpResponse.status(status).body(reason).build();
  }

  private static void handshake(
      Channel channel,
      HttpRequest request,
      WebSocketOptions options,
      CompletableFuture<WebSocket> socket) {
    FullHttpRequest nettyRequest =
        new DefaultFullHttpRequest(
            HttpVersion.HTTP_1_1, HttpMethod.GET, request.uri(), Unpooled.EMPTY_BUFFER);
    for (Map.Entry<String, String> h : request.headers()) {
      nettyRequest.headers().add(h.getKey(), h.getValue());
    }
    DefaultHttpHeaders responseHeaders = new DefaultHttpHeaders();
    for (Map.Entry<String, String> h : options.headers()) {
      responseHeaders.add(h.getKey(), h.getValue());
    }
    WebSocketServerExtension deflate =
        options.compression()
            ? Deflate.accept(
                request.headers().values("Sec-WebSocket-Extensions"),
                responseHeaders,
                options.maxMessageSize())
            : null;
    String location =
        (request.scheme().equals("https") ? "wss://" : "ws://")
            + request.header("Host")
            + request.uri();
    WebSocketServerHandshaker handshaker =
        new WebSocketServerHandshakerFactory(
                location,
                options.subprotocols().isEmpty() ? null : String.join(",", options.subprotocols()),
                Pipelines.decoderConfig(options, true))
            .newHandshaker(nettyRequest);
    handshaker
        .handshake(channel, nettyRequest, responseHeaders, channel.newPromise())
        .addListener(
            f -> {
              if (!f.isSuccess()) {
                socket.completeExceptionally(
                    new WebSocketException(
                        "the WebSocket handshake response could not be sent", f.cause()));
                channel.close();
                return;
              }
              ChannelPipeline p = channel.pipeline();
              if (deflate != null) {
                p.addLast("ws-deflate-decoder", deflate.newExtensionDecoder());
                p.addLast("ws-deflate-encoder", deflate.newExtensionEncoder());
              }
              ChannelWebSocket ws =
                  Pipelines.install(
                      channel, options, handshaker.selectedSubprotocol(), deflate != null);
              channel.config().setAutoRead(true);
              if (!socket.complete(ws)) {
                channel.close();
              }
            });
  }
}
