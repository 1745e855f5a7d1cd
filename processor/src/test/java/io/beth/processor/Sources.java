package io.beth.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * Sources for compile tests: the user's file under test, compiled with Beth's processor against
 * the runtime (a test dependency), beside stand-ins for the handler interfaces of protocols the
 * runtime does not offer yet.
 */
final class Sources {

  private static final List<JavaFileObject> RUNTIME = List.of(
      JavaFileObjects.forSourceString("io.beth.websocket.WebSocketHandler",
          "package io.beth.websocket; public interface WebSocketHandler {}"),
      JavaFileObjects.forSourceString("io.beth.tcp.TcpConnectionHandler",
          "package io.beth.tcp; public interface TcpConnectionHandler {}"),
      JavaFileObjects.forSourceString("io.beth.udp.UdpSocketHandler",
          "package io.beth.udp; public interface UdpSocketHandler {}"));

  private Sources() {}

  /** A source file {@code test/<name>.java} with the usual imports before {@code body}. */
  static JavaFileObject file(String name, String... body) {
    StringBuilder text = new StringBuilder()
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

  /** Compiles {@code files} with Beth's processor and the runtime stand-ins. */
  static Compilation compile(JavaFileObject... files) {
    return javac().withProcessors(new BethProcessor()).compile(withRuntime(files));
  }

  /** {@code files} after the runtime stand-ins. */
  static List<JavaFileObject> withRuntime(JavaFileObject... files) {
    List<JavaFileObject> all = new ArrayList<>(RUNTIME);
    all.addAll(List.of(files));
    return all;
  }
}
