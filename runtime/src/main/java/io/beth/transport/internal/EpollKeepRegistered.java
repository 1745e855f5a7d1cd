package io.beth.transport.internal;

import io.netty.channel.IoHandle;
import io.netty.channel.IoHandler;
import io.netty.channel.IoHandlerContext;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.IoOps;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.util.concurrent.ThreadAwareExecutor;

/**
 * Netty's epoll I/O handler, with a fix for half-closed connections.
 *
 * <p>Netty 4.2.18's epoll registration removes a file descriptor from epoll when a channel asks for
 * no event at all, but still takes it for registered: the next interest it asks for is an {@code
 * EPOLL_CTL_MOD} that fails with {@code ENOENT}. A TCP channel asks for nothing once the peer has
 * shut its output down (no more reads, read hang-up seen) and everything written so far was
 * flushed; if a later write then fills the socket buffer, waiting for writability fails and Netty
 * shuts the output down, losing what was still queued. Here an empty interest set is submitted as
 * edge-triggered with no event, which keeps the descriptor registered without waking the loop
 * (epoll then reports only errors and hang-ups, once), so that the next interest is a valid
 * modification.
 */
public final class EpollKeepRegistered implements IoHandler {

  private final IoHandler epoll;

  private EpollKeepRegistered(IoHandler epoll) {
    this.epoll = epoll;
  }

  /** A factory of epoll handlers with the fix. */
  public static IoHandlerFactory newFactory() {
    IoHandlerFactory epoll = EpollIoHandler.newFactory();
    return new IoHandlerFactory() {
      @Override
      public IoHandler newHandler(ThreadAwareExecutor executor) {
        return new EpollKeepRegistered(epoll.newHandler(executor));
      }

      @Override
      public boolean isChangingThreadSupported() {
        return epoll.isChangingThreadSupported();
      }
    };
  }

  @Override
  public void initialize() {
    epoll.initialize();
  }

  @Override
  public int run(IoHandlerContext context) {
    return epoll.run(context);
  }

  @Override
  public void prepareToDestroy() {
    epoll.prepareToDestroy();
  }

  @Override
  public void destroy() {
    epoll.destroy();
  }

  @Override
  public IoRegistration register(IoHandle handle) throws Exception {
    return new Registration(epoll.register(handle));
  }

  @Override
  public void wakeup() {
    epoll.wakeup();
  }

  @Override
  public boolean isCompatible(Class<? extends IoHandle> handleType) {
    return epoll.isCompatible(handleType);
  }

  private static final class Registration implements IoRegistration {

    private final IoRegistration registration;

    Registration(IoRegistration registration) {
      this.registration = registration;
    }

    @Override
    public <T> T attachment() {
      return registration.attachment();
    }

    @Override
    public long submit(IoOps ops) {
      return registration.submit(EpollIoOps.NONE.equals(ops) ? EpollIoOps.EPOLLET : ops);
    }

    @Override
    public boolean isValid() {
      return registration.isValid();
    }

    @Override
    public boolean cancel() {
      return registration.cancel();
    }
  }
}
