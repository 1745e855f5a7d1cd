package io.beth.peers;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * A long-running peer (nginx, tinyproxy, danted, chromedriver) listening on a port picked for it:
 * started, awaited until its output says it is ready, and killed by {@link #close()}.
 */
final class PeerProcess implements AutoCloseable {

  private static final Pattern PORT_TAKEN =
      Pattern.compile("(?i)address already in use|could not create listening sockets");
  private static final int ATTEMPTS = 3;

  private final Process process;
  private final int port;
  private final List<String> lines = new ArrayList<>();
  private final CompletableFuture<Void> ready = new CompletableFuture<>();

  private PeerProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts the command that {@code commandForPort} builds for a free port, in {@code dir}, and
   * waits until a line of its output (stdout and stderr) matches {@code readyLine}. If the port was
   * taken meanwhile it tries again with another.
   */
  static PeerProcess start(
      Path dir, Pattern readyLine, Duration timeout, IntFunction<List<String>> commandForPort)
      throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      int port = FreePort.pick();
      List<String> command = commandForPort.apply(port);
      Process process =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
      PeerProcess peer = new PeerProcess(process, port);
      Thread reader =
          new Thread(
              () -> peer.readOutput(readyLine),
              "peer-" + Path.of(command.get(0)).getFileName() + "-" + process.pid());
      reader.setDaemon(true);
      reader.start();
      try {
        peer.ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return peer;
      } catch (ExecutionException | TimeoutException e) {
        peer.close();
        if (attempt < ATTEMPTS && PORT_TAKEN.matcher(peer.output()).find()) {
          continue;
        }
        return fail(
            String.join(" ", command)
                + " did not become ready ("
                + e
                + "); output:\n"
                + peer.output());
      }
    }
  }

  private void readOutput(Pattern readyLine) {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = reader.readLine()) != null; ) {
        synchronized (lines) {
          lines.add(line);
          lines.notifyAll();
        }
        if (readyLine.matcher(line).find()) {
          ready.complete(null);
        }
      }
      ready.completeExceptionally(new IllegalStateException("the process ended its output"));
    } catch (IOException e) {
      ready.completeExceptionally(e);
    }
  }

  /** The port the peer listens on (127.0.0.1). */
  int port() {
    return port;
  }

  Process process() {
    return process;
  }

  /** Everything the peer printed so far. */
  String output() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  /**
   * Waits until the peer printed {@code count} lines that contain a match of {@code pattern} (nginx
   * writes its access log to stderr, so a request's log line is awaited here) and returns them;
   * fails after {@code timeout}.
   */
  List<String> awaitLines(Pattern pattern, int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lines) {
      while (true) {
        List<String> matching = new ArrayList<>();
        for (String line : lines) {
          if (pattern.matcher(line).find()) {
            matching.add(line);
          }
        }
        if (matching.size() >= count) {
          return matching;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return fail(
              "expected "
                  + count
                  + " lines matching "
                  + pattern
                  + " within "
                  + timeout
                  + "; output:\n"
                  + String.join("\n", lines));
        }
        TimeUnit.NANOSECONDS.timedWait(lines, left);
      }
    }
  }

  /** Kills the peer and the children it forked. */
  @Override
  public void close() {
    Processes.kill(process);
  }
}
