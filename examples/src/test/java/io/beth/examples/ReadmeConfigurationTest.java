package io.beth.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.bootstrap.BethClientOptions;
import io.beth.bootstrap.BethOptions;
import io.beth.http.HttpClientOptions;
import io.beth.http.HttpServerOptions;
import io.beth.http.ProxyOptions;
import io.beth.tcp.TcpClientOptions;
import io.beth.tcp.TcpServerOptions;
import io.beth.udp.UdpOptions;
import io.beth.websocket.WebSocketOptions;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * README.md's Configuration table against the options classes: every setting of each options
 * class's builder is named, in code, in the rows that name that class, so a setting added to a
 * builder without a word in the README fails the build.
 */
class ReadmeConfigurationTest {

  /** Every options class a user configures Beth with. */
  static final List<Class<?>> OPTIONS =
      List.of(
          BethOptions.class,
          BethClientOptions.class,
          HttpServerOptions.class,
          HttpClientOptions.class,
          ProxyOptions.class,
          TcpServerOptions.class,
          TcpClientOptions.class,
          UdpOptions.class,
          WebSocketOptions.class);

  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  @TestFactory
  Stream<DynamicTest> everyBuilderSettingIsInTheConfigurationTable() throws Exception {
    List<String> rows = configurationRows();
    assertFalse(rows.isEmpty(), "README.md has no Configuration table");
    return OPTIONS.stream()
        .map(
            options ->
                DynamicTest.dynamicTest(
                    options.getSimpleName(),
                    () -> {
                      List<String> spans = new ArrayList<>();
                      for (String row : rows) {
                        List<String> rowSpans = codeSpans(row);
                        if (rowSpans.stream()
                            .anyMatch(span -> span.startsWith(options.getSimpleName()))) {
                          spans.addAll(rowSpans);
                        }
                      }
                      assertFalse(
                          spans.isEmpty(),
                          "no row of README.md's Configuration table names `"
                              + options.getSimpleName()
                              + "`");
                      Set<String> missing = new TreeSet<>();
                      for (String setting : settings(options)) {
                        Pattern named = Pattern.compile("(?:^|\\.)" + setting + "(?:\\(|$)");
                        if (spans.stream().noneMatch(span -> named.matcher(span).find())) {
                          missing.add(setting);
                        }
                      }
                      assertTrue(
                          missing.isEmpty(),
                          "README.md's Configuration table does not name "
                              + options.getSimpleName()
                              + ".Builder's "
                              + missing
                              + " (in code, as `name`)");
                    }));
  }

  /** The public instance methods of {@code options}'s builder but {@code build}. */
  private static Set<String> settings(Class<?> options) throws ClassNotFoundException {
    Class<?> builder = Class.forName(options.getName() + "$Builder");
    Set<String> names = new TreeSet<>();
    for (Method m : builder.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers())
          && !Modifier.isStatic(m.getModifiers())
          && !m.isSynthetic()
          && !m.getName().equals("build")) {
        names.add(m.getName());
      }
    }
    assertFalse(names.isEmpty(), builder + " has no settings");
    return names;
  }

  private static List<String> codeSpans(String text) {
    List<String> spans = new ArrayList<>();
    Matcher m = CODE.matcher(text);
    while (m.find()) {
      spans.add(m.group(1).trim());
    }
    return spans;
  }

  /** The body rows of the table under {@code ## Configuration}. */
  private static List<String> configurationRows() throws Exception {
    Path readme = Path.of(System.getProperty("beth.readme", "../README.md"));
    List<String> rows = new ArrayList<>();
    boolean inSection = false;
    for (String line : Files.readAllLines(readme)) {
      if (line.startsWith("## ")) {
        inSection = line.equals("## Configuration");
      } else if (inSection && line.startsWith("| ") && !line.startsWith("| what |")) {
        rows.add(line);
      }
    }
    return rows;
  }
}
