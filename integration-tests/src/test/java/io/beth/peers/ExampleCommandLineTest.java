package io.beth.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's command lines run as written against the shaded jar: Ctrl-C (SIGINT) stops the
 * example gracefully, and the second entry point calls a running example through the generated
 * typed client.
 */
class ExampleCommandLineTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void sigintStopsTheExampleGracefully() throws Exception {
    try (ExampleApp app = ExampleApp.start(dir)) {
      app.interruptAndAssertCleanExit(dir);
    }
  }

  @Test
  void userClientMainFromTheJarCallsTheRunningExample() throws Exception {
    try (ExampleApp app = ExampleApp.start(dir)) {
      String baseUri = "http://127.0.0.1:" + app.port("http");
      Command.Result user = userClientMain("--base-uri", baseUri, "7");
      assertEquals(0, user.exit(), user.toString());
      assertEquals("user 7: user-7\n", user.out());

      Command.Result badId = userClientMain("--base-uri", baseUri, "seven");
      assertEquals(2, badId.exit(), badId.toString());
      assertTrue(
          badId.stderr().contains("the user id must be a number, not seven"), badId.stderr());
      app.stopAndAssertCleanExit();
    }
  }

  private Command.Result userClientMain(String... args) throws Exception {
    String[] command = new String[args.length + 4];
    command[0] = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    command[1] = "-cp";
    command[2] = ExampleApp.jar().toString();
    command[3] = "io.beth.examples.UserClientMain";
    System.arraycopy(args, 0, command, 4, args.length);
    return Command.run(dir, (Path) null, TIMEOUT, command);
  }
}
