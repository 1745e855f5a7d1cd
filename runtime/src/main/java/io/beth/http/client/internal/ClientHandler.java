package io.beth.http.client.internal;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.HttpObject;
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

  /**
   * A handler for right after the HTTP decoder, before the decompressor (which drops decoder
   * results): a message the decoder marked as failed, such as the end of a body whose chunk size
   * was not a number, fails the exchange as a malformed response and closes the connection, so that
   * a broken body never passes for a complete one and its connection is never pooled.
   */
  ChannelHandler decoderCheck() {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpObject o && o.decoderResult().isFailure()) {
          Throwable cause = o.decoderResult().cause();
          ReferenceCountUtil.release(msg);
          Exchange current = exchange;
          if (current != null) {
            current.fail(
                new IOException("malformed response: " + cause.getMessage(), cause), false);
          }
          ctx.close();
          return;
        }
        ctx.fireChannelRead(msg);
      }
    };
  }

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
      Throwable error =
          cause instanceof DecoderException && cause.getCause() instanceof IOException
              ? cause.getCause()
              : cause;
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
