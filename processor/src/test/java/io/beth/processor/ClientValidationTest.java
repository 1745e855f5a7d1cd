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
    JavaFileObject source =
        file(
            "UsersApi",
            "public interface UsersApi {",
            "  @HttpRoute(method = \"GET\", path = \"/users/{id}\")",
            "  String user(@PathParam(\"id\") String id);",
            "}");
    assertThat(compile(source))
        .hadErrorContaining(
            BethMessages.CLIENT_NOT_ASYNC
                + " Client method UsersApi.user() returns java.lang.String; a client method must be"
                + " asynchronous, so return CompletableFuture<T> or CompletionStage<T>")
        .inFile(source)
        .onLineContaining("String user(");
  }

  @Test
  void aClientMethodCannotTakeTheWholeRequest() {
    JavaFileObject source =
        file(
            "UsersApi",
            "public interface UsersApi {",
            "  @HttpRoute(method = \"GET\", path = \"/users\")",
            "  CompletableFuture<String> users(HttpRequest request);",
            "}");
    assertThat(compile(source))
        .hadErrorContaining(
            BethMessages.PARAMETER_UNBOUND + " Parameter request is not bound to anything")
        .inFile(source)
        .onLineContaining("HttpRequest request");
  }

  @Test
  void aServerImplementingARouteInterfaceInheritsItsRoutesAndTheirRules() {
    JavaFileObject api =
        file(
            "UsersApi",
            "@HttpRoute(path = \"/users\")",
            "public interface UsersApi {",
            "  @HttpRoute(method = \"GET\", path = \"/{id}\")",
            "  CompletableFuture<String> user(@PathParam(\"id\") String id);",
            "}");
    JavaFileObject server =
        file(
            "UsersServer",
            "@HttpRoute",
            "public class UsersServer implements UsersApi {",
            "  @Override public CompletableFuture<String> user(String id) {",
            "    return CompletableFuture.completedFuture(id);",
            "  }",
            "  @HttpRoute(method = \"GET\", path = \"/users/{name}\")",
            "  public String byName(@PathParam(\"name\") String name) { return name; }",
            "}");
    assertThat(compile(api, server))
        .hadErrorContaining(
            BethMessages.ROUTE_AMBIGUOUS
                + " Route GET /users/{name} of UsersServer.byName() matches the same paths as"
                + " GET /users/{id} of UsersApi.user()")
        .inFile(server)
        .onLineContaining("byName(");
  }

  @Test
  void anAbstractMethodWithoutARouteIsAnErrorOnTheMethod() {
    JavaFileObject source =
        file(
            "UsersApi",
            "public interface UsersApi {",
            "  @HttpRoute(method = \"GET\", path = \"/users/{id}\")",
            "  CompletableFuture<String> user(@PathParam(\"id\") String id);",
            "  CompletableFuture<String> others();",
            "  default CompletableFuture<String> me() { return user(\"me\"); }",
            "}");
    assertThat(compile(source))
        .hadErrorContaining(
            BethMessages.CLIENT_INTERFACE
                + " Method UsersApi.others() of route interface UsersApi has no @HttpRoute, so its"
                + " generated client cannot implement it; annotate it with @HttpRoute, give it a default"
                + " body, or move it to another interface.")
        .inFile(source)
        .onLineContaining("others();");
  }

  @Test
  void anInheritedAbstractMethodWithoutARouteIsAnErrorOnTheInterface() {
    JavaFileObject source =
        file(
            "UsersApi",
            "public interface UsersApi extends java.util.function.Supplier<String> {",
            "  @HttpRoute(method = \"GET\", path = \"/users/{id}\")",
            "  CompletableFuture<String> user(@PathParam(\"id\") String id);",
            "}");
    assertThat(compile(source))
        .hadErrorContaining(
            BethMessages.CLIENT_INTERFACE
                + " Method Supplier.get() of route interface UsersApi has no @HttpRoute")
        .inFile(source)
        .onLineContaining("interface UsersApi");
  }

  @Test
  void aGenericRouteInterfaceIsAnError() {
    JavaFileObject source =
        file(
            "Repository",
            "public interface Repository<T> {",
            "  @HttpRoute(method = \"GET\", path = \"/things/{id}\")",
            "  CompletableFuture<String> thing(@PathParam(\"id\") String id);",
            "}");
    assertThat(compile(source))
        .hadErrorContaining(
            BethMessages.CLIENT_INTERFACE
                + " Route interface Repository declares type parameters; its generated client implements"
                + " one concrete interface, so remove them and use concrete types in the routes.")
        .inFile(source)
        .onLineContaining("interface Repository");
  }

  @Test
  void aGenericRouteMethodIsAnError() {
    JavaFileObject source =
        file(
            "UsersApi",
            "public interface UsersApi {",
            "  @HttpRoute(method = \"GET\", path = \"/users/{id}\")",
            "  <T> CompletableFuture<String> user(@PathParam(\"id\") String id);",
            "}");
    assertThat(compile(source))
        .hadErrorContaining(
            BethMessages.CLIENT_INTERFACE
                + " Route method UsersApi.user() declares type parameters; a client cannot tell what to"
                + " decode, so use concrete types.")
        .inFile(source)
        .onLineContaining("<T> CompletableFuture<String> user(");
  }

  @Test
  void aPrivateRouteInterfaceIsAnError() {
    JavaFileObject source =
        file(
            "Outer",
            "public class Outer {",
            "  private interface UsersApi {",
            "    @HttpRoute(method = \"GET\", path = \"/users/{id}\")",
            "    CompletableFuture<String> user(@PathParam(\"id\") String id);",
            "  }",
            "}");
    assertThat(compile(source))
        .hadErrorContaining(
            BethMessages.CLIENT_INTERFACE
                + " Route interface UsersApi is private; its generated client is a class of the same"
                + " package, so make it package-private or public.")
        .inFile(source)
        .onLineContaining("private interface UsersApi");
  }

  @Test
  void aClientMethodCannotReturnAStream() {
    JavaFileObject source =
        file(
            "UsersApi",
            "public interface UsersApi {",
            "  @HttpRoute(method = \"GET\", path = \"/users\")",
            "  CompletableFuture<Source<String>> users();",
            "}");
    assertThat(compile(source))
        .hadErrorContaining(BethMessages.ROUTE_RETURN)
        .inFile(source)
        .onLineContaining("users();");
  }

  @Test
  void validClientInterfacesCompileWithoutWarnings() {
    JavaFileObject base =
        file(
            "BaseApi",
            "@HttpRoute(path = \"/v1\")",
            "public interface BaseApi {",
            "  @HttpRoute(method = \"GET\", path = \"/health\")",
            "  CompletionStage<Void> health();",
            "}");
    JavaFileObject outer =
        file(
            "Outer",
            "public class Outer {",
            "  public interface UsersApi extends BaseApi {",
            "    @HttpRoute(method = \"GET\", path = \"/users/{id}\")",
            "    CompletableFuture<Map<String, List<UUID>>> user(@PathParam(\"id\") long id,",
            "        @QueryParam(\"tag\") List<String> tags,",
            "        @HeaderParam(value = \"X-Page\", defaultValue = \"1\") int page,",
            "        @CookieParam(\"s\") Optional<String> session);",
            "    @HttpRoute(method = \"PUT\", path = \"/users/{id}\")",
            "    CompletableFuture<HttpResponse> put(@PathParam(\"id\") long id,",
            "        @Body Map<String, String> user);",
            "    @HttpRoute(method = \"GET\", path = \"/users/{id}/avatar\")",
            "    CompletableFuture<byte[]> avatar(@PathParam(\"id\") long id);",
            "    default CompletableFuture<Map<String, List<UUID>>> me() {",
            "      return user(0, List.of(), 1, Optional.empty());",
            "    }",
            "    static String name() { return \"users\"; }",
            "  }",
            "}");
    assertThat(compile(base, outer)).succeededWithoutWarnings();
    assertThat(compile(base, outer)).generatedSourceFile("test.Outer_UsersApi_BethClient");
    assertThat(compile(base, outer)).generatedSourceFile("test.Outer_UsersApi_BethClientModule");
  }
}
