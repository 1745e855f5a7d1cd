package io.beth.http.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.CharsetUtil;
import io.netty.util.ReferenceCountUtil;

/**
 * The HTTP version of each request. A request of HTTP/1.x above 1.1 is served as HTTP/1.1, the
 * highest minor version this server speaks (RFC 9110, section 2.5), so that its response's status
 * line says {@code HTTP/1.1}; HTTP/1.0 and 1.1 pass as they are. A request of any other major
 * version is answered {@code 505 HTTP Version Not Supported} and the connection closed; nothing
 * after it is read.
 *
 * <p>It sits between the codec and the connection handler and watches the responses go out, so
 * that the 505 to a pipelined request follows the responses to the requests before it: it counts
 * the request heads it passes on and the final responses written to their end, and answers once
 * they are even (never after a response that closes the connection). On a 101 it steps aside:
 * the connection leaves HTTP.
 */
final class VersionCheck extends ChannelDuplexHandler {

  private final HeadTimeout headTimeout;
  /** Request heads passed on to the connection handler. */
  private long requests;
  /** Final responses written to their end. */
  private long responses;
  /** The response being written is an interim one (1xx but 101): its end is not a response's. */
  private boolean interim;
  /** The response being written closes the connection. */
  private boolean closes;
  /** The version of the request to answer 505, once it came; nothing is read after it. */
  private HttpVersion unsupported;

  VersionCheck(HeadTimeout headTimeout) {
    this.headTimeout = headTimeout;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (unsupported != null) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (msg instanceof HttpRequest request && request.decoderResult().isSuccess()) {
      HttpVersion version = request.protocolVersion();
      if (version.majorVersion() != 1) {
        ReferenceCountUtil.release(msg);
        unsupported = version;
        headTimeout.stop(); // no head is awaited on this connection any more
        if (responses == requests) {
          reject(ctx);
        }
        return;
      }
      if (version.minorVersion() > 1) {
        request.setProtocolVersion(HttpVersion.HTTP_1_1);
      }
    }
    if (msg instanceof HttpRequest) {
      requests++;
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    boolean upgraded = false;
    if (msg instanceof HttpResponse response) {
      int code = response.status().code();
      interim = code < 200 && code != HttpResponseStatus.SWITCHING_PROTOCOLS.code();
      closes = !HttpUtil.isKeepAlive(response);
      upgraded = code == HttpResponseStatus.SWITCHING_PROTOCOLS.code();
    }
    boolean ended = msg instanceof LastHttpContent && !interim;
    ctx.write(msg, promise);
    if (upgraded) {
      ctx.pipeline().remove(this);
    } else if (ended) {
      responses++;
      if (unsupported != null && responses == requests && !closes) {
        reject(ctx);
      }
    }
  }

  /** Answers 505 to the request of version {@link #unsupported} and closes the connection. */
  private void reject(ChannelHandlerContext ctx) {
    HttpResponseStatus status = HttpResponseStatus.HTTP_VERSION_NOT_SUPPORTED;
    ByteBuf content = Unpooled.copiedBuffer(unsupported.text()
        + " is not supported: this server speaks HTTP/1.1 and HTTP/1.0\n", CharsetUtil.UTF_8);
    DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
        content, ResponseHeads.HEADERS.newHeaders(), ResponseHeads.TRAILERS.newHeaders());
    response.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
        .setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes())
        .set(HttpHeaderNames.CONNECTION, "close")
        .set(HttpHeaderNames.DATE, DateHeader.now());
    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }
}
