package io.beth.peers;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a peer's command line to completion, its output kept in files, killed on timeout. */
final class Command {

  /** What a finished command left: its exit code, standard output and error. */
  record Result(List<String> command, int exit, byte[] stdout, String stderr) {

    String out() {
      return new String(stdout, StandardCharsets.UTF_8);
    }

    /** Fails unless the command exited 0, showing what it printed. */
    Result assertSuccess() {
      if (exit != 0) {
        fail(this.toString());
      }
      return this;
    }

    @Override
    public String toString() {
      return String.join(" ", command)
          + "\nexit "
          + exit
          + "\nstdout:\n"
          + out()
          + "\nstderr:\n"
          + stderr;
    }
  }

  private Command() {}

  /**
   * Runs {@code command} in {@code dir} with {@code stdin} (a file, or none) as its input, waiting
   * at most {@code timeout}; a command still running then is killed and fails the test.
   */
  static Result run(Path dir, Path stdin, Duration timeout, String... command)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "stdout", ".txt");
    Path err = Files.createTempFile(dir, "stderr", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    if (stdin != null) {
      builder.redirectInput(stdin.toFile());
    } else {
      builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    }
    Process process = builder.start();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        fail(
            String.join(" ", command)
                + " did not finish within "
                + timeout
                + "; stderr:\n"
                + Files.readString(err));
      }
      return new Result(
          new ArrayList<>(List.of(command)),
          process.exitValue(),
          Files.readAllBytes(out),
          Files.readString(err));
    } finally {
      Processes.kill(process);
    }
  }

  /**
   * As {@link #run(Path, Path, Duration, String...)} with {@code input} written to a file first.
   */
  static Result run(Path dir, byte[] input, Duration timeout, String... command)
      throws IOException, InterruptedException {
    Path stdin = Files.createTempFile(dir, "stdin", ".bin");
    Files.write(stdin, input);
    return run(dir, stdin, timeout, command);
  }
}
