package io.beth.benchmarks.echo;

import io.beth.transport.Transport;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The TCP load driver: {@code connections} connections that each keep {@code window} bytes in
 * flight, sending as many bytes as come back; counts the bytes echoed.
 */
final class TcpLoad implements AutoCloseable {

  private static final int BLOCK = 16 * 1024;
  private static final ByteBuf DATA =
      Unpooled.unreleasableBuffer(Unpooled.directBuffer(BLOCK).writeZero(BLOCK)).asReadOnly();

  final LongAdder echoed = new LongAdder();
  private final List<Channel> channels = new ArrayList<>();

  TcpLoad(InetSocketAddress server, int connections, int window, EventLoopGroup group)
      throws InterruptedException {
    Bootstrap bootstrap =
        new Bootstrap()
            .group(group)
            .channel(Transport.configured().socketChannelClass())
            .option(ChannelOption.TCP_NODELAY, true)
            .handler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    ch.pipeline().addLast(new Driver(window));
                  }
                });
    for (int i = 0; i < connections; i++) {
      channels.add(bootstrap.connect(server).sync().channel());
    }
  }

  @Override
  public void close() {
    for (Channel ch : channels) {
      ch.close().syncUninterruptibly();
    }
  }

  private final class Driver extends ChannelInboundHandlerAdapter {
    private final int window;

    Driver(int window) {
      this.window = window;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      send(ctx, window);
      ctx.flush();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ByteBuf buf = (ByteBuf) msg;
      int n = buf.readableBytes();
      buf.release();
      echoed.add(n);
      send(ctx, n);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
    }

    private void send(ChannelHandlerContext ctx, int bytes) {
      for (int left = bytes; left > 0; left -= BLOCK) {
        ctx.write(DATA.retainedSlice(0, Math.min(BLOCK, left)), ctx.voidPromise());
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
