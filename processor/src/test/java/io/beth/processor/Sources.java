package io.beth.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dagger.internal.codegen.ComponentProcessor;
import javax.tools.JavaFileObject;

/**
 * Sources for compile tests: the user's file under test, compiled with Beth's processor against the
 * runtime (a test dependency).
 */
final class Sources {

  /** The method of {@code io.beth.websocket.WebSocketHandler}, to complete a class body. */
  static final String WEBSOCKET =
      " public void handle(io.beth.websocket.WebSocket socket,"
          + " io.beth.http.HttpRequest upgrade) {} ";

  /** The method of {@code io.beth.tcp.TcpConnectionHandler}, to complete a class body. */
  static final String TCP =
      " public void handle(io.beth.stream.DuplexStream<byte[], Object> s,"
          + " io.beth.tcp.ConnectionInfo info) {} ";

  /** The method of {@code io.beth.udp.UdpSocketHandler}, to complete a class body. */
  static final String UDP = " public void handle(io.beth.udp.UdpChannel socket) {} ";

  /** A Dagger component {@code test.App} over the generated {@code BethModule}. */
  static final JavaFileObject APP =
      file(
          "App",
          "@dagger.Component(modules = BethModule.class)",
          "interface App { io.beth.bootstrap.BethApplication beth(); }");

  /** {@code test.Main}: a {@code Supplier} of the application that {@link #APP} provides. */
  static final JavaFileObject MAIN =
      file(
          "Main",
          "public class Main implements java.util.function.Supplier<io.beth.bootstrap.BethApplication> {",
          "  public io.beth.bootstrap.BethApplication get() { return DaggerApp.create().beth(); }",
          "}");

  private Sources() {}

  /** A source file {@code test/<name>.java} with the usual imports before {@code body}. */
  static JavaFileObject file(String name, String... body) {
    StringBuilder text =
        new StringBuilder()
            .append("package test;\n")
            .append("import io.beth.annotations.*;\n")
            .append("import io.beth.http.*;\n")
            .append("import io.beth.stream.Source;\n")
            .append("import jakarta.inject.Inject;\n")
            .append("import java.util.*;\n")
            .append("import java.util.concurrent.*;\n");
    for (String line : body) {
      text.append(line).append('\n');
    }
    return JavaFileObjects.forSourceString("test." + name, text.toString());
  }

  /**
   * Compiles {@code files} with Beth's processor and Dagger's, as an application's build does: the
   * errors counted are every error the user would see.
   */
  static Compilation compileWithDagger(JavaFileObject... files) {
    return javac().withProcessors(new BethProcessor(), new ComponentProcessor()).compile(files);
  }

  /** Compiles {@code files} with Beth's processor. */
  static Compilation compile(JavaFileObject... files) {
    return javac().withProcessors(new BethProcessor()).compile(files);
  }
}
