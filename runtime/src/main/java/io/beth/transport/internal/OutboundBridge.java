package io.beth.transport.internal;

import io.beth.stream.Source;
import io.beth.stream.internal.PollableSource;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundInvoker;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;

/**
 * The outbound side of the one bridge between a Netty channel and Beth's streams: takes the next
 * message of a source only while the channel is writable and hands it to a {@link Writer}, which
 * turns it into what the pipeline writes (bytes, a frame, a body chunk). One flush per batch: when
 * the source runs dry or the channel turns unwritable; inside a read, the flush waits for the end
 * of the read, so that the answers to everything one read brought leave in one write.
 *
 * <p>A {@link PollableSource} is polled, with a wake-up armed when it is empty (no future per
 * message); any other source is taken from. The pump never runs inside itself: a write that makes
 * the channel writable again only asks the running pump to go round once more, and a writability
 * change resumes the pump in a task of its own, never inside the write that caused it (Netty's HTTP
 * encoder is not reentrant).
 *
 * <p>Everything runs on the channel's event loop but the wake-ups, which hop to it.
 *
 * @param <T> the type of the messages taken from the source
 */
public final class OutboundBridge<T> {

  /** What turns messages into writes; called on the event loop. */
  public interface Writer<T> {
    /**
     * Writes {@code message} (without flushing), taking ownership of it. Returns {@code false} to
     * stop the bridge: nothing more is taken and {@link #end} is not called.
     */
    boolean write(T message);

    /**
     * The source ended: {@code cause} is null when it was closed, its error when it failed. Called
     * once, unless the bridge was stopped first; flushing is the writer's.
     */
    void end(Throwable cause);
  }

  private final Channel channel;
  private final ChannelOutboundInvoker flusher;
  private final Source<? extends T> source;
  private final PollableSource<? extends T> pollable;
  private final Writer<T> writer;
  private final UnnestedLoop pumpLoop = new UnnestedLoop(this::pumpOnce);
  private final Runnable pumpTask = pumpLoop::run;
  private final Runnable wakeUp; // runs the pump on the loop once the source has more
  private final Runnable resumeTask = this::resumeAfterWritable;

  // Confined to the event loop.
  private boolean done;
  private boolean waiting; // a take is under way (sources that are not pollable)
  private boolean reading;
  private boolean flushAfterRead;
  private boolean resumeScheduled;

  /** A bridge from {@code source} to {@code channel}; nothing moves before {@link #resume}. */
  public OutboundBridge(Channel channel, Source<? extends T> source, Writer<T> writer) {
    this(channel, channel, source, writer);
  }

  /**
   * A bridge whose writer writes from a point of the pipeline ({@code flusher}, a handler's
   * context), where its flushes start too.
   */
  public OutboundBridge(
      Channel channel,
      ChannelOutboundInvoker flusher,
      Source<? extends T> source,
      Writer<T> writer) {
    this.channel = channel;
    this.flusher = flusher;
    this.wakeUp = () -> OnLoop.run(channel, pumpTask);
    this.source = source;
    this.pollable = source instanceof PollableSource<? extends T> p ? p : null;
    this.writer = writer;
  }

  /** Moves what the source has now, while the channel is writable; on the event loop. */
  public void resume() {
    pumpLoop.run();
  }

  /**
   * The channel's writability changed: writable again resumes in a task of its own; unwritable
   * sends at once what waited for the end of a read.
   */
  public void writabilityChanged() {
    if (done) {
      return;
    }
    if (channel.isWritable()) {
      if (!resumeScheduled) {
        resumeScheduled = true;
        channel.eventLoop().execute(resumeTask);
      }
    } else if (flushAfterRead) {
      flushAfterRead = false;
      flusher.flush();
    }
  }

  /** A read began: flushes wait for {@link #readComplete()}. */
  public void readStarted() {
    reading = true;
  }

  /** The read ended: flushes what waited for it. */
  public void readComplete() {
    reading = false;
    if (flushAfterRead) {
      flushAfterRead = false;
      flusher.flush();
    }
  }

  /** Whether the bridge has stopped: the source ended, the writer refused or it was cancelled. */
  public boolean isDone() {
    return done;
  }

  /**
   * Stops the bridge (the connection closed, the exchange was aborted): nothing more is taken, the
   * source is closed and every message it still holds released.
   */
  public void cancel() {
    done = true;
    Disposal.closeAndRelease(source);
  }

  private void resumeAfterWritable() {
    resumeScheduled = false;
    if (!done && channel.isWritable()) {
      pumpLoop.run();
    }
  }

  private void pumpOnce() {
    if (done || waiting || !channel.isActive()) {
      return;
    }
    boolean wrote = false;
    while (channel.isWritable()) {
      T message = pollable != null ? poll() : take();
      if (message == null) {
        break; // empty (a wake-up is armed), waiting, or ended
      }
      if (!writer.write(message)) {
        done = true;
        return;
      }
      wrote = true;
      if (done) {
        return; // the writer stopped the bridge
      }
    }
    if (wrote && !done) {
      flush();
    }
  }

  /** The next message of the pollable source; null if none is there now or it ended. */
  private T poll() {
    while (true) {
      T message = pollable.poll();
      if (message != null) {
        return message;
      }
      if (pollable.whenReady(wakeUp)) {
        return null; // the next put or the end runs the pump again
      }
      if (pollable.isDrained()) {
        finish(endCause(pollable.take()));
        return null;
      }
      // a message arrived meanwhile
    }
  }

  /** The next message taken at once; null if the take waits (it resumes the pump) or it ended. */
  private T take() {
    CompletableFuture<? extends T> next = source.take();
    if (!next.isDone()) {
      waiting = true;
      flush(); // what was written before the wait goes now
      next.whenComplete((message, error) -> taken(message, error));
      return null;
    }
    Throwable cause = null;
    T message = null;
    try {
      message = next.join();
    } catch (CompletionException | CancellationException e) {
      cause = unwrap(e);
    }
    if (message == null) {
      finish(cause);
    }
    return message;
  }

  private void taken(T message, Throwable error) {
    Runnable task =
        () -> {
          waiting = false;
          if (done) {
            ReferenceCountUtil.safeRelease(message);
          } else if (error != null || message == null) {
            finish(error == null ? null : unwrap(error));
          } else if (!writer.write(message)) {
            done = true;
          } else {
            pumpLoop.run();
          }
        };
    try {
      OnLoop.run(channel, task);
    } catch (RejectedExecutionException e) { // the loop is shutting down
      ReferenceCountUtil.safeRelease(message);
      Disposal.closeAndRelease(source);
    }
  }

  private void finish(Throwable cause) {
    if (done) {
      return;
    }
    done = true;
    writer.end(cause);
  }

  private void flush() {
    if (reading && channel.isWritable()) {
      flushAfterRead = true;
    } else {
      flushAfterRead = false;
      flusher.flush();
    }
  }

  /** The end of a drained source: null if it was closed, the cause if it failed. */
  private static Throwable endCause(CompletableFuture<?> end) {
    try {
      end.join();
      return null;
    } catch (CompletionException | CancellationException e) {
      return unwrap(e);
    }
  }

  private static Throwable unwrap(Throwable e) {
    return (e instanceof CompletionException || e instanceof CancellationException)
            && e.getCause() != null
        ? e.getCause()
        : e;
  }

  @Override
  public String toString() {
    return "OutboundBridge[" + channel + ", " + source + ", done=" + done + "]";
  }
}
