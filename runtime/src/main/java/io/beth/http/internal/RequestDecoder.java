package io.beth.http.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import java.util.List;

/**
 * Netty's request decoder, stricter about request smuggling: a request with both {@code
 * Transfer-Encoding} and {@code Content-Length} is malformed (Netty would drop the length). It
 * reports every read to the connection's {@link ConnectionTimeouts}, and adds the request
 * decompressor behind itself when the first request with a content coding arrives, so that the many
 * connections that never send one pass no message through it.
 */
final class RequestDecoder extends HttpRequestDecoder {

  static final String DECOMPRESSOR = "decompressor";

  private final ConnectionTimeouts timeouts;
  private boolean decompressWhenCoded; // requests may be coded and no decompressor is there yet

  RequestDecoder(HttpDecoderConfig config, ConnectionTimeouts timeouts, boolean decompress) {
    super(config);
    this.timeouts = timeouts;
    this.decompressWhenCoded = decompress;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
    timeouts.attach(ctx);
    super.handlerAdded(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (msg instanceof ByteBuf bytes) {
      timeouts.read(bytes);
    }
    super.channelRead(ctx, msg);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
    timeouts.readComplete();
    super.channelReadComplete(ctx);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out)
      throws Exception {
    int before = out.size();
    super.decode(ctx, buffer, out);
    if (decompressWhenCoded) {
      for (int i = before; i < out.size(); i++) {
        if (out.get(i) instanceof HttpRequest request && !RequestDecompressor.uncoded(request)) {
          // before the head is passed on, so that the decompressor sees it first
          ctx.pipeline().addAfter(ctx.name(), DECOMPRESSOR, new RequestDecompressor());
          decompressWhenCoded = false;
          break;
        }
      }
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    timeouts.stop();
    super.channelInactive(ctx);
  }

  @Override
  protected void handlerRemoved0(ChannelHandlerContext ctx) throws Exception {
    timeouts.stop();
    super.handlerRemoved0(ctx);
  }

  @Override
  protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
    throw new IllegalArgumentException("Content-Length and Transfer-Encoding both present");
  }
}
