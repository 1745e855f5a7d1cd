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
   * Waits, within {@code timeout} in all, until no live thread is named with one of {@code
   * prefixes}, and returns the names of those still alive then (none, if all ended). It looks again
   * after each join: a thread may start while another is joined (Netty notifies the listeners of an
   * event loop's termination on a thread of its global executor, which ends after a second without
   * tasks).
   */
  public static List<String> awaitEnd(Duration timeout, String... prefixes)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<Thread> alive = named(prefixes);
      long left = deadline - System.nanoTime();
      if (alive.isEmpty() || left <= 0) {
        return alive.stream().map(Thread::getName).sorted().toList();
      }
      alive.get(0).join(Math.max(1, Duration.ofNanos(left).toMillis()));
    }
  }
}
