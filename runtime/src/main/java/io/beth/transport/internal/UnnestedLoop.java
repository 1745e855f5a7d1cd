package io.beth.transport.internal;

/**
 * Runs a step that must not nest in itself, such as a writer's pump: called from inside the step (a
 * write flushed, the channel became writable again, and its writability event came back to the
 * writer), it only asks the running step to go round once more when it returns. For one thread: the
 * channel's event loop.
 */
public final class UnnestedLoop {

  private final Runnable step;
  private boolean running;
  private boolean again;

  /** A loop around {@code step}. */
  public UnnestedLoop(Runnable step) {
    this.step = step;
  }

  /** Runs the step now, or, when called from inside it, once more after it returns. */
  public void run() {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        step.run();
      } while (again);
    } finally {
      running = false;
    }
  }
}
