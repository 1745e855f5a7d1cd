package io.beth.tcp.internal;

import io.beth.tcp.ConnectionInfo;
import io.beth.transport.ConnectionException;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reports once when a connection is ready for its user: when it becomes active, or after the TLS
 * handshake succeeded; or reports why it never became ready.
 */
final class ReadyHandler extends ChannelInboundHandlerAdapter {

  private final boolean tls;
  private final Consumer<ConnectionInfo> ready;
  private final Consumer<Throwable> failed;
  private boolean reported;

  ReadyHandler(boolean tls, Consumer<ConnectionInfo> ready, Consumer<Throwable> failed) {
    this.tls = tls;
    this.ready = ready;
    this.failed = failed;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    if (!tls) {
      ready(ctx.channel());
    }
    ctx.fireChannelActive();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof SslHandshakeCompletionEvent && !reported) {
      SslHandshakeCompletionEvent done = (SslHandshakeCompletionEvent) evt;
      if (done.isSuccess()) {
        ready(ctx.channel());
      } else {
        reported = true;
        failed.accept(
            new ConnectionException(
                "TLS handshake with " + ctx.channel().remoteAddress() + " failed: " + done.cause(),
                done.cause()));
      }
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (!reported) {
      reported = true;
      failed.accept(
          new ConnectionException(
              "connection to " + ctx.channel().remoteAddress() + " closed before it was ready",
              null));
    }
    ctx.fireChannelInactive();
  }

  private void ready(Channel channel) {
    if (reported) {
      return;
    }
    reported = true;
    SslHandler ssl = channel.pipeline().get(SslHandler.class);
    ready.accept(
        new ConnectionInfo(
            (InetSocketAddress) channel.remoteAddress(),
            (InetSocketAddress) channel.localAddress(),
            Optional.ofNullable(ssl == null ? null : ssl.engine().getSession())));
  }
}
