package io.beth.transport.internal;

import io.netty.channel.Channel;

/** Runs a task on a channel's event loop: at once when called there, else as a task of its own. */
public final class OnLoop {

  private OnLoop() {}

  /** Runs {@code task} on {@code channel}'s event loop. */
  public static void run(Channel channel, Runnable task) {
    if (channel.eventLoop().inEventLoop()) {
      task.run();
    } else {
      channel.eventLoop().execute(task);
    }
  }
}
