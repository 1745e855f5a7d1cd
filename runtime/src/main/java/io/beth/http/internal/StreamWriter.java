package io.beth.http.internal;

import io.beth.stream.Source;
import io.beth.transport.internal.Disposal;
import io.beth.transport.internal.OutboundBridge;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.Charset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a source's messages as the chunks of a response body, through the channel's outbound
 * bridge: the next message is taken only while the channel is writable. If the connection closes
 * first, the source is closed so that its producer stops.
 */
final class StreamWriter implements Exchange.BodyWriter, OutboundBridge.Writer<Object> {

  private static final Logger log = LoggerFactory.getLogger(StreamWriter.class);

  private final ChannelHandlerContext ctx;
  private final HttpConnectionHandler connection;
  private final Exchange ex;
  private final Source<Object> source;
  private final Charset charset;
  private final OutboundBridge<Object> bridge;

  StreamWriter(
      ChannelHandlerContext ctx,
      HttpConnectionHandler connection,
      Exchange ex,
      Source<Object> source,
      Charset charset) {
    this.ctx = ctx;
    this.connection = connection;
    this.ex = ex;
    this.source = source;
    this.charset = charset;
    this.bridge = new OutboundBridge<>(ctx.channel(), ctx, source, this);
  }

  /** Starts writing what the source has; on the event loop. */
  void start() {
    bridge.resume();
  }

  @Override
  public boolean write(Object item) {
    ByteBuf buf;
    try {
      buf = Chunks.toByteBuf(item, ctx.alloc(), charset);
    } catch (IllegalArgumentException e) {
      ReferenceCountUtil.safeRelease(item);
      fail(e);
      return false;
    }
    if (!buf.isReadable()) {
      buf.release();
      return true;
    }
    ctx.write(new DefaultHttpContent(buf))
        .addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
    return true;
  }

  @Override
  public void end(Throwable cause) {
    if (cause != null) {
      fail(cause);
      return;
    }
    ex.writer = null;
    ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT)
        .addListener(f -> connection.responseDone(ex, f.isSuccess()));
  }

  private void fail(Throwable error) {
    log.warn(
        "the body stream of the response to {} {} failed; closing the connection",
        ex.request.method(),
        ex.request.uri(),
        error);
    ex.writer = null;
    Disposal.closeAndRelease(source);
    connection.responseDone(ex, false);
  }

  @Override
  public void writabilityChanged() {
    bridge.writabilityChanged();
  }

  @Override
  public void abort() {
    if (!bridge.isDone()) {
      ex.writer = null;
      bridge.cancel();
    }
  }
}
