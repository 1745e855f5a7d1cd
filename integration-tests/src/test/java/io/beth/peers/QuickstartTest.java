package io.beth.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's quickstart as a new user pastes it: a fresh Maven project of the README's Maven
 * snippet and its first annotated example, both read from README.md as it is now, built by Maven
 * against the artifacts this build made ({@link QuickstartRepository}), started with {@code java},
 * and called. The project has nothing the README does not list, so no SLF4J provider either: a
 * route of the test's own that throws shows that its failure still reaches standard error, once.
 */
class QuickstartTest {

  private static final Pattern XML_BLOCK = Pattern.compile("(?ms)^```xml\\n(.*?)^```");
  private static final Pattern JAVA_BLOCK = Pattern.compile("(?ms)^```java\\n(.*?)^```");
  private static final Pattern PUBLIC_CLASS =
      Pattern.compile("(?m)^public (?:final )?class (\\w+)");
  private static final Pattern LISTENING = Pattern.compile("listening on \\S*:(\\d+)$");
  private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);
  private static final String PACKAGE = "quickstart";

  /** A route beside the README's, in the same package, so in the same generated module. */
  private static final String FAILING_ROUTE =
      """
      package quickstart;

      import io.beth.annotations.HttpRoute;
      import io.beth.http.HttpResponse;
      import jakarta.inject.Inject;

      public final class FailingRoute {
        @Inject
        FailingRoute() {}

        @HttpRoute(method = "GET", path = "/quickstart-failure")
        public HttpResponse fail() {
          throw new IllegalStateException("the quickstart's own failure");
        }
      }
      """;

  @TempDir Path dir;

  @Test
  void theReadmeSnippetAndFirstAnnotatedExampleBuildStartAndAnswer() throws Exception {
    String readme = Files.readString(Path.of(System.getProperty("beth.readme", "../README.md")));
    String mavenSnippet = first(XML_BLOCK, readme, "<dependencies>", "a Maven snippet");
    String example = first(JAVA_BLOCK, readme, "@HttpRoute", "an annotated example");
    Matcher mainClass = PUBLIC_CLASS.matcher(example);
    assertTrue(
        mainClass.find(), "the first annotated example declares no public class:\n" + example);

    Path project = Files.createDirectories(dir.resolve("project"));
    Files.writeString(project.resolve("pom.xml"), pom(mavenSnippet));
    Path sources = Files.createDirectories(project.resolve("src/main/java/" + PACKAGE));
    Files.writeString(
        sources.resolve(mainClass.group(1) + ".java"), "package " + PACKAGE + ";\n\n" + example);
    Files.writeString(sources.resolve("FailingRoute.java"), FAILING_ROUTE);

    Path settings = QuickstartRepository.prepare(dir);
    Path classpath = dir.resolve("classpath.txt");
    Command.Result build =
        Command.run(
            project,
            (Path) null,
            BUILD_TIMEOUT,
            mvn(),
            "-B",
            "-s",
            settings.toString(),
            "-nsu",
            "compile",
            "org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath",
            "-Dmdep.outputFile=" + classpath);
    assertEquals(0, build.exit(), "the quickstart project does not build:\n" + build);

    String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path stderr = dir.resolve("app-stderr.txt");
    Process app =
        new ProcessBuilder(
                javaCommand,
                "-Dbeth.http.port=0",
                "-cp",
                project.resolve("target/classes")
                    + java.io.File.pathSeparator
                    + Files.readString(classpath).trim(),
                PACKAGE + "." + mainClass.group(1))
            .redirectError(stderr.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    try {
      int port = listeningPort(app, stderr);
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      HttpResponse<String> hello = get(client, port, "/hello");
      assertEquals(200, hello.statusCode(), hello.body());
      assertEquals("hello!", hello.body());
      assertEquals("hello, ada!", get(client, port, "/hello/ada").body());

      assertEquals(500, get(client, port, "/quickstart-failure").statusCode());
      String failureLine =
          "beth: the handler of GET /quickstart-failure failed:"
              + " java.lang.IllegalStateException: the quickstart's own failure, answered 500";
      // printed before the handler's failure reaches the connection, so before the 500 was sent
      List<String> lines = Files.readAllLines(stderr);
      assertEquals(
          1,
          lines.stream().filter(l -> l.startsWith(failureLine)).count(),
          "one line for the one failure:\n" + String.join("\n", lines));
      assertTrue(app.isAlive(), "the quickstart keeps serving");
    } finally {
      Processes.kill(app);
    }
  }

  /** The first block of {@code blocks} in {@code readme} that contains {@code marker}. */
  private static String first(Pattern blocks, String readme, String marker, String what) {
    Matcher m = blocks.matcher(readme);
    while (m.find()) {
      if (m.group(1).contains(marker)) {
        return m.group(1);
      }
    }
    return fail("README.md has no " + what + " (a block with " + marker + ")");
  }

  /** A new project's POM around the README's snippet of dependencies and build. */
  private static String pom(String snippet) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>quickstart</groupId>
          <artifactId>quickstart</artifactId>
          <version>1.0</version>
          <properties>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
          </properties>
        """
        + snippet
        + "</project>\n";
  }

  /** The Maven that runs this build, else the one on the PATH. */
  private static String mvn() {
    String home = System.getProperty("beth.maven.home");
    if (home != null && !home.isBlank() && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
      return Path.of(home, "bin", "mvn").toString();
    }
    return "mvn";
  }

  /** The port of the {@code listening on <address>} line the example prints once started. */
  private static int listeningPort(Process app, Path stderr) throws Exception {
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                  Matcher m = LISTENING.matcher(line);
                  if (m.find()) {
                    port.complete(Integer.parseInt(m.group(1)));
                  }
                }
                port.completeExceptionally(
                    new IOException("the output ended without a listening line"));
              } catch (IOException e) {
                port.completeExceptionally(e);
              }
            },
            "quickstart-stdout");
    reader.setDaemon(true);
    reader.start();
    try {
      return port.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      return fail(
          "the quickstart did not say where it listens ("
              + e
              + "); stderr:\n"
              + Files.readString(stderr));
    }
  }

  private static HttpResponse<String> get(HttpClient client, int port, String path)
      throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
