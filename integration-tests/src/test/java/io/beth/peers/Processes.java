package io.beth.peers;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Ends the processes a test started, children first, so nothing outlives the test. */
final class Processes {

  private Processes() {}

  /** Kills {@code process} and every descendant it left; waits for them to go. */
  static void kill(Process process) {
    List<ProcessHandle> descendants = process.descendants().collect(Collectors.toList());
    process.destroyForcibly();
    for (ProcessHandle child : descendants) {
      child.destroyForcibly();
    }
    try {
      process.waitFor(10, TimeUnit.SECONDS);
      for (ProcessHandle child : descendants) {
        child.onExit().get(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("a child of " + process.pid() + " did not end", e);
    }
  }
}
