package io.beth.processor;

import com.google.testing.compile.JavaFileObjects;
import java.net.MalformedURLException;
import java.nio.file.Path;
import javax.tools.JavaFileObject;

/**
 * Sources for the typed-client tests: the contracts of {@code io.beth.processor.client}, read from
 * this module's test sources so the processor sees them, and small sources in their package.
 */
final class ClientSources {

  static final String PACKAGE = "io.beth.processor.client";

  private ClientSources() {}

  /** The source of {@code io.beth.processor.client.<name>}, as written in src/test/java. */
  static JavaFileObject fixture(String name) {
    Path file = Path.of("src/test/java/io/beth/processor/client", name + ".java");
    try {
      return JavaFileObjects.forResource(file.toAbsolutePath().toUri().toURL());
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A source file of class {@code name} in the fixtures' package, with {@code lines}. */
  static JavaFileObject source(String name, String... lines) {
    return JavaFileObjects.forSourceString(
        PACKAGE + "." + name, "package " + PACKAGE + ";\n" + String.join("\n", lines) + "\n");
  }
}
