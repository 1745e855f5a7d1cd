package io.beth.http.client.internal;

import io.beth.http.PoolAcquireTimeoutException;
import io.beth.http.PoolStats;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keep-alive connections per origin, bounded per origin and in total. A request that finds no idle
 * connection and no free slot waits in a FIFO queue until one is released or the acquire timeout
 * fires. Every count changes under this object's lock; a connection's close is counted once.
 */
final class ConnectionPool {

  private final Connector connector;
  private final EventLoopGroup group;
  private final int maxPerHost;
  private final int maxTotal;
  private final long idleNanos;
  private final long acquireNanos;
  private final Map<PoolKey, Host> hosts = new HashMap<>();
  private int open;
  private int idle;
  private int pending;
  private boolean closed;

  ConnectionPool(
      Connector connector,
      EventLoopGroup group,
      int maxPerHost,
      int maxTotal,
      Duration idleTimeout,
      Duration acquireTimeout) {
    this.connector = connector;
    this.group = group;
    this.maxPerHost = maxPerHost;
    this.maxTotal = maxTotal;
    this.idleNanos = idleTimeout.toNanos();
    this.acquireNanos = acquireTimeout.toNanos();
  }

  private static final class Host {
    final ArrayDeque<PooledConnection> idle = new ArrayDeque<>();
    final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    int open;
  }

  private static final class Waiter {
    final CompletableFuture<PooledConnection> future = new CompletableFuture<>();
    ScheduledFuture<?> timer;
  }

  /** A connection to {@code key}: an idle one unless {@code fresh}, else a new one or a wait. */
  CompletableFuture<PooledConnection> acquire(PoolKey key, boolean fresh) {
    Waiter waiter;
    PooledConnection victim = null;
    synchronized (this) {
      if (closed) {
        return CompletableFuture.failedFuture(new IllegalStateException("client closed"));
      }
      Host host = hosts.computeIfAbsent(key, k -> new Host());
      if (!fresh) {
        PooledConnection conn;
        while ((conn = host.idle.pollLast()) != null) {
          idle--;
          conn.idleTimer.cancel(false);
          conn.idleTimer = null;
          if (conn.channel.isActive()) {
            conn.reused = true;
            return CompletableFuture.completedFuture(conn);
          }
        }
      }
      if (host.open < maxPerHost && open < maxTotal) {
        host.open++;
        open++;
        return connect(key);
      }
      if (fresh && !host.idle.isEmpty()) {
        victim = takeIdle(host);
        // the slot is freed by the close listener; wait for it like anybody else
      } else if (host.open < maxPerHost) {
        // the total limit is reached: give up another origin's idle connection, if any
        for (Host other : hosts.values()) {
          if (other != host && !other.idle.isEmpty()) {
            victim = takeIdle(other);
            break;
          }
        }
      }
      waiter = new Waiter();
      host.waiters.add(waiter);
      pending++;
      Host h = host;
      waiter.timer =
          group.next().schedule(() -> timeout(h, waiter), acquireNanos, TimeUnit.NANOSECONDS);
    }
    if (victim != null) {
      victim.channel.close();
    }
    return waiter.future;
  }

  private void timeout(Host host, Waiter waiter) {
    synchronized (this) {
      if (!host.waiters.remove(waiter)) {
        return;
      }
      pending--;
    }
    waiter.future.completeExceptionally(
        new PoolAcquireTimeoutException("no connection within " + Duration.ofNanos(acquireNanos)));
  }

  /** Opens a connection for a slot already counted. */
  private CompletableFuture<PooledConnection> connect(PoolKey key) {
    return connector
        .connect(key)
        .whenComplete(
            (conn, error) -> {
              if (error != null) {
                synchronized (this) {
                  hosts.get(key).open--;
                  open--;
                }
                serveWaiters();
              } else {
                conn.channel.closeFuture().addListener(f -> onClose(conn));
              }
            });
  }

