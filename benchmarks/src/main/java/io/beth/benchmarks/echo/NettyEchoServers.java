package io.beth.benchmarks.echo;

import io.beth.benchmarks.PlainNetty;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;

/**
 * The baselines: a TCP echo and a UDP echo written directly on Netty, with the same guarantees as
 * Beth's (the TCP echo stops reading while the socket cannot take more), on the same transport; and
 * a TCP echo that copies each buffer into a {@code byte[]} and sends that, the work Beth's {@code
 * byte[]} mode promises, written by hand.
 */
final class NettyEchoServers implements AutoCloseable {

  static final String THREADS = "baseline-echo-io";

  private final EventLoopGroup group;
  private final Channel tcp;
  private final Channel tcpCopying;
  private final Channel udp;

  NettyEchoServers(int ioThreads) throws InterruptedException {
    group = PlainNetty.group(ioThreads, THREADS);
    tcp = tcpEcho(false);
    tcpCopying = tcpEcho(true);
    udp =
        new Bootstrap()
            .group(group)
            .channel(PlainNetty.datagramChannel())
            .handler(new UdpEcho())
            .bind("127.0.0.1", 0)
            .sync()
            .channel();
  }

  private Channel tcpEcho(boolean copying) throws InterruptedException {
    return new ServerBootstrap()
        .group(group)
        .channel(PlainNetty.serverChannel())
        .option(ChannelOption.SO_BACKLOG, 1024)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(
            new ChannelInitializer<Channel>() {
              @Override
              protected void initChannel(Channel ch) {
                ch.pipeline().addLast(new TcpEcho(copying));
              }
            })
        .bind("127.0.0.1", 0)
        .sync()
        .channel();
  }

  InetSocketAddress tcpAddress() {
    return (InetSocketAddress) tcp.localAddress();
  }

  InetSocketAddress tcpCopyingAddress() {
    return (InetSocketAddress) tcpCopying.localAddress();
  }

  InetSocketAddress udpAddress() {
    return (InetSocketAddress) udp.localAddress();
  }

  @Override
  public void close() {
    tcp.close().syncUninterruptibly();
    tcpCopying.close().syncUninterruptibly();
    udp.close().syncUninterruptibly();
    group.shutdownGracefully().syncUninterruptibly();
  }

  /**
   * Writes each buffer back (or, copying, a {@code byte[]} copy of it), flushes once per read,
   * reads only while writable.
   */
  private static final class TcpEcho extends ChannelInboundHandlerAdapter {
    private final boolean copying;

    TcpEcho(boolean copying) {
      this.copying = copying;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (!copying) {
        ctx.write(msg);
        return;
      }
      ByteBuf buf = (ByteBuf) msg;
      byte[] bytes = ByteBufUtil.getBytes(buf);
      buf.release();
      ctx.write(Unpooled.wrappedBuffer(bytes));
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
      if (!ctx.channel().isWritable()) {
        ctx.channel().config().setAutoRead(false);
      }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      if (ctx.channel().isWritable()) {
        ctx.channel().config().setAutoRead(true);
      }
      ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }

  /** Sends each datagram back to its sender, flushing once per read. */
  private static final class UdpEcho extends SimpleChannelInboundHandler<DatagramPacket> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
      ctx.write(new DatagramPacket(packet.content().retain(), packet.sender()));
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
    }
  }
}
