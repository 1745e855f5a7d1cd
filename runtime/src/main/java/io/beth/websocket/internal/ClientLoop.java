package io.beth.websocket.internal;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

/** The event loops of WebSocket clients: one daemon group, created on first use. */
final class ClientLoop {

  private ClientLoop() {}

  private static final class Holder {
    static final EventLoopGroup GROUP = new MultiThreadIoEventLoopGroup(
        0, new DefaultThreadFactory("beth-ws-client", true), NioIoHandler.newFactory());
  }

  static EventLoopGroup group() {
    return Holder.GROUP;
  }
}
