package io.beth.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import dagger.internal.codegen.ComponentProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * Annotated sources compiled in memory by Beth's processor and Dagger's against the real runtime,
 * with a class loader over the classes compiled (runtime classes come from the test's own loader).
 */
final class CompiledApplication extends ClassLoader {

  private final Map<String, byte[]> classes = new HashMap<>();
  private final Compilation compilation;

  private CompiledApplication(Compilation compilation) {
    super(CompiledApplication.class.getClassLoader());
    this.compilation = compilation;
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      String path = file.toUri().getPath();
      String name =
          path.substring(
                  path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length(),
                  path.length() - ".class".length())
              .replace('/', '.');
      try (InputStream in = file.openInputStream()) {
        classes.put(name, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Compiles {@code sources}, asserting that the compilation succeeded without warnings. */
  static CompiledApplication compile(JavaFileObject... sources) {
    Compilation compilation =
        javac().withProcessors(new BethProcessor(), new ComponentProcessor()).compile(sources);
    assertWithMessage(compilation.diagnostics().toString())
        .that(compilation.status())
        .isEqualTo(Compilation.Status.SUCCESS);
    assertWithMessage(compilation.diagnostics().toString()).that(compilation.warnings()).isEmpty();
    return new CompiledApplication(compilation);
  }

  Compilation compilation() {
    return compilation;
  }

  /** A new instance of compiled class {@code name}, through its no-argument constructor. */
  <T> T newInstance(String name, Class<T> as) throws ReflectiveOperationException {
    return as.cast(loadClass(name).getDeclaredConstructor().newInstance());
  }

  /**
   * The generated client of route interface {@code api}, through its generated {@code
   * create(HttpClient, URI)}.
   */
  <T> T client(Class<T> api, io.beth.http.HttpClient http, java.net.URI base)
      throws ReflectiveOperationException {
    String name =
        api.getName().substring(0, api.getName().lastIndexOf('.') + 1)
            + api.getName().substring(api.getName().lastIndexOf('.') + 1).replace('$', '_')
            + "_BethClient";
    return api.cast(
        loadClass(name)
            .getMethod("create", io.beth.http.HttpClient.class, java.net.URI.class)
            .invoke(null, http, base));
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = classes.get(name);
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }
}
