package io.beth.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.beth.processor.Sources.compile;
import static io.beth.processor.Sources.file;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules on HTTP methods, path templates and their placeholders. */
class RouteTemplateValidationTest {

  @ParameterizedTest(name = "{0} is rejected: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "users/{id}   | must start with '/'",
        "/users//{id} | empty segment",
        "/users/      | ends with '/'",
        "/users/{id   | a placeholder must be a whole segment",
        "/users/x{id} | a placeholder must be a whole segment",
        "/users/{1d}  | whose name is a Java identifier",
        "/a/{id}/{id} | uses the placeholder {id} twice",
        "/users?x=1   | contains '?' or '#'",
      })
  void aMalformedPathTemplateIsAnErrorOnTheRoute(String template, String problem) {
    JavaFileObject source =
        file(
            "Users",
            "public class Users {",
            "  @HttpRoute(method = \"GET\", path = \"" + template + "\")",
            "  public String user() { return \"\"; }",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorContaining(BethMessages.ROUTE_TEMPLATE);
    assertThat(compilation).hadErrorContaining(problem).inFile(source).onLineContaining(template);
  }

  @ParameterizedTest(name = "{0} is another framework's syntax: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/users/:id        | has the segment \":id\"; Beth would match it literally: write the"
            + " placeholder as {id}",
        "/users/<id>       | has the segment \"<id>\"; Beth would match it literally: write the"
            + " placeholder as {id}",
        "/files/**         | has the segment \"**\"; Beth has no wildcards: declare a {name}"
            + " placeholder for one segment, or a route per path",
        "/users/{id:[0-9]+} | has the segment \"{id:[0-9]+}\"; a placeholder takes no pattern, so"
            + " write {id} and check the value in the method",
      })
  void anotherFrameworksPlaceholderIsAnErrorSayingHowBethWritesIt(String template, String problem) {
    JavaFileObject source =
        file(
            "Users",
            "public class Users {",
            "  @HttpRoute(method = \"GET\", path = \"" + template + "\")",
            "  public String user(@PathParam String id) { return id; }",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(
            BethMessages.ROUTE_TEMPLATE
                + " Malformed path template: \""
                + template
                + "\" "
                + problem)
        .inFile(source)
        .onLineContaining(template);
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void severalMethodsInOneRouteAreAnErrorSayingOneRouteServesOneMethod() {
    JavaFileObject source =
        file(
            "Users",
            "public class Users {",
            "  @HttpRoute(method = \"GET, POST\", path = \"/users\")",
            "  public String users() { return \"\"; }",
            "}");
    assertThat(compile(source))
        .hadErrorContaining(
            BethMessages.ROUTE_METHOD
                + " \"GET, POST\" is not an HTTP method; a route serves one method, so declare one route"
                + " method per HTTP method (they may call a shared private method).")
        .inFile(source)
        .onLineContaining("GET, POST");
  }

  @Test
  void aMalformedTypePrefixIsAnErrorOnTheType() {
    JavaFileObject source =
        file(
            "Users",
            "@HttpRoute(path = \"users\")",
            "public class Users {",
            "  @HttpRoute(method = \"GET\", path = \"/all\")",
            "  public String all() { return \"\"; }",
            "}");
    assertThat(compile(source))
        .hadErrorContaining(BethMessages.ROUTE_TEMPLATE + " Malformed")
        .inFile(source)
        .onLineContaining("path = \"users\"");
  }

  @Test
  void aMethodOnATypeLevelRouteIsAnError() {
    JavaFileObject source =
        file(
            "Users",
            "@HttpRoute(method = \"POST\", path = \"/users\")",
            "public class Users {",
            "  @HttpRoute(method = \"GET\", path = \"/all\")",
            "  public String all() { return \"\"; }",
            "}");
    assertThat(compile(source))
        .hadErrorContaining(
            BethMessages.ROUTE_METHOD + " @HttpRoute on a type gives only a path prefix")
        .inFile(source)
        .onLineContaining("method = \"POST\", path = \"/users\"");
  }

  @Test
  void anHttpMethodThatIsNotAnUpperCaseTokenIsAnError() {
    JavaFileObject source =
        file(
            "Users",
            "public class Users {",
            "  @HttpRoute(method = \"get\", path = \"/users\")",
            "  public String all() { return \"\"; }",
            "}");
    assertThat(compile(source))
        .hadErrorContaining(
            BethMessages.ROUTE_METHOD
                + " \"get\" is not an HTTP method; HTTP methods are case-sensitive, so write \"GET\".")
        .inFile(source)
        .onLineContaining("\"get\"");
  }

  @Test
  void aPlaceholderWithoutAPathParameterIsAnErrorOnTheRoute() {
    JavaFileObject source =
        file(
            "Users",
            "public class Users {",
            "  @HttpRoute(method = \"GET\", path = \"/users/{id}/posts/{post}\")",
            "  public String post(@PathParam(\"id\") String id) { return id; }",
            "}");
    assertThat(compile(source))
        .hadErrorContaining(
            BethMessages.ROUTE_PLACEHOLDER
                + " Placeholder {post} in \"/users/{id}/posts/{post}\" has no parameter;"
                + " add a parameter annotated @PathParam(\"post\")")
        .inFile(source)
        .onLineContaining("/users/{id}/posts/{post}");
  }

  @Test
  void aPlaceholderOfTheTypePrefixNeedsAParameterToo() {
    JavaFileObject source =
        file(
            "Posts",
            "@HttpRoute(path = \"/users/{user}\")",
            "public class Posts {",
            "  @HttpRoute(method = \"GET\", path = \"/posts\")",
            "  public String posts() { return \"\"; }",
            "}");
    assertThat(compile(source))
        .hadErrorContaining(BethMessages.ROUTE_PLACEHOLDER + " Placeholder {user}")
        .inFile(source)
        .onLineContaining("path = \"/posts\"");
  }

  @Test
  void aPathParameterWithoutAPlaceholderIsAnErrorOnTheParameter() {
    JavaFileObject source =
        file(
            "Users",
            "public class Users {",
            "  @HttpRoute(method = \"GET\", path = \"/users/{id}\")",
            "  public String user(@PathParam(\"id\") String id,",
            "      @PathParam(\"name\") String name) { return id; }",
            "}");
    assertThat(compile(source))
        .hadErrorContaining(
            BethMessages.ROUTE_PATH_PARAM
                + " @PathParam \"name\" of Users.user() has no {name} placeholder in \"/users/{id}\"")
        .inFile(source)
        .onLineContaining("@PathParam(\"name\")");
  }

  @Test
  void aPathParameterNamedAfterItsJavaNameBindsThePlaceholder() {
    JavaFileObject source =
        file(
            "Users",
            "public class Users {",
            "  @HttpRoute(method = \"GET\", path = \"/users/{id}\")",
            "  public String user(@PathParam String id) { return id; }",
            "}");
    assertThat(compile(source)).succeededWithoutWarnings();
  }
}
