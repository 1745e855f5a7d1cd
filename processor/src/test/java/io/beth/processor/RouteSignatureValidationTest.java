package io.beth.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.beth.processor.Sources.compile;
import static io.beth.processor.Sources.file;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules on route methods' modifiers, parameters and return types. */
class RouteSignatureValidationTest {

  @Test
  void aParameterTypeWithNoConversionFromTextIsAnErrorOnTheParameter() {
    JavaFileObject source =
        file(
            "Search",
            "public class Search {",
            "  public static final class Filter { Filter(int x) {} }",
            "  @HttpRoute(method = \"GET\", path = \"/search\")",
            "  public String search(@QueryParam(\"filter\") Filter filter) { return \"\"; }",
            "}");
    assertThat(compile(source))
        .hadErrorContaining(
            BethMessages.PARAMETER_CONVERSION
                + " Parameter filter (query) has type test.Search.Filter, which Beth cannot convert"
                + " from text: use a primitive or its box, String, an enum")
        .inFile(source)
        .onLineContaining("Filter filter");
  }

  @Test
  void anOptionalPathParameterIsAnError() {
    JavaFileObject source =
        file(
            "Users",
            "public class Users {",
            "  @HttpRoute(method = \"GET\", path = \"/users/{id}\")",
            "  public String user(@PathParam(\"id\") Optional<String> id) { return \"\"; }",
            "}");
    assertThat(compile(source))
        .hadErrorContaining(
            BethMessages.PARAMETER_CONVERSION
                + " Parameter id (path) has type java.util.Optional<java.lang.String>, which Beth cannot"
                + " convert from text: a path value is always present")
        .inFile(source)
        .onLineContaining("Optional<String> id");
  }

  @Test
  void aListCookieIsAnError() {
    JavaFileObject source =
        file(
            "Prefs",
            "public class Prefs {",
            "  @HttpRoute(method = \"GET\", path = \"/prefs\")",
            "  public String prefs(@CookieParam(\"theme\") List<String> themes) { return \"\"; }",
            "}");
    assertThat(compile(source))
        .hadErrorContaining(BethMessages.PARAMETER_CONVERSION + " Parameter themes (cookie)")
        .inFile(source)
        .onLineContaining("List<String> themes");
  }

  @Test
  void anUnannotatedParameterThatIsNotTheRequestIsAnError() {
    JavaFileObject source =
        file(
            "Users",
            "public class Users {",
            "  @HttpRoute(method = \"GET\", path = \"/users\")",
            "  public String users(String filter) { return filter; }",
            "}");
    assertThat(compile(source))
        .hadErrorContaining(
            BethMessages.PARAMETER_UNBOUND
                + " Parameter filter is not bound to anything; annotate it with @PathParam")
        .inFile(source)
        .onLineContaining("String filter");
  }

  @Test
  void aParameterWithTwoBindingAnnotationsIsAnError() {
    JavaFileObject source =
        file(
            "Users",
            "public class Users {",
            "  @HttpRoute(method = \"GET\", path = \"/users\")",
            "  public String users(@QueryParam(\"q\") @HeaderParam(\"q\") String q) { return q; }",
            "}");
    assertThat(compile(source))
        .hadErrorContaining(
            BethMessages.PARAMETER_ANNOTATIONS
                + " Parameter q has 2 binding annotations; keep exactly one")
        .inFile(source)
        .onLineContaining("String q)");
  }

  @Test
  void twoBodiesAreAnErrorOnTheSecond() {
    JavaFileObject source =
        file(
            "Users",
            "public class Users {",
            "  @HttpRoute(method = \"POST\", path = \"/users\")",
            "  public String create(@Body String first,",
            "      @Body String second) { return first; }",
            "}");
    assertThat(compile(source))
        .hadErrorContaining(
            BethMessages.ROUTE_TWO_BODIES
                + " Route Users.create() has 2 @Body parameters; a request has one body")
        .inFile(source)
        .onLineContaining("String second");
  }

  @ParameterizedTest(name = "returning {0} is an error")
  @ValueSource(
      strings = {
        "Future<String>",
        "CompletableFuture<?>",
        "CompletableFuture",
        "CompletableFuture<Source<String>>",
        "CompletionStage<CompletableFuture<String>>",
        "List<?>",
      })
  void anUnsupportedReturnTypeIsAnErrorOnTheMethod(String returnType) {
    JavaFileObject source =
        file(
            "Users",
            "public class Users {",
            "  @HttpRoute(method = \"GET\", path = \"/users\")",
            "  @SuppressWarnings(\"rawtypes\")",
            "  public " + returnType + " users() { return null; }",
            "}");
    assertThat(compile(source))
        .hadErrorContaining(BethMessages.ROUTE_RETURN + " Route" + " Users.users() returns")
        .inFile(source)
        .onLineContaining(" users()");
  }

  @Test
  void aTypeVariableReturnTypeIsAnError() {
    JavaFileObject source =
        file(
            "Users",
            "public class Users {",
            "  @HttpRoute(method = \"GET\", path = \"/users\")",
            "  public <T> T users() { return null; }",
            "}");
    assertThat(compile(source))
        .hadErrorContaining(
            BethMessages.ROUTE_RETURN
                + " Route Users.users() returns T, which the router cannot answer with")
        .inFile(source)
        .onLineContaining("<T> T users()");
  }

  @Test
  void aPrivateRouteMethodIsAnError() {
    JavaFileObject source =
        file(
            "Users",
            "public class Users {",
            "  @HttpRoute(method = \"GET\", path = \"/users\")",
            "  private String users() { return \"\"; }",
            "}");
    assertThat(compile(source))
        .hadErrorContaining(
            BethMessages.ROUTE_MODIFIERS
                + " Route method Users.users() is private; the generated router calls it")
        .inFile(source)
        .onLineContaining("private String users()");
  }

  @Test
  void aStaticRouteMethodIsAnError() {
    JavaFileObject source =
        file(
            "Users",
            "public class Users {",
            "  @HttpRoute(method = \"GET\", path = \"/users\")",
            "  static String users() { return \"\"; }",
            "}");
    assertThat(compile(source))
        .hadErrorContaining(BethMessages.ROUTE_MODIFIERS + " Route method Users.users() is static")
        .inFile(source)
        .onLineContaining("static String users()");
  }

  @Test
  void aBodyOnGetIsAWarningOnTheBodyParameter() {
    JavaFileObject source =
        file(
            "Users",
            "public class Users {",
            "  @HttpRoute(method = \"GET\", path = \"/users\")",
            "  public String users(@Body String filter) { return filter; }",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining(
            BethMessages.ROUTE_BODY_ON_GET + " Route Users.users() reads a body on GET")
        .inFile(source)
        .onLineContaining("@Body String filter");
  }
}
