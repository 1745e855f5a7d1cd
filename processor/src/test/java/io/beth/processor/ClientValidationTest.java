package io.beth.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.beth.processor.Sources.compile;
import static io.beth.processor.Sources.file;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The rules on route interfaces, which are typed client contracts. */
class ClientValidationTest {

  @Test
  void aClientMethodThatIsNotAsynchronousIsAnError() {
    JavaFileObject source = file("UsersApi",
        "public interface UsersApi {",
        "  @HttpRoute(method = \"GET\", path = \"/users/{id}\")",
        "  String user(@PathParam(\"id\") String id);",
        "}");
    assertThat(compile(source)).hadErrorContaining(BethMessages.CLIENT_NOT_ASYNC
        + " Client method UsersApi.user() returns java.lang.String; a client method must be"
        + " asynchronous, so return CompletableFuture<T> or CompletionStage<T>")
        .inFile(source).onLineContaining("String user(");
  }

  @Test
  void aClientMethodCannotTakeTheWholeRequest() {
    JavaFileObject source = file("UsersApi",
        "public interface UsersApi {",
        "  @HttpRoute(method = \"GET\", path = \"/users\")",
        "  CompletableFuture<String> users(HttpRequest request);",
        "}");
    assertThat(compile(source)).hadErrorContaining(BethMessages.PARAMETER_UNBOUND
        + " Parameter request is not bound to anything")
        .inFile(source).onLineContaining("HttpRequest request");
  }

  @Test
  void aServerImplementingARouteInterfaceInheritsItsRoutesAndTheirRules() {
    JavaFileObject api = file("UsersApi",
        "@HttpRoute(path = \"/users\")",
        "public interface UsersApi {",
        "  @HttpRoute(method = \"GET\", path = \"/{id}\")",
        "  CompletableFuture<String> user(@PathParam(\"id\") String id);",
        "}");
    JavaFileObject server = file("UsersServer",
        "@HttpRoute",
        "public class UsersServer implements UsersApi {",
        "  @Override public CompletableFuture<String> user(String id) {",
        "    return CompletableFuture.completedFuture(id);",
        "  }",
        "  @HttpRoute(method = \"GET\", path = \"/users/{name}\")",
        "  public String byName(@PathParam(\"name\") String name) { return name; }",
        "}");
    assertThat(compile(api, server)).hadErrorContaining(BethMessages.ROUTE_AMBIGUOUS
        + " Route GET /users/{name} of UsersServer.byName() matches the same paths as"
        + " GET /users/{id} of UsersApi.user()")
        .inFile(server).onLineContaining("byName(");
  }
}
