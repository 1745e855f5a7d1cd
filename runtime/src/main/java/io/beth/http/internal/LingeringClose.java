package io.beth.http.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose request body is still arriving without taking the answer with it. A
 * close with unread input makes the kernel reset the connection: the client's upload fails, and a
 * client that gives up on a failed upload never reads the answer already sent. So the output is
 * shut down (the answer, then end of stream) and the rest of the input is read and dropped until
 * the client closes, or for {@link #LINGER_MILLIS} at most. Added right after the HTTP decoder when
 * needed; a channel that cannot half-close is closed at once.
 */
final class LingeringClose extends ChannelInboundHandlerAdapter {

  /** How long a connection answered before its request body ended reads and drops the rest. */
  static final long LINGER_MILLIS = 5_000;

  private ScheduledFuture<?> deadline;

  LingeringClose() {}

  /** Starts lingering on {@code channel}: every reason to pause reading in {@code pauses} goes. */
  static void start(Channel channel, ReadPauses pauses) {
    if (!(channel instanceof DuplexChannel duplex)) {
      channel.close();
      return;
    }
    channel.pipeline().addAfter("decoder", "beth-linger", new LingeringClose());
    pauses.resumeAll();
    duplex
        .shutdownOutput()
        .addListener(
            f -> {
              if (!f.isSuccess()) {
                channel.close();
              }
            });
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    deadline =
        ctx.executor().schedule(() -> ctx.channel().close(), LINGER_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ReferenceCountUtil.release(msg); // the rest of the input, dropped as it comes
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    deadline.cancel(false);
    ctx.fireChannelInactive();
  }
}
