package io.beth.websocket.internal;

import io.beth.websocket.WebSocketOptions;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;

/** Assembles the message handlers of an open WebSocket, after the frame codec. */
final class Pipelines {

  private Pipelines() {}

  /** The frame decoder's configuration for a server ({@code server}) or client side. */
  static WebSocketDecoderConfig decoderConfig(WebSocketOptions options, boolean server) {
    return WebSocketDecoderConfig.newBuilder()
        .maxFramePayloadLength(options.maxFrameSize())
        .expectMaskedFrames(server)
        .allowMaskMismatch(false)
        .allowExtensions(options.compression())
        .closeOnProtocolViolation(false)
        .withUTF8Validator(false)
        .build();
  }

  /** Adds UTF-8 validation, aggregation and the socket at the end of the pipeline. */
  static ChannelWebSocket install(
      Channel channel, WebSocketOptions options, String subprotocol, boolean compressed) {
    ChannelWebSocket socket = new ChannelWebSocket(channel, options, subprotocol, compressed);
    ChannelPipeline p = channel.pipeline();
    p.addLast("ws-utf8", new Utf8FrameValidator(false));
    p.addLast("ws-aggregator", new WebSocketFrameAggregator(options.maxMessageSize()));
    p.addLast("ws-socket", socket);
    return socket;
  }
}
