package io.beth.benchmarks.router;

import io.beth.codec.Codecs;
import io.beth.http.HttpHandler;
import io.beth.processor.BethProcessor;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles the route classes of a {@link RouteSet} with Beth's processor (the JDK's compiler, on
 * this JVM's class path) and instantiates the {@code bench.BethRouter} it generates: the class
 * measured is exactly what an application would run.
 */
final class GeneratedRouter {

  private GeneratedRouter() {}

  /** The generated router over {@code routes}, with the default codecs. */
  static HttpHandler compile(RouteSet routes) throws IOException, ReflectiveOperationException {
    Path dir = Files.createTempDirectory("beth-router-bench");
    try {
      Path src = Files.createDirectories(dir.resolve("src/bench"));
      Path generated = Files.createDirectories(dir.resolve("generated"));
      Path classes = Files.createDirectories(dir.resolve("classes"));
      List<Path> files = new ArrayList<>();
      for (int i = 0; i < routes.classCount(); i++) {
        Path file = src.resolve("Routes" + i + ".java");
        Files.writeString(file, routes.source(i), StandardCharsets.UTF_8);
        files.add(file);
      }
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      if (javac == null) {
        throw new IllegalStateException("the router benchmark needs a JDK, not a JRE");
      }
      StringWriter diagnostics = new StringWriter();
      try (StandardJavaFileManager fm =
          javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
        Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
        JavaCompiler.CompilationTask task =
            javac.getTask(
                diagnostics,
                fm,
                null,
                List.of(
                    "-classpath",
                    System.getProperty("java.class.path"),
                    "-d",
                    classes.toString(),
                    "-s",
                    generated.toString()),
                null,
                units);
        task.setProcessors(List.of(new BethProcessor()));
        if (!task.call()) {
          throw new IllegalStateException("the route classes did not compile:\n" + diagnostics);
        }
      }
      URLClassLoader loader =
          new URLClassLoader(
              new URL[] {classes.toUri().toURL()}, GeneratedRouter.class.getClassLoader());
      try (Stream<Path> compiled = Files.walk(classes)) {
        for (Path file : compiled.filter(f -> f.toString().endsWith(".class")).toList()) {
          String name = classes.relativize(file).toString().replace('/', '.');
          // load every class now: the directory is deleted below
          Class.forName(name.substring(0, name.length() - ".class".length()), false, loader);
        }
      }
      Class<?> router = loader.loadClass("bench.BethRouter");
      Constructor<?> constructor = router.getConstructors()[0];
      Class<?>[] types = constructor.getParameterTypes();
      Object[] args = new Object[types.length];
      for (int i = 0; i < types.length - 1; i++) {
        args[i] = types[i].getConstructor().newInstance();
      }
      args[types.length - 1] = Codecs.defaults();
      return (HttpHandler) constructor.newInstance(args);
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
