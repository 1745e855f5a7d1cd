package io.beth.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.beth.bootstrap.BethClientOptions;
import io.beth.bootstrap.RunningApplication;
import io.beth.http.HttpClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated client of {@link UserApi} calling the running example, through the Dagger component
 * and through the second entry point, {@link UserClientMain}.
 */
class UserClientMainTest {

  private static RunningApplication running;
  private static String base;

  @BeforeAll
  static void start() {
    running =
        ExampleMain.start(
            ExampleOptions.parse("--http-port", "0", "--tcp-port", "0", "--udp-port", "0"));
    base = "http://127.0.0.1:" + running.address("http").getPort();
  }

  @AfterAll
  static void stop() throws Exception {
    running.stop(Duration.ofSeconds(5)).get(30, TimeUnit.SECONDS);
  }

  /** The exit code, standard output and standard error of {@code UserClientMain args}. */
  private static String[] run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        UserClientMain.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new String[] {
      String.valueOf(code),
      out.toString(StandardCharsets.UTF_8),
      err.toString(StandardCharsets.UTF_8)
    };
  }

  @Test
  void theInjectedClientGetsTheUserFromTheServerOfTheSameInterface() throws Exception {
    try (HttpClient client = HttpClient.create()) {
      UserApi users =
          DaggerUserClientComponent.factory()
              .create(client, BethClientOptions.builder().baseUri(URI.create(base)).build())
              .users();
      assertEquals(new User(42, "user-42"), users.user(42).get(20, TimeUnit.SECONDS));
    }
  }

  @Test
  void theClientEntryPointPrintsTheUser() {
    String[] result = run("--base-uri", base, "7");
    assertEquals("0", result[0], result[2]);
    assertEquals("user 7: user-7" + System.lineSeparator(), result[1]);
  }

  @Test
  void anErrorStatusIsPrintedWithItsBodyAndExitsOne() {
    String[] result = run("--base-uri", base + "/nowhere", "7");
    assertEquals("1", result[0]);
    assertEquals(
        "beth-examples: HTTP 404 from " + base + "/nowhere/users/7" + System.lineSeparator(),
        result[2]);
  }

  @Test
  void aBadCommandLineExitsTwoWithAReason() {
    String[] notANumber = run("--base-uri", base, "seven");
    assertEquals("2", notANumber[0]);
    assertEquals(
        "beth-examples: the user id must be a number, not seven" + System.lineSeparator(),
        notANumber[2]);
    String[] usage = run();
    assertEquals("2", usage[0]);
    assertEquals(
        "beth-examples: usage: UserClientMain [--base-uri URI] ID" + System.lineSeparator(),
        usage[2]);
  }
}