  /** Returns a connection after an exchange: kept if {@code reusable}, else closed. */
  void release(PooledConnection conn, boolean reusable) {
    if (!reusable || !conn.channel.isActive()) {
      conn.channel.close();
      return;
    }
    Waiter waiter = null;
    synchronized (this) {
      Host host = hosts.get(conn.key);
      while (!closed && !host.waiters.isEmpty()) {
        Waiter w = host.waiters.poll();
        pending--;
        w.timer.cancel(false);
        if (!w.future.isDone()) {
          waiter = w;
          break;
        }
      }
      // closed; or a request to another origin waits for a slot under the total limit: free it
      boolean close = closed || (waiter == null && open >= maxTotal && otherOriginWaits(host));
      if (!close && waiter == null) {
        host.idle.addLast(conn);
        idle++;
        conn.idleTimer =
            conn.channel
                .eventLoop()
                .schedule(() -> conn.channel.close(), idleNanos, TimeUnit.NANOSECONDS);
        return;
      }
    }
    if (waiter == null) {
      conn.channel.close();
      return;
    }
    conn.reused = true;
    if (!waiter.future.complete(conn)) {
      release(conn, true);
    }
  }

  /**
   * Takes the oldest idle connection of {@code host} to close it (outside the lock); its close
   * listener then frees the slot.
   */
  private PooledConnection takeIdle(Host host) {
    PooledConnection victim = host.idle.pollFirst();
    idle--;
    victim.idleTimer.cancel(false);
    return victim;
  }

  private boolean otherOriginWaits(Host host) {
    for (Host other : hosts.values()) {
      if (other != host && !other.waiters.isEmpty() && other.open < maxPerHost) {
        return true;
      }
    }
    return false;
  }

  private void onClose(PooledConnection conn) {
    synchronized (this) {
      if (conn.closeCounted) {
        return;
      }
      conn.closeCounted = true;
      Host host = hosts.get(conn.key);
      if (host.idle.remove(conn)) {
        idle--;
        conn.idleTimer.cancel(false);
      }
      host.open--;
      open--;
    }
    serveWaiters();
  }

  /** Gives freed slots to waiting requests, oldest origin queue first. */
  private void serveWaiters() {
    while (true) {
      PoolKey key = null;
      Waiter waiter = null;
      synchronized (this) {
        if (open >= maxTotal) {
          return;
        }
        for (Iterator<Map.Entry<PoolKey, Host>> it = hosts.entrySet().iterator(); it.hasNext(); ) {
          Map.Entry<PoolKey, Host> e = it.next();
          Host host = e.getValue();
          while (host.open < maxPerHost && (waiter = host.waiters.poll()) != null) {
            pending--;
            waiter.timer.cancel(false);
            if (!waiter.future.isDone()) {
              break;
            }
            waiter = null; // given up already: no connection for nobody
          }
          if (waiter != null) {
            host.open++;
            open++;
            key = e.getKey();
            break;
          }
        }
      }
      if (waiter == null) {
        return;
      }
      Waiter w = waiter;
      connect(key)
          .whenComplete(
              (conn, error) -> {
                if (error != null) {
                  w.future.completeExceptionally(error);
                } else if (!w.future.complete(conn)) {
                  release(conn, true);
                }
              });
    }
  }

  /**
   * Gives up an acquisition that {@link #acquire} returned (the caller cancelled or timed out): a
   * request still waiting for a connection leaves the queue at once, and no connection is opened
   * for it later. Does nothing once the acquisition completed.
   */
  void cancel(CompletableFuture<PooledConnection> acquisition) {
    Waiter found = null;
    synchronized (this) {
      for (Host host : hosts.values()) {
        for (Iterator<Waiter> it = host.waiters.iterator(); it.hasNext(); ) {
          Waiter w = it.next();
          if (w.future == acquisition) {
            it.remove();
            pending--;
            found = w;
            break;
          }
        }
        if (found != null) {
          break;
        }
      }
    }
    if (found != null) {
      found.timer.cancel(false);
      found.future.cancel(false);
    }
  }

  synchronized PoolStats stats() {
    return new PoolStats(open, idle, pending);
  }

  /** Closes idle connections and refuses new acquisitions. */
  void close() {
    synchronized (this) {
      closed = true;
      for (Host host : hosts.values()) {
        for (PooledConnection c : host.idle) {
          c.channel.close();
        }
        for (Waiter w : host.waiters) {
          w.timer.cancel(false);
          w.future.completeExceptionally(new IllegalStateException("client closed"));
        }
        host.waiters.clear();
      }
      pending = 0;
    }
  }
}
