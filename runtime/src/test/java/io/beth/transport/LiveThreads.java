package io.beth.transport;

import java.time.Duration;
import java.util.List;

/** The live platform threads whose names start with given prefixes, and waiting for them to end. */
public final class LiveThreads {

  private LiveThreads() {}

  /** Every live thread whose name starts with one of {@code prefixes}. */
  public static List<Thread> named(String... prefixes) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .filter(t -> List.of(prefixes).stream().anyMatch(t.getName()::startsWith))
        .toList();
  }

  /**
   * Joins every live thread named with one of {@code prefixes}, within {@code timeout} in all, and
   * returns the names of those still alive then (none, if all ended).
   */
  public static List<String> awaitEnd(Duration timeout, String... prefixes)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Thread t : named(prefixes)) {
      long left = deadline - System.nanoTime();
      if (left > 0) {
        t.join(Math.max(1, Duration.ofNanos(left).toMillis()));
      }
    }
    return named(prefixes).stream().map(Thread::getName).sorted().toList();
  }
}
