package io.beth.stream;

import java.util.concurrent.CompletableFuture;

/**
 * Shared, already completed results of {@link Sink#put}, so that a put that is not delayed
 * allocates nothing. They cannot be overwritten: {@code obtrude*} throws.
 */
final class CompletedPut extends CompletableFuture<Boolean> {

  static final CompletableFuture<Boolean> TRUE = new CompletedPut(true);
  static final CompletableFuture<Boolean> FALSE = new CompletedPut(false);

  private CompletedPut(boolean value) {
    super.complete(value);
  }

  static CompletableFuture<Boolean> of(boolean value) {
    return value ? TRUE : FALSE;
  }

  @Override
  public void obtrudeValue(Boolean value) {
    throw new UnsupportedOperationException("a shared completed put result cannot be changed");
  }

  @Override
  public void obtrudeException(Throwable ex) {
    throw new UnsupportedOperationException("a shared completed put result cannot be changed");
  }

  @Override
  public <U> CompletableFuture<U> newIncompleteFuture() {
    return new CompletableFuture<>();
  }
}
