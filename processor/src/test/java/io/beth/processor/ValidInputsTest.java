package io.beth.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.beth.processor.Sources.compile;
import static io.beth.processor.Sources.file;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Everything the rules allow compiles cleanly, without a single warning. */
class ValidInputsTest {

  @Test
  void everySupportedParameterAndResultTypeCompilesWithoutWarnings() {
    JavaFileObject source =
        file(
            "Everything",
            "@HttpRoute(path = \"/v1\")",
            "public class Everything {",
            "  public enum Color { RED, GREEN }",
            "  public static final class Slug { public Slug(String s) {} }",
            "  public static final class Code { public static Code of(String s) { return null; } }",
            "  @Inject public Everything() {}",
            "  @HttpRoute(method = \"GET\", path = \"/items/{id}/{color}/{slug}/{code}/{n}/{when}\")",
            "  public HttpResponse item(@PathParam(\"id\") UUID id, @PathParam(\"color\") Color color,",
            "      @PathParam(\"slug\") Slug slug, @PathParam(\"code\") Code code,",
            "      @PathParam(\"n\") long n, @PathParam(\"when\") java.time.LocalDate when) {",
            "    return null;",
            "  }",
            "  @HttpRoute(method = \"GET\", path = \"/search\")",
            "  public CompletableFuture<List<String>> search(",
            "      @QueryParam(\"q\") Optional<String> q,",
            "      @QueryParam(value = \"page\", defaultValue = \"1\") int page,",
            "      @QueryParam(\"tag\") List<String> tags,",
            "      @HeaderParam(\"X-Trace\") Optional<Integer> trace,",
            "      @CookieParam(value = \"session\", defaultValue = \"none\") String session,",
            "      HttpRequest request) {",
            "    return null;",
            "  }",
            "  @HttpRoute(method = \"POST\", path = \"/items\")",
            "  public CompletionStage<HttpResponse> create(@Body Map<String, String> item) {",
            "    return null;",
            "  }",
            "  @HttpRoute(method = \"PUT\", path = \"/files/{name}\")",
            "  public CompletableFuture<Void> upload(@PathParam(\"name\") String name,",
            "      @Body Source<byte[]> body) {",
            "    return null;",
            "  }",
            "  @HttpRoute(method = \"DELETE\", path = \"/items/{id}\")",
            "  public void delete(@PathParam(\"id\") UUID id) {}",
            "  @HttpRoute(method = \"GET\", path = \"/events\")",
            "  public Source<String> events() { return null; }",
            "  @HttpRoute(method = \"GET\", path = \"/count\")",
            "  public int count() { return 0; }",
            "  @HttpRoute(method = \"GET\")",
            "  public String root() { return \"\"; }",
            "}");
    JavaFileObject api =
        file(
            "UsersApi",
            "@HttpRoute(path = \"/users\")",
            "public interface UsersApi {",
            "  @HttpRoute(method = \"GET\", path = \"/{id}\")",
            "  CompletableFuture<String> user(@PathParam(\"id\") String id);",
            "  @HttpRoute(method = \"POST\")",
            "  CompletionStage<Void> create(@Body String user);",
            "}");
    JavaFileObject server =
        file(
            "UsersServer",
            "@HttpRoute",
            "public class UsersServer implements UsersApi {",
            "  @Override public CompletableFuture<String> user(String id) { return null; }",
            "  @Override public CompletionStage<Void> create(String user) { return null; }",
            "}");
    assertThat(compile(source, api, server)).succeededWithoutWarnings();
  }

  @Test
  void validEndpointsCompileWithoutWarningsIntoTheRouterAndTheModule() {
    JavaFileObject chat =
        file(
            "Chat",
            "@WebSocketEndpoint(path = \"/chat\")",
            "public class Chat implements io.beth.websocket.WebSocketHandler {"
                + Sources.WEBSOCKET
                + "}");
    JavaFileObject echo =
        file(
            "Echo",
            "@TcpHandler(port = 7000)",
            "public class Echo implements io.beth.tcp.TcpConnectionHandler {",
            "  @Inject Echo(Runnable dependency) {}",
            Sources.TCP,
            "}");
    JavaFileObject dns =
        file(
            "Dns",
            "@UdpSocket(port = 65535)",
            "public class Dns implements io.beth.udp.UdpSocketHandler {" + Sources.UDP + "}");
    Compilation compilation = compile(chat, echo, dns);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.BethRouter");
    assertThat(compilation).generatedSourceFile("test.BethModule");
  }

  @Test
  void tcpAndUdpHandlersAloneNeedNoRouter() {
    JavaFileObject echo =
        file(
            "Echo",
            "@TcpHandler(port = 0)",
            "public class Echo implements io.beth.tcp.TcpConnectionHandler {" + Sources.TCP + "}");
    Compilation compilation = compile(echo);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.BethModule");
    assertFalse(
        compilation.generatedSourceFiles().stream()
            .anyMatch(f -> f.getName().endsWith("BethRouter.java")));
  }
}
