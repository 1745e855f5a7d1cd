package io.beth.tcp.internal;

import io.beth.tcp.ConnectionInfo;
import io.beth.transport.internal.ChannelStream;
import io.beth.transport.internal.StreamCodec;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslHandler;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Assembles a TCP connection's pipeline, in the order TLS, the user's handlers, readiness, stream.
 */
public final class TcpChannels {

  private TcpChannels() {}

  /**
   * Sets up {@code channel}: {@code ready} receives the stream and the connection's info once it is
   * active (after the TLS handshake if {@code ssl} is not null), or {@code failed} why it never
   * was. Both run on the event loop.
   */
  public static <I> ChannelStream<I, Object> setUp(
      Channel channel,
      SslHandler ssl,
      Consumer<? super ChannelPipeline> pipelineHook,
      StreamCodec<I, Object> codec,
      int inboundBuffer,
      int outboundBuffer,
      BiConsumer<ChannelStream<I, Object>, ConnectionInfo> ready,
      Consumer<Throwable> failed) {
    ChannelPipeline pipeline = channel.pipeline();
    if (ssl != null) {
      pipeline.addLast("ssl", ssl);
    }
    pipelineHook.accept(pipeline);
    ChannelStream<I, Object> stream =
        ChannelStream.attach(channel, codec, inboundBuffer, outboundBuffer, true);
    pipeline.addBefore(
        ChannelStream.HANDLER_NAME,
        "beth-ready",
        new ReadyHandler(ssl != null, info -> ready.accept(stream, info), failed));
    return stream;
  }
}
