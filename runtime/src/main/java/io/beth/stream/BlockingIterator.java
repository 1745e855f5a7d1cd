package io.beth.stream;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * {@link Streams#toIterator}: blocks in {@link #hasNext()} until the source yields its next
 * message, taking one message at a time and never more than one ahead. A source error is thrown as
 * a {@link CompletionException} carrying it. Like any iterator, it is for one thread at a time.
 */
final class BlockingIterator<T> implements Iterator<T> {

  private final Source<T> source;
  private CompletableFuture<T> next; // the take of the next message, once asked for
  private boolean ended;

  BlockingIterator(Source<T> source) {
    this.source = source;
  }

  @Override
  public boolean hasNext() {
    if (ended) {
      return false;
    }
    if (next == null) {
      next = source.take();
    }
    if (await(next) == null) {
      ended = true;
      next = null;
      return false;
    }
    return true;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the source is drained");
    }
    T message = next.join();
    next = null;
    return message;
  }

  private static <T> T await(CompletableFuture<T> take) {
    try {
      return take.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the take stays pending; a later call resumes it
      CancellationException cancelled =
          new CancellationException("interrupted while waiting for the next message");
      cancelled.initCause(e);
      throw cancelled;
    } catch (ExecutionException e) {
      throw new CompletionException(Completions.unwrap(e));
    }
  }
}
