package io.beth.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.beth.processor.Sources.compile;
import static io.beth.processor.Sources.file;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.Compilation;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules on route parameters beyond their binding: constant defaults converted at compile time,
 * names a request can carry, one binding per value, body types, and the types to declare instead of
 * those Beth does not convert.
 */
class ParameterValidationTest {

  /** A route class {@code Search} with the one parameter {@code parameter} on route /search. */
  private static JavaFileObject route(String parameter) {
    return file(
        "Search",
        "public class Search {",
        "  public enum Sort { NAME, DATE }",
        "  @HttpRoute(method = \"POST\", path = \"/search\")",
        "  public String search(" + parameter + ") { return \"\"; }",
        "}");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "@QueryParam(value = \"n\", defaultValue = \"ten\") int n|int: it is not a whole number in"
            + " the range of int, such as \"10\"",
        "@HeaderParam(value = \"X-N\", defaultValue = \"300\") byte n|byte: it is not a whole number"
            + " in the range of byte",
        "@QueryParam(value = \"on\", defaultValue = \"yes\") boolean on|boolean: a boolean is"
            + " \"true\" or \"false\"",
        "@QueryParam(value = \"s\", defaultValue = \"SIZE\") Sort s|test.Search.Sort: Sort has no"
            + " constant SIZE; use one of NAME, DATE (names are case-sensitive)",
        "@CookieParam(value = \"id\", defaultValue = \"none\") UUID id|java.util.UUID: UUID refuses"
            + " it (Invalid UUID string: none)",
        "@QueryParam(value = \"d\", defaultValue = \"2024-13-01\") java.time.LocalDate d"
            + "|java.time.LocalDate: LocalDate refuses it",
        "@QueryParam(value = \"n\", defaultValue = \"x\") List<Long> n|java.lang.Long: it is not a"
            + " whole number in the range of long",
        "@QueryParam(value = \"c\", defaultValue = \"\") char c|char: a char is exactly one"
            + " character",
      })
  void aConstantDefaultThatDoesNotConvertIsAnErrorOnTheDefault(String parameter, String problem) {
    JavaFileObject source = route(parameter);
    assertThat(compile(source))
        .hadErrorContaining(BethMessages.PARAMETER_DEFAULT + " The defaultValue ")
        .inFile(source)
        .onLineContaining("defaultValue");
    assertThat(compile(source)).hadErrorContaining("does not convert to " + problem);
    assertThat(compile(source))
        .hadErrorContaining(
            "; every request without the value would be"
                + " answered 400, so give a default that converts.");
  }

  @Test
  void defaultsThatConvertCompileAndAnApplicationTypesDefaultIsLeftToTheRouter() {
    JavaFileObject source =
        file(
            "Search",
            "public class Search {",
            "  public enum Sort { NAME, DATE }",
            "  public record Code(String text) {",
            "    public static Code parse(CharSequence text) { throw new IllegalStateException(); }",
            "  }",
            "  @HttpRoute(method = \"GET\", path = \"/search\")",
            "  public String search(@QueryParam(value = \"n\", defaultValue = \"-10\") int n,",
            "      @QueryParam(value = \"on\", defaultValue = \"TRUE\") Boolean on,",
            "      @QueryParam(value = \"s\", defaultValue = \"DATE\") Sort s,",
            "      @QueryParam(value = \"d\", defaultValue = \"2024-02-29\") java.time.LocalDate d,",
            "      @QueryParam(value = \"t\", defaultValue = \"PT5S\") java.time.Duration t,",
            "      @QueryParam(value = \"x\", defaultValue = \"1.5e3\") java.math.BigDecimal x,",
            "      @HeaderParam(value = \"X-Code\", defaultValue = \"?\") Code code,",
            "      @QueryParam(value = \"q\", defaultValue = \"\") String q) { return \"\"; }",
            "}");
    assertThat(compile(source)).succeededWithoutWarnings();
  }

  @Test
  void aJdkClassWhoseConstructorActsIsNotRunAtCompileTime() throws Exception {
    Path file = Files.createTempDirectory("beth").resolve("never-created");
    JavaFileObject source =
        route(
            "@QueryParam(value = \"log\", defaultValue = \""
                + file.toString().replace("\\", "\\\\")
                + "\") java.io.FileOutputStream log");
    assertThat(compile(source)).succeededWithoutWarnings();
    assertFalse(Files.exists(file), "the default was not run: " + file);
  }

  @Test
  void anOptionalWithADefaultIsAWarningSinceItIsNeverEmpty() {
    JavaFileObject source =
        route("@QueryParam(value = \"page\", defaultValue = \"1\")" + " Optional<Integer> page");
    assertThat(compile(source))
        .hadWarningContaining(
            BethMessages.PARAMETER_DEFAULT_OPTIONAL
                + " Parameter page is an Optional with a defaultValue, so it is never empty; declare"
                + " java.lang.Integer instead, or remove the defaultValue.")
        .inFile(source)
        .onLineContaining("Optional<Integer> page");
  }

  @Test
  void twoParametersBindingOneQueryParameterOrOneHeaderInAnyCaseAreAnError() {
    JavaFileObject query =
        route("@QueryParam(\"page\") int page," + " @QueryParam(\"page\") Optional<Integer> again");
    assertThat(compile(query))
        .hadErrorContaining(
            BethMessages.PARAMETER_DUPLICATE
                + " Parameters page and again of Search.search() both bind the query parameter 'page';"
                + " bind it once (a List parameter receives every value of a repeated one).")
        .inFile(query)
        .onLineContaining("Optional<Integer> again");
    JavaFileObject header =
        route("@HeaderParam(\"X-Id\") String a," + " @HeaderParam(\"x-id\") String b");
    assertThat(compile(header))
        .hadErrorContaining(
            BethMessages.PARAMETER_DUPLICATE
                + " Parameters a and b of Search.search() both bind the header 'x-id'");
  }

  @Test
  void aHeaderOrCookieNameNoRequestCanCarryIsAnErrorOnTheName() {
    JavaFileObject header = route("@HeaderParam(\"X Trace Id\") String trace");
    assertThat(compile(header))
        .hadErrorContaining(
            BethMessages.PARAMETER_NAME
                + " \"X Trace Id\" is not a valid header name, so no request can carry it; a header name"
                + " is letters, digits and !#$%&'*+.^_`|~- without spaces, such as \"X-Trace-Id\".")
        .inFile(header)
        .onLineContaining("X Trace Id");
    JavaFileObject cookie = route("@CookieParam(\"session;id\") String session");
    assertThat(compile(cookie))
        .hadErrorContaining(
            BethMessages.PARAMETER_NAME + " \"session;id\" is not a valid cookie name");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "@Body HttpRequest request|which is the whole request, not its body; remove @Body (an"
            + " unannotated HttpRequest parameter receives the request)",
        "@Body Source<String> lines|which Beth does not stream a body as; declare Source<byte[]>",
        "@Body java.util.concurrent.Flow.Publisher<byte[]> chunks|which Beth does not stream a body"
            + " as",
        "@Body java.io.InputStream in|which Beth does not stream a body as",
        "@Body java.nio.ByteBuffer buffer|which Beth does not bind a body to; declare byte[] for the"
            + " whole body",
        "@Body Optional<String> text|but a body is not optional; declare the value type itself",
      })
  void aBodyOfATypeNoBodyBindsToIsAnErrorNamingTheTypeToDeclare(String parameter, String problem) {
    JavaFileObject source = route(parameter);
    assertThat(compile(source))
        .hadErrorContaining(BethMessages.PARAMETER_BODY + " @Body" + " parameter ")
        .inFile(source)
        .onLineContaining("@Body");
    assertThat(compile(source)).hadErrorContaining(problem);
  }

  @Test
  void textBytesStreamsAndValuesAreBodies() {
    for (String body :
        new String[] {
          "@Body String text",
          "@Body CharSequence text",
          "@Body byte[] data",
          "@Body Source<byte[]> stream",
          "@Body Map<String, List<Long>> map",
          "@Body int count"
        }) {
      assertThat(compile(route(body))).succeededWithoutWarnings();
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "@QueryParam(\"tag\") String[] tags|arrays are not converted; declare List<T> to receive"
            + " every value",
        "@QueryParam(\"tag\") Set<String> tags|only List is converted; declare List<T>",
        "@QueryParam(\"tag\") Optional<List<String>> tags|declare List<T>, which is empty when the"
            + " value is absent",
        "@QueryParam(\"all\") Map<String, String> all|a Map is not converted; to read every value,"
            + " declare a parameter of type io.beth.http.HttpRequest",
        "@QueryParam(\"n\") OptionalInt n|declare Optional<Integer> instead",
        "@CookieParam(\"ids\") String[] ids|arrays are not converted; only query parameters and"
            + " headers have several values",
      })
  void aTypeBethDoesNotConvertIsAnErrorNamingTheTypeToDeclare(String parameter, String fix) {
    JavaFileObject source = route(parameter);
    assertThat(compile(source))
        .hadErrorContaining(BethMessages.PARAMETER_CONVERSION)
        .inFile(source)
        .onLineContaining("public String search");
    assertThat(compile(source)).hadErrorContaining("which Beth cannot convert from text: " + fix);
  }

  @Test
  void aJavaUtilDateParameterIsAWarningNamingJavaTime() {
    JavaFileObject source = route("@QueryParam(\"since\") Date since");
    Compilation compilation = compile(source);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining(
            BethMessages.PARAMETER_LEGACY_DATE
                + " Parameter since has type java.util.Date, whose deprecated String constructor parses"
                + " only the old \"Sat, 12 Aug 1995 13:30:00 GMT\" form; declare java.time.Instant")
        .inFile(source)
        .onLineContaining("Date since");
  }

  @Test
  void anUnannotatedByteStreamIsAnErrorSuggestingBody() {
    JavaFileObject source = route("Source<byte[]> upload");
    assertThat(compile(source))
        .hadErrorContaining(
            BethMessages.PARAMETER_UNBOUND
                + " Parameter upload is not bound to anything; annotate it @Body to receive the request"
                + " body as a stream.")
        .inFile(source)
        .onLineContaining("Source<byte[]> upload");
  }
}
