package io.beth.http.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpContentDecompressor;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;

/**
 * Decodes gzip/deflate request bodies; a request without a content coding (nearly all of them)
 * passes straight on, head and body, without the decoder's per-message work.
 */
final class RequestDecompressor extends HttpContentDecompressor {

  private boolean passing; // the current request has no content coding
  private boolean decodedInRead; // the decoder saw a message since the last read completed

  RequestDecompressor() {
    super(0);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (msg instanceof HttpRequest request) {
      String coding = request.headers().get(HttpHeaderNames.CONTENT_ENCODING);
      passing = coding == null || HttpHeaderValues.IDENTITY.contentEqualsIgnoreCase(coding.trim());
    }
    if (passing) {
      ctx.fireChannelRead(msg);
    } else {
      decodedInRead = true;
      super.channelRead(ctx, msg);
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
    if (decodedInRead) {
      decodedInRead = false;
      super.channelReadComplete(ctx); // may ask for a read the decoding swallowed
    } else {
      ctx.fireChannelReadComplete();
    }
  }
}
