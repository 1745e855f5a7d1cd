package io.beth.stream;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Small helpers for the futures the operators wait on. */
final class Completions {

  private Completions() {}

  /** The cause a future failed with, without the wrapper {@code join()} or {@code get()} adds. */
  static Throwable unwrap(Throwable e) {
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
