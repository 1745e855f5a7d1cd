package io.beth.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.beth.processor.Sources.compile;
import static io.beth.processor.Sources.compileWithDagger;
import static io.beth.processor.Sources.file;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The rules on classes that serve routes: which classes serve a route interface, what an override
 * may say, and annotations that would change nothing.
 */
class ServerValidationTest {

  static final JavaFileObject API =
      file(
          "UsersApi",
          "public interface UsersApi {",
          "  @HttpRoute(method = \"GET\", path = \"/users/{id}\")",
          "  CompletableFuture<String> user(@PathParam(\"id\") long id);",
          "}");

  @Test
  void aClassImplementingARouteInterfaceWithoutHttpRouteIsAnErrorSinceItServesNothing() {
    JavaFileObject server =
        file(
            "UsersServer",
            "public class UsersServer implements UsersApi {",
            "  public CompletableFuture<String> user(long id) { return null; }",
            "}");
    Compilation compilation = compileWithDagger(API, server, Sources.APP);
    assertThat(compilation)
        .hadErrorContaining(
            BethMessages.ROUTES_NOT_SERVED
                + " UsersServer implements the route interface UsersApi but is not annotated @HttpRoute,"
                + " so Beth does not serve it and every route of UsersApi answers 404; annotate"
                + " UsersServer with @HttpRoute to serve them, or with"
                + " @SuppressWarnings(\"BethRoutesNotServed\") if it is not meant to (a test fake).")
        .inFile(server)
        .onLineContaining("public class UsersServer");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void aClassImplementingARouteInterfaceThroughAnotherInterfaceIsFoundToo() {
    JavaFileObject admin = file("AdminApi", "public interface AdminApi extends UsersApi {}");
    JavaFileObject server =
        file(
            "Outer",
            "public class Outer {",
            "  public static final class Admin implements AdminApi {",
            "    public CompletableFuture<String> user(long id) { return null; }",
            "  }",
            "}");
    assertThat(compile(API, admin, server))
        .hadErrorContaining(
            BethMessages.ROUTES_NOT_SERVED + " Admin implements the route interface UsersApi")
        .inFile(server)
        .onLineContaining("class Admin");
  }

  @Test
  void aFakeSaysItServesNothingWithSuppressWarningsAndAbstractClassesAreNotReported() {
    JavaFileObject fake =
        file(
            "FakeUsers",
            "@SuppressWarnings(\"BethRoutesNotServed\")",
            "public class FakeUsers implements UsersApi {",
            "  public CompletableFuture<String> user(long id) { return null; }",
            "}");
    JavaFileObject base =
        file("BaseUsers", "public abstract class BaseUsers implements UsersApi {}");
    assertThat(compile(API, fake, base)).succeededWithoutWarnings();
  }

  @Test
  void anOverrideRepeatingHttpRouteIsOneErrorOnTheOverride() {
    JavaFileObject server =
        file(
            "UsersServer",
            "@HttpRoute",
            "public class UsersServer implements UsersApi {",
            "  @HttpRoute(method = \"GET\", path = \"/people/{id}\")",
            "  public CompletableFuture<String> user(long id) { return null; }",
            "}");
    Compilation compilation = compileWithDagger(API, server, Sources.APP);
    assertThat(compilation)
        .hadErrorContaining(
            BethMessages.ROUTE_OVERRIDE
                + " UsersServer.user() overrides the route UsersApi.user() (GET /users/{id}), which its"
                + " interface declares for both the server and the client; remove @HttpRoute from the"
                + " override (its method, path and parameter bindings come from the interface), or change"
                + " the route in the interface.")
        .inFile(server)
        .onLineContaining("public CompletableFuture<String> user");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void routesInAnAbstractClassAreOneErrorSayingHowToShareRoutes() {
    JavaFileObject base =
        file(
            "BaseRoutes",
            "public abstract class BaseRoutes {",
            "  @HttpRoute(method = \"GET\", path = \"/health\")",
            "  public String health() { return \"ok\"; }",
            "}");
    JavaFileObject server = file("Server", "public class Server extends BaseRoutes {}");
    Compilation compilation = compileWithDagger(base, server, Sources.APP);
    assertThat(compilation)
        .hadErrorContaining(
            BethMessages.ROUTE_ABSTRACT_CLASS
                + " BaseRoutes is abstract, so Beth cannot serve it, and its routes are not served by its"
                + " subclasses either")
        .inFile(base)
        .onLineContaining("public abstract class BaseRoutes");
    assertThat(compilation)
        .hadErrorContaining(
            "declare the routes in an interface, implement"
                + " it in a concrete class, and annotate that class with @HttpRoute.");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void aPrefixOnAClassWhoseRoutesAllComeFromItsInterfaceIsAWarning() {
    JavaFileObject server =
        file(
            "UsersServer",
            "@HttpRoute(path = \"/v1\")",
            "public class UsersServer implements UsersApi {",
            "  public CompletableFuture<String> user(long id) { return null; }",
            "}");
    assertThat(compile(API, server))
        .hadWarningContaining(
            BethMessages.ROUTE_PREFIX_UNUSED
                + " The path prefix of UsersServer applies to its own @HttpRoute methods only, and it has"
                + " none: the routes of UsersApi keep the paths their interface declares.")
        .inFile(server)
        .onLineContaining("public class UsersServer");
  }

  @Test
  void aClassAnnotatedHttpRouteWithoutAnyRouteIsAWarning() {
    JavaFileObject source =
        file(
            "Users",
            "@HttpRoute(path = \"/users\")",
            "public class Users {",
            "  public String users() { return \"\"; }",
            "}");
    assertThat(compile(source))
        .hadWarningContaining(
            BethMessages.ROUTE_NONE
                + " Users is annotated @HttpRoute but has no routes, so it serves nothing; annotate its"
                + " methods with @HttpRoute(method = ..., path = ...), or implement a route interface.")
        .inFile(source)
        .onLineContaining("public class Users");
  }

  @Test
  void nonBlockingWhereNoRouteRunsIsAWarning() {
    JavaFileObject helper =
        file(
            "Users",
            "public class Users {",
            "  @HttpRoute(method = \"GET\", path = \"/users\")",
            "  public String users() { return load(); }",
            "  @NonBlocking",
            "  String load() { return \"\"; }",
            "}");
    assertThat(compile(helper))
        .hadWarningContaining(
            BethMessages.NON_BLOCKING_UNUSED
                + " @NonBlocking on Users.load() changes nothing: it applies to @HttpRoute methods only;"
                + " annotate the route method that calls it, or remove it.")
        .inFile(helper)
        .onLineContaining("String load()");
    JavaFileObject echo =
        file(
            "Echo",
            "@NonBlocking",
            "@TcpHandler(port = 0)",
            "public class Echo implements io.beth.tcp.TcpConnectionHandler {" + Sources.TCP + "}");
    assertThat(compile(echo))
        .hadWarningContaining(
            BethMessages.NON_BLOCKING_UNUSED
                + " @NonBlocking on Echo changes nothing: it applies to the routes of a class or interface"
                + " with @HttpRoute methods, and Echo has none; remove it.")
        .inFile(echo)
        .onLineContaining("public class Echo");
  }

  @Test
  void nonBlockingOnARouteOnAServedInterfaceOrOnItsServerIsAccepted() {
    JavaFileObject api =
        file(
            "FastApi",
            "@NonBlocking",
            "public interface FastApi {",
            "  @NonBlocking",
            "  @HttpRoute(method = \"GET\", path = \"/fast\")",
            "  CompletableFuture<String> fast();",
            "}");
    JavaFileObject server =
        file(
            "FastServer",
            "@NonBlocking",
            "@HttpRoute",
            "public class FastServer implements FastApi {",
            "  public CompletableFuture<String> fast() { return null; }",
            "}");
    assertThat(compile(api, server)).succeededWithoutWarnings();
  }
}
