package io.beth.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One resources object owns every thread Beth starts: an application started and stopped on
 * resources of its own leaves no Beth thread behind. It runs in a JVM of its own, where no other
 * test's server or the shared default has started threads.
 */
class ApplicationThreadsTest {

  @Test
  void anApplicationOnItsOwnResourcesLeavesNoBethThreadOnceStopped(@TempDir Path dir)
      throws Exception {
    Path output = dir.resolve("output.txt");
    Process child =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    "-Dio.netty.leakDetection.level=paranoid",
                    ApplicationThreadsMain.class.getName()))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    boolean exited = child.waitFor(90, TimeUnit.SECONDS);
    if (!exited) {
      child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    String printed = Files.readString(output, StandardCharsets.UTF_8);
    assertTrue(exited, "the application did not stop within 90 s:\n" + printed);
    assertEquals(0, child.exitValue(), printed);
    assertTrue(printed.contains(ApplicationThreadsMain.NONE_LEFT), printed);
  }
}
