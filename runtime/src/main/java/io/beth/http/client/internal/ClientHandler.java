package io.beth.http.client.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import javax.net.ssl.SSLException;

/**
 * The last handler of a client connection: routes every inbound event to the exchange in progress
 * (set and cleared on the event loop) and releases what arrives between exchanges.
 */
final class ClientHandler extends ChannelInboundHandlerAdapter {

  /** The exchange in progress; event loop only. */
  Exchange exchange;

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    Exchange current = exchange;
    if (current == null) {
      ReferenceCountUtil.release(msg);
      ctx.close();
      return;
    }
    current.onMessage(msg);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    Exchange current = exchange;
    if (current != null) {
      current.fail(new IOException("connection closed by the server"), true);
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    Exchange current = exchange;
    if (current != null) {
      // a TLS alert or a read error surfaces as itself, not wrapped by a Netty decoder
      Throwable error = cause instanceof DecoderException && cause.getCause() instanceof IOException
          ? cause.getCause() : cause;
      // a reset keep-alive connection is stale like a closed one; a TLS failure is not
      current.fail(error, error instanceof IOException && !(error instanceof SSLException));
    }
    ctx.close();
  }

  /**
   * Resumes the request body. Safe inside a write: the exchange writes its next chunk in a task of
   * its own, so nothing re-enters Netty's HTTP encoder (which is not reentrant) from here.
   */
  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    Exchange current = exchange;
    if (current != null && ctx.channel().isWritable()) {
      current.writable();
    }
    ctx.fireChannelWritabilityChanged();
  }
}
