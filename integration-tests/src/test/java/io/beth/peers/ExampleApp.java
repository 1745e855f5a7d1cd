package io.beth.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The example application run as a separate process ({@code java -jar beth-examples.jar}) with
 * every listener on port 0; its addresses come from its {@code beth: listening} lines.
 */
final class ExampleApp implements AutoCloseable {

  /** The listeners the example application opens, by the protocol its lines name. */
  static final Set<String> LISTENERS = Set.of("http", "tcp", "udp");

  /** JVM exit code after SIGTERM once the shutdown hooks have run (128 + 15). */
  static final int EXIT_ON_SIGTERM = 143;

  /** JVM exit code after SIGINT once the shutdown hooks have run (128 + 2). */
  static final int EXIT_ON_SIGINT = 130;

  private static final Pattern LISTENING = Pattern.compile("beth: listening (\\w+) (\\S+):(\\d+)");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final Path stderr;
  private final List<String> lines = new ArrayList<>();
  private final Map<String, InetSocketAddress> addresses = new ConcurrentHashMap<>();
  private final CompletableFuture<Void> listening = new CompletableFuture<>();
  private final CompletableFuture<Void> outputEnded = new CompletableFuture<>();

  private ExampleApp(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
  }

  /** The shaded jar that {@code mvn package} builds in examples/target. */
  static Path jar() {
    Path jar =
        Path.of(System.getProperty("beth.examples.jar", "../examples/target/beth-examples.jar"));
    if (!Files.isRegularFile(jar)) {
      fail(
          jar.toAbsolutePath()
              + " does not exist: build it with mvn package (mvn verify -Ppeers "
              + "builds it before these tests)");
    }
    return jar;
  }

  /**
   * Starts the example with {@code --http-port 0 --tcp-port 0 --udp-port 0} and waits for its
   * lines.
   */
  static ExampleApp start(Path dir) throws IOException, InterruptedException {
    return start(dir, "--http-port", "0", "--tcp-port", "0", "--udp-port", "0");
  }

  /** Starts the example with {@code args} and waits until it printed every listener's line. */
  static ExampleApp start(Path dir, String... args) throws IOException, InterruptedException {
    Path stderr = Files.createTempFile(dir, "example-stderr", ".txt");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dio.netty.leakDetection.level=paranoid",
                "-Xmx256m",
                "-jar",
                jar().toString()));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectError(stderr.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    ExampleApp app = new ExampleApp(process, stderr);
    Thread reader = new Thread(app::readOutput, "example-stdout-" + process.pid());
    reader.setDaemon(true);
    reader.start();
    try {
      app.listening.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      app.close();
      fail(
          "the example application did not print its listeners: "
              + e.getMessage()
              + "\nstdout:\n"
              + app.stdout()
              + "\nstderr:\n"
              + app.stderr(),
          e);
    }
    return app;
  }

  private void readOutput() {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = reader.readLine()) != null; ) {
        synchronized (lines) {
          lines.add(line);
        }
        Matcher matcher = LISTENING.matcher(line);
        if (matcher.matches()) {
          addresses.put(
              matcher.group(1),
              new InetSocketAddress("127.0.0.1", Integer.parseInt(matcher.group(3))));
          if (addresses.keySet().containsAll(LISTENERS)) {
            listening.complete(null);
          }
        }
      }
      listening.completeExceptionally(new IllegalStateException("the process ended its output"));
      outputEnded.complete(null);
    } catch (IOException e) {
      listening.completeExceptionally(e);
      outputEnded.completeExceptionally(e);
    }
  }

  /** The loopback address of listener {@code protocol} ({@code http}, {@code tcp}, {@code udp}). */
  InetSocketAddress address(String protocol) {
    InetSocketAddress address = addresses.get(protocol);
    if (address == null) {
      fail("the example application printed no listener for " + protocol + ": " + stdout());
    }
    return address;
  }

  int port(String protocol) {
    return address(protocol).getPort();
  }

  /** {@code http://127.0.0.1:<port><pathAndQuery>}. */
  URI http(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port("http") + pathAndQuery);
  }

  String url(String pathAndQuery) {
    return http(pathAndQuery).toString();
  }

  Process process() {
    return process;
  }

  /** How many threads the process has now, as the OS counts them ({@code /proc/<pid>/status}). */
  int threads() throws IOException {
    for (String line :
        Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
      if (line.startsWith("Threads:")) {
        return Integer.parseInt(line.substring("Threads:".length()).trim());
      }
    }
    throw new IOException("no Threads line in /proc/" + process.pid() + "/status");
  }

  String stdout() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  String stderr() {
    try {
      return Files.readString(stderr);
    } catch (IOException e) {
      return "(stderr unreadable: " + e + ")";
    }
  }

  /**
   * Sends SIGTERM and asserts a clean, graceful exit: the JVM's exit code for SIGTERM, the {@code
   * beth: stopped} line printed once every listener closed, and nothing on stderr that speaks of an
   * exception or a leak.
   */
  void stopAndAssertCleanExit() throws Exception {
    // SIGTERM through the handle: Process.destroy() would also close the pipe we read from.
    // (A test may have sent it already to watch the shutdown; sending it again changes nothing.)
    if (process.isAlive() && !process.toHandle().destroy() && process.isAlive()) {
      fail("could not send SIGTERM to the example application");
    }
    assertCleanExit("SIGTERM", EXIT_ON_SIGTERM);
  }

  /** As {@link #stopAndAssertCleanExit()}, with SIGINT (Ctrl-C) sent by {@code kill -INT}. */
  void interruptAndAssertCleanExit(Path dir) throws Exception {
    Command.run(
            dir, (Path) null, Duration.ofSeconds(30), "kill", "-INT", String.valueOf(process.pid()))
        .assertSuccess();
    assertCleanExit("SIGINT", EXIT_ON_SIGINT);
  }

  private void assertCleanExit(String signal, int exitCode) throws Exception {
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      fail(
          "the example application did not stop within 30 s of "
              + signal
              + "\nstderr:\n"
              + stderr());
    }
    outputEnded.get(10, TimeUnit.SECONDS);
    String err = stderr();
    String out = stdout();
    assertEquals(exitCode, process.exitValue(), "exit code after " + signal + "; stderr:\n" + err);
    assertTrue(
        out.lines().anyMatch("beth: stopped"::equals),
        "no 'beth: stopped' line after " + signal + "; stdout:\n" + out + "\nstderr:\n" + err);
    assertFalse(
        err.contains("Exception") || err.contains("LEAK:") || err.contains("ERROR"),
        "stderr after " + signal + ":\n" + err);
  }

  /** Kills the process (and anything it started) if a test left it running. */
  @Override
  public void close() {
    if (process.isAlive()) {
      Processes.kill(process);
    }
  }
}
