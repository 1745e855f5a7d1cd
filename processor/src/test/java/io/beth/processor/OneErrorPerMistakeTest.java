package io.beth.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.beth.processor.Sources.compileWithDagger;
import static io.beth.processor.Sources.file;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A whole application (handlers and the Dagger component including {@code BethModule}) compiled by
 * Beth and Dagger, as a user's build does, with one mistake: the user sees exactly one error, on
 * the mistake; neither javac's "cannot find symbol BethModule" nor Dagger's failure to process the
 * component follows it, because the module is still generated with what is valid (which these tests
 * see through the names the component and other sources use: javac keeps a failed compilation's
 * generated files to itself).
 */
class OneErrorPerMistakeTest {

  /** Asserts the compilation's only error contains {@code message}, on the line given. */
  private static void oneError(
      Compilation compilation, JavaFileObject file, String line, String message) {
    assertThat(compilation).hadErrorContaining(message).inFile(file).onLineContaining(line);
    assertThat(compilation).hadErrorCount(1);
  }

  private static void noBethError(Compilation compilation) {
    for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
      assertWithMessage(error.toString()).that(error.getMessage(null)).doesNotContain("[Beth");
    }
  }

  @Test
  void aMalformedRouteIsOneErrorAndTheModuleIsStillGenerated() {
    JavaFileObject source =
        file(
            "Users",
            "public class Users {",
            "  @HttpRoute(method = \"GET\", path = \"users\")",
            "  public String users() { return \"\"; }",
            "  @HttpRoute(method = \"GET\", path = \"/health\")",
            "  public String health() { return \"\"; }",
            "}");
    oneError(
        compileWithDagger(source, Sources.APP),
        source,
        "path = \"users\"",
        BethMessages.ROUTE_TEMPLATE
            + " Malformed path template: \"users\" must start with '/';"
            + " write \"/users\".");
  }

  @Test
  void aHandlerDaggerCannotConstructIsOneErrorEvenWhenItIsTheOnlyOne() {
    JavaFileObject source =
        file(
            "Users",
            "public class Users {",
            "  public Users(String name) {}",
            "  @HttpRoute(method = \"GET\", path = \"/users\")",
            "  public String users() { return \"\"; }",
            "}");
    oneError(
        compileWithDagger(source, Sources.APP),
        source,
        "public class Users",
        BethMessages.HANDLER_CONSTRUCTOR + " Dagger cannot construct Users");
  }

  @Test
  void aBrokenRouteOfAnInterfaceIsOneErrorAndItsClientIsStillInjectable() {
    JavaFileObject api =
        file(
            "UsersApi",
            "public interface UsersApi {",
            "  @HttpRoute(method = \"GET\", path = \"/users/{id}\")",
            "  CompletableFuture<String> user(@PathParam(\"id\") Object id);",
            "  @HttpRoute(method = \"GET\", path = \"/users\")",
            "  CompletableFuture<List<String>> users();",
            "}");
    JavaFileObject server =
        file(
            "UsersServer",
            "@HttpRoute",
            "public class UsersServer implements UsersApi {",
            "  public CompletableFuture<String> user(Object id) { return null; }",
            "  public CompletableFuture<List<String>> users() { return null; }",
            "}");
    JavaFileObject app =
        file(
            "App",
            "@dagger.Component(modules = {BethModule.class, UsersApi_BethClientModule.class})",
            "interface App { io.beth.bootstrap.BethApplication beth(); UsersApi users(); }");
    JavaFileObject direct =
        file(
            "Direct",
            "class Direct {",
            "  UsersApi api = UsersApi_BethClient.create(io.beth.http.HttpClient.shared(),",
            "      java.net.URI.create(\"http://127.0.0.1:1\"));",
            "}");
    oneError(
        compileWithDagger(api, server, app, direct),
        api,
        "Object id",
        BethMessages.PARAMETER_CONVERSION + " Parameter id (path) has type java.lang.Object");
  }

  @Test
  void aBindingAnnotationWithoutItsImportIsLeftToJavac() {
    JavaFileObject source =
        JavaFileObjects.forSourceLines(
            "test.Users",
            "package test;",
            "import io.beth.annotations.HttpRoute;",
            "public class Users {",
            "  @HttpRoute(method = \"GET\", path = \"/users/{id}\")",
            "  public String user(@PathParam(\"id\") long id) { return \"\"; }",
            "}");
    Compilation compilation = compileWithDagger(source, Sources.APP);
    oneError(compilation, source, "@PathParam(\"id\")", "cannot find symbol");
    noBethError(compilation);
  }

  @Test
  void aParameterTypeWithoutItsImportIsLeftToJavacAfterOneMoreRound() {
    JavaFileObject source =
        JavaFileObjects.forSourceLines(
            "test.Users",
            "package test;",
            "import io.beth.annotations.*;",
            "public class Users {",
            "  @HttpRoute(method = \"GET\", path = \"/users\")",
            "  public String users(@QueryParam(\"id\") UUID id) { return \"\"; }",
            "}");
    Compilation compilation = compileWithDagger(source, Sources.APP);
    oneError(compilation, source, "UUID id", "cannot find symbol");
    noBethError(compilation);
  }

  @Test
  void aTypeWithoutItsImportInARouteInterfaceIsLeftToJavacAndTheClientModuleStillExists() {
    JavaFileObject api =
        JavaFileObjects.forSourceLines(
            "test.UsersApi",
            "package test;",
            "import io.beth.annotations.*;",
            "import java.util.concurrent.CompletableFuture;",
            "public interface UsersApi {",
            "  @HttpRoute(method = \"GET\", path = \"/users\")",
            "  CompletableFuture<String> users(@QueryParam(\"id\") UUID id);",
            "}");
    JavaFileObject app =
        file(
            "App",
            "@dagger.Component(modules = UsersApi_BethClientModule.class)",
            "interface App { UsersApi users(); }");
    Compilation compilation = compileWithDagger(api, app);
    oneError(compilation, api, "UUID id", "cannot find symbol");
    noBethError(compilation);
  }

  @Test
  void aGenericRouteInterfaceIsOneErrorForItsClientAndTheServerImplementingIt() {
    JavaFileObject api =
        file(
            "Api",
            "public interface Api<T> {",
            "  @HttpRoute(method = \"GET\", path = \"/a\")",
            "  CompletableFuture<T> a();",
            "}");
    JavaFileObject server =
        file(
            "Server",
            "@HttpRoute",
            "public class Server implements Api<String> {",
            "  public CompletableFuture<String> a() { return null; }",
            "}");
    oneError(
        compileWithDagger(api, server, Sources.APP),
        api,
        "public interface Api<T>",
        BethMessages.CLIENT_INTERFACE + " Route interface Api declares type parameters");
  }

  @Test
  void aPrefixWithoutItsSlashIsOneErrorAndItsPlaceholdersStillBind() {
    JavaFileObject source =
        file(
            "Members",
            "@HttpRoute(path = \"orgs/{org}\")",
            "public class Members {",
            "  @HttpRoute(method = \"GET\", path = \"/members/{id}\")",
            "  public String member(@PathParam String org, @PathParam String id) { return \"\"; }",
            "}");
    oneError(
        compileWithDagger(source, Sources.APP),
        source,
        "orgs/{org}",
        BethMessages.ROUTE_TEMPLATE
            + " Malformed path prefix: \"orgs/{org}\" must start with"
            + " '/'; write \"/orgs/{org}\".");
  }

  @Test
  void anUnannotatedParameterNamedAfterAPlaceholderIsOneErrorSayingPathParam() {
    JavaFileObject source =
        file(
            "Users",
            "public class Users {",
            "  @HttpRoute(method = \"GET\", path = \"/users/{id}\")",
            "  public String user(long id) { return \"\"; }",
            "}");
    oneError(
        compileWithDagger(source, Sources.APP),
        source,
        "long id",
        BethMessages.PARAMETER_UNBOUND
            + " Parameter id is not bound to anything; annotate it"
            + " @PathParam to bind the placeholder {id}");
  }

  @Test
  void aPathParameterNamedLikeItsPlaceholderButForCaseIsOneErrorWithTheName() {
    JavaFileObject source =
        file(
            "Users",
            "public class Users {",
            "  @HttpRoute(method = \"GET\", path = \"/users/{userId}\")",
            "  public String user(@PathParam(\"userid\") long id) { return \"\"; }",
            "}");
    oneError(
        compileWithDagger(source, Sources.APP),
        source,
        "@PathParam(\"userid\")",
        BethMessages.ROUTE_PATH_PARAM
            + " @PathParam \"userid\" of Users.user() has no {userid}"
            + " placeholder in \"/users/{userId}\"; did you mean {userId}? Write"
            + " @PathParam(\"userId\") (placeholder names are case-sensitive).");
  }

  @Test
  void aPlaceholderBoundAsAQueryParameterIsOneErrorSayingWhichParameter() {
    JavaFileObject source =
        file(
            "Users",
            "public class Users {",
            "  @HttpRoute(method = \"GET\", path = \"/users/{id}\")",
            "  public String user(@QueryParam(\"id\") long id) { return \"\"; }",
            "}");
    oneError(
        compileWithDagger(source, Sources.APP),
        source,
        "path = \"/users/{id}\"",
        BethMessages.ROUTE_PLACEHOLDER
            + " Placeholder {id} in \"/users/{id}\" has no parameter;"
            + " parameter id is bound to the query parameter 'id', so annotate it"
            + " @PathParam(\"id\") instead.");
  }

  @Test
  void aParameterThatDoesNotConvertIsOneErrorNotAlsoAnUnboundPlaceholder() {
    JavaFileObject source =
        file(
            "Users",
            "public class Users {",
            "  @HttpRoute(method = \"GET\", path = \"/users/{id}\")",
            "  public String user(@PathParam(\"id\") Optional<Long> id) { return \"\"; }",
            "}");
    oneError(
        compileWithDagger(source, Sources.APP),
        source,
        "Optional<Long> id",
        BethMessages.PARAMETER_CONVERSION + " Parameter id (path)");
  }
}
