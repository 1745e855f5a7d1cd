package io.beth.websocket;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the bytes a connection reads and writes on the wire; add it first in the pipeline. */
@ChannelHandler.Sharable
final class WireCounter extends ChannelDuplexHandler {

  final AtomicLong read = new AtomicLong();
  final AtomicLong written = new AtomicLong();

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf buf) {
      read.addAndGet(buf.readableBytes());
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof ByteBuf buf) {
      written.addAndGet(buf.readableBytes());
    }
    ctx.write(msg, promise);
  }
}
