package io.beth.transport.internal;

import io.netty.util.NetUtil;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Resolves host names off the event loops. A name lookup may wait on DNS for seconds, so it runs on
 * the resources' blocking executor; an IP literal needs no lookup and resolves at once. Netty's
 * bootstrap would otherwise resolve on the event loop, stalling every other connection of that
 * loop.
 */
public final class Addresses {

  private Addresses() {}

  /**
   * {@code host:port} resolved on {@code executor}; fails with {@link UnknownHostException} if the
   * name has no address.
   */
  public static CompletableFuture<InetSocketAddress> resolve(
      String host, int port, Executor executor) {
    if (NetUtil.isValidIpV4Address(host) || NetUtil.isValidIpV6Address(host)) {
      return CompletableFuture.completedFuture(new InetSocketAddress(host, port));
    }
    CompletableFuture<InetSocketAddress> result = new CompletableFuture<>();
    try {
      executor.execute(
          () -> {
            try {
              InetSocketAddress address = new InetSocketAddress(host, port);
              if (address.isUnresolved()) {
                result.completeExceptionally(new UnknownHostException(host));
              } else {
                result.complete(address);
              }
            } catch (RuntimeException e) {
              result.completeExceptionally(e);
            }
          });
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(e);
    }
    return result;
  }
}
