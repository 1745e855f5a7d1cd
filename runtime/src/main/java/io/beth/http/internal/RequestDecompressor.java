package io.beth.http.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpContentDecompressor;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;

/**
 * Decodes gzip/deflate request bodies; a request without a content or transfer coding (nearly all
 * of them) passes straight on, head and body, without the decoder's per-message work. The request
 * decoder adds it to a connection when the first coded request arrives.
 */
final class RequestDecompressor extends HttpContentDecompressor {

  private boolean passing = true; // the current request has no content or transfer coding
  private boolean decodedInRead; // the decoder saw a message since the last read completed

  RequestDecompressor() {
    super(0);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (msg instanceof HttpRequest request) {
      passing = uncoded(request);
    }
    if (passing) {
      ctx.fireChannelRead(msg);
    } else {
      decodedInRead = true;
      super.channelRead(ctx, msg);
    }
  }

  /**
   * No content coding and no transfer coding but chunked (the decoder also takes the first of
   * {@code Transfer-Encoding: gzip, chunked} as the body's coding).
   */
  static boolean uncoded(HttpRequest request) {
    String content = request.headers().get(HttpHeaderNames.CONTENT_ENCODING);
    if (content != null && !HttpHeaderValues.IDENTITY.contentEqualsIgnoreCase(content.trim())) {
      return false;
    }
    String transfer = request.headers().get(HttpHeaderNames.TRANSFER_ENCODING);
    return transfer == null || HttpHeaderValues.CHUNKED.contentEqualsIgnoreCase(transfer.trim());
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
