package io.beth.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dagger.internal.codegen.ComponentProcessor;
import io.beth.processor.BethProcessor;
import java.io.File;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles every {@code ```java} block of README.md, each on its own, with Beth's annotation
 * processor and Dagger's, against this module's test classpath, so the README cannot rot.
 *
 * <p>A block that declares a top-level type (a line at column 0 starting with {@code import},
 * {@code class}, {@code interface}, {@code record}, {@code @}, {@code public} or {@code final}) is
 * a whole source file and is compiled as written, in a package of its own. Any other block is a
 * method body: it is compiled inside {@code void snippet() throws Exception} of a class that has
 * the imports README.md lists for such blocks ({@link #BODY_IMPORTS}).
 */
class ReadmeSnippetsTest {

  /** The imports README.md promises for method-body snippets. */
  static final List<String> BODY_IMPORTS =
      List.of(
          "io.beth.bootstrap.*",
          "io.beth.bytes.*",
          "io.beth.http.*",
          "io.beth.stream.*",
          "io.beth.tcp.*",
          "io.beth.transport.*",
          "io.beth.udp.*",
          "io.beth.websocket.*",
          "java.net.URI",
          "java.nio.charset.StandardCharsets",
          "java.time.Duration",
          "java.util.List",
          "java.util.concurrent.CompletableFuture");

  private static final Pattern JAVA_BLOCK = Pattern.compile("(?ms)^```java\\n(.*?)^```");
  private static final Pattern TOP_LEVEL =
      Pattern.compile(
          "(?m)^(import |package |class |interface |record |enum |@|public |final |abstract )");
  private static final Pattern PUBLIC_TYPE =
      Pattern.compile("(?m)^public (?:final |abstract )*(?:class|interface|record|enum) (\\w+)");

  @TempDir Path out;

  @TestFactory
  Stream<DynamicTest> everyJavaSnippetOfTheReadmeCompiles() throws Exception {
    Path readme = Path.of(System.getProperty("beth.readme", "../README.md"));
    String markdown = Files.readString(readme);
    List<DynamicTest> tests = new ArrayList<>();
    Matcher block = JAVA_BLOCK.matcher(markdown);
    while (block.find()) {
      int line = (int) markdown.substring(0, block.start()).lines().count() + 1;
      String code = block.group(1);
      int number = tests.size() + 1;
      tests.add(
          DynamicTest.dynamicTest("README.md line " + line, () -> compile(number, line, code)));
    }
    assertFalse(tests.isEmpty(), "README.md has no java snippets");
    return tests.stream();
  }

  private void compile(int number, int line, String code) throws Exception {
    String pkg = "readme.snippet" + number;
    String source;
    String typeName;
    if (TOP_LEVEL.matcher(code).find()) {
      assertFalse(code.startsWith("package "), "README snippets name no package");
      source = "package " + pkg + ";\n" + code;
      Matcher publicType = PUBLIC_TYPE.matcher(code);
      typeName = publicType.find() ? publicType.group(1) : "Snippet";
    } else {
      StringBuilder wrapped = new StringBuilder("package " + pkg + ";\n");
      BODY_IMPORTS.forEach(i -> wrapped.append("import ").append(i).append(";\n"));
      wrapped
          .append("class Snippet {\n  void snippet() throws Exception {\n")
          .append(code)
          .append("  }\n}\n");
      source = wrapped.toString();
      typeName = "Snippet";
    }
    JavaFileObject file =
        new SimpleJavaFileObject(
            URI.create("string:///" + pkg.replace('.', '/') + "/" + typeName + ".java"),
            JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
          }
        };
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Path classes = Files.createDirectories(out.resolve("snippet" + number));
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      List<String> options =
          List.of(
              "-classpath",
              System.getProperty("java.class.path"),
              "-d",
              classes.toString(),
              "-s",
              classes.toString(),
              "--release",
              "17",
              "-Xlint:all,-processing,-serial,-options");
      StringWriter output = new StringWriter();
      JavaCompiler.CompilationTask task =
          javac.getTask(output, files, diagnostics, options, null, List.of(file));
      task.setProcessors(List.of(new BethProcessor(), new ComponentProcessor()));
      boolean compiled = task.call();
      StringBuilder report = new StringBuilder();
      diagnostics.getDiagnostics().forEach(d -> report.append(d).append('\n'));
      assertTrue(
          compiled
              && diagnostics.getDiagnostics().stream()
                  .noneMatch(
                      d ->
                          d.getKind() == javax.tools.Diagnostic.Kind.WARNING
                              || d.getKind() == javax.tools.Diagnostic.Kind.MANDATORY_WARNING),
          "the java snippet at README.md line "
              + line
              + " does not compile cleanly:\n"
              + report
              + output
              + "\nas compiled:\n"
              + source);
    }
    assertTrue(new File(classes.toFile(), pkg.replace('.', '/')).isDirectory());
  }
}
