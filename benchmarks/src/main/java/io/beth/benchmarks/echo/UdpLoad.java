package io.beth.benchmarks.echo;

import io.beth.transport.Transport;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The UDP load driver: {@code sockets} sockets that each keep {@code window} packets of {@code
 * size} bytes in flight, sending one for each that comes back; a socket that got nothing back for
 * 20 ms (its packets were dropped) sends a new window. Counts the packets echoed.
 */
final class UdpLoad implements AutoCloseable {

  final LongAdder echoed = new LongAdder();
  private final List<Channel> channels = new ArrayList<>();
  private final List<ScheduledFuture<?>> refills = new ArrayList<>();
  private final ByteBuf payload; // every packet sent is a duplicate of it

  UdpLoad(InetSocketAddress server, int sockets, int window, int size, EventLoopGroup group)
      throws InterruptedException {
    payload = Unpooled.directBuffer(size).writeZero(size);
    ByteBuf data = Unpooled.unreleasableBuffer(payload);
    for (int i = 0; i < sockets; i++) {
      Driver driver = new Driver(server, window, data);
      Channel ch =
          new Bootstrap()
              .group(group)
              .channelFactory(() -> Transport.configured().newDatagramChannel(null))
              .handler(driver)
              .bind("127.0.0.1", 0)
              .sync()
              .channel();
      channels.add(ch);
      ch.eventLoop().execute(() -> driver.send(ch, window));
      refills.add(
          ch.eventLoop()
              .scheduleAtFixedRate(() -> driver.refill(ch), 20, 20, TimeUnit.MILLISECONDS));
    }
  }

  @Override
  public void close() {
    refills.forEach(f -> f.cancel(false));
    for (Channel ch : channels) {
      ch.close().syncUninterruptibly();
    }
    payload.release();
  }

  private final class Driver extends SimpleChannelInboundHandler<DatagramPacket> {
    private final InetSocketAddress server;
    private final int window;
    private final ByteBuf data;
    private long received;
    private long receivedAtLastTick;

    Driver(InetSocketAddress server, int window, ByteBuf data) {
      this.server = server;
      this.window = window;
      this.data = data;
    }

    void send(Channel ch, int packets) {
      for (int i = 0; i < packets; i++) {
        ch.write(new DatagramPacket(data.retainedDuplicate(), server), ch.voidPromise());
      }
      ch.flush();
    }

    void refill(Channel ch) {
      if (received == receivedAtLastTick) {
        send(ch, window);
      }
      receivedAtLastTick = received;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
      received++;
      echoed.increment();
      ctx.write(new DatagramPacket(data.retainedDuplicate(), server), ctx.voidPromise());
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
    }
  }
}
