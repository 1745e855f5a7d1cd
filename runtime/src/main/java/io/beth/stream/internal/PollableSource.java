package io.beth.stream.internal;

import io.beth.stream.Source;

/**
 * A {@link Source} whose consumer may also take without a future: the runtime's own consumers
 * (connections, channel writers) poll while messages are there and arm a wake-up for when more may
 * come, which allocates nothing per message. Not for applications: the futures of {@link Source}
 * are the API.
 *
 * <p>The single consumer either takes or polls, not both at once. The loop is: {@link #poll()}
 * until it returns {@code null}; then {@link #whenReady(Runnable)}; if that returns {@code false},
 * the source is ready already: if {@link #isDrained()}, {@link #take()} completes at once with the
 * end signal or the error, otherwise poll again.
 *
 * @param <T> the message type
 */
public interface PollableSource<T> extends Source<T> {

  /** The next accepted message, or {@code null} if none is there now (nor the end: see above). */
  T poll();

  /**
   * Arms {@code wakeUp} to run once, with no lock held, on the thread that next puts a message or
   * ends the stream, replacing any wake-up armed before; {@code false}, arming nothing, if a
   * message or the end is there already. {@code wakeUp} must not throw, and may be spurious.
   */
  boolean whenReady(Runnable wakeUp);
}
