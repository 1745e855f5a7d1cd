package io.beth.http.client.internal;

import io.netty.channel.Channel;
import io.netty.util.concurrent.ScheduledFuture;

/** A channel owned by the pool, with the state the pool keeps about it. */
final class PooledConnection {

  final Channel channel;
  final PoolKey key;
  final ClientHandler handler;

  /** Whether this connection served an exchange before (so it may have gone stale). */
  boolean reused;

  /** The idle-eviction timer while the connection waits in the pool; pool lock held. */
  ScheduledFuture<?> idleTimer;

  /** Whether the pool already counted this connection's close; pool lock held. */
  boolean closeCounted;

  PooledConnection(Channel channel, PoolKey key, ClientHandler handler) {
    this.channel = channel;
    this.key = key;
    this.handler = handler;
  }
}
