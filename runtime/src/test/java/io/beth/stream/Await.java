package io.beth.stream;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;

/** Waits on futures in tests, bounded by a timeout instead of sleeps. */
final class Await {

  private Await() {}

  static <T> T result(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("future did not complete normally", e);
    }
  }

  /** The cause a future failed with; fails the test if it completed normally. */
  static Throwable failure(CompletionStage<?> stage) {
    ExecutionException e =
        Assertions.assertThrows(
            ExecutionException.class, () -> stage.toCompletableFuture().get(10, TimeUnit.SECONDS));
    return e.getCause();
  }
}
