package io.beth.tcp.internal;

import io.beth.stream.BufferedStream;
import io.beth.stream.Sink;
import io.beth.stream.Source;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A sink of byte chunks that cuts them into frames and puts each into a source. A put completes
 * once every frame it produced was accepted; a decoding error fails the source and refuses the put,
 * which makes {@code Streams.connect} close the upstream source (and so the connection).
 *
 * @param <T> the frame type
 */
public abstract class FrameSink<T> implements Sink<byte[]> {

  private static final CompletableFuture<Boolean> TRUE = CompletableFuture.completedFuture(true);
  private static final CompletableFuture<Boolean> FALSE = CompletableFuture.completedFuture(false);

  private final BufferedStream<T> out = BufferedStream.create(0);
  private volatile Runnable onError = () -> {};

  /** Runs {@code action} once decoding failed, after the source of frames failed. */
  public void onError(Runnable action) {
    this.onError = action;
  }

  /** The source of frames. */
  public Source<T> frames() {
    return out;
  }

  /** Adds the frames completed by {@code chunk} to {@code frames}; throws on a bad frame. */
  protected abstract void decode(byte[] chunk, List<T> frames) throws IOException;

  /** Adds what is left at the end of the stream to {@code frames}; throws if it is incomplete. */
  protected abstract void finish(List<T> frames) throws IOException;

  @Override
  public synchronized CompletableFuture<Boolean> put(byte[] chunk) {
    Objects.requireNonNull(chunk, "chunk == null");
    if (out.isClosed()) {
      return FALSE;
    }
    List<T> frames = new ArrayList<>(2);
    Exception error;
    try {
      decode(chunk, frames);
      return putAll(frames, 0);
    } catch (IOException | RuntimeException e) {
      error = e;
    }
    // the frames completed before the bad one are delivered first
    return putAll(frames, 0)
        .handle(
            (ok, e) -> {
              out.fail(error);
              onError.run();
              return false;
            });
  }

  @Override
  public CompletableFuture<Boolean> put(byte[] chunk, Duration timeout) {
    return put(chunk);
  }

  private CompletableFuture<Boolean> putAll(List<T> frames, int from) {
    for (int i = from; i < frames.size(); i++) {
      CompletableFuture<Boolean> put = out.put(frames.get(i));
      if (!put.isDone()) {
        int next = i + 1;
        return put.thenCompose(ok -> Boolean.TRUE.equals(ok) ? putAll(frames, next) : FALSE);
      }
      if (!Boolean.TRUE.equals(put.getNow(false))) {
        return FALSE;
      }
    }
    return TRUE;
  }

  /** The chunks ended: the last frame, if any, is put, then the source ends. */
  @Override
  public synchronized void close() {
    if (out.isClosed()) {
      return;
    }
    List<T> rest = new ArrayList<>(1);
    try {
      finish(rest);
    } catch (IOException | RuntimeException e) {
      out.fail(e);
      return;
    }
    putAll(rest, 0).whenComplete((ok, e) -> out.close());
  }

  @Override
  public void fail(Throwable cause) {
    out.fail(cause);
  }

  @Override
  public boolean isClosed() {
    return out.isClosed();
  }

  @Override
  public CompletionStage<Void> closed() {
    return out.closed();
  }
}
