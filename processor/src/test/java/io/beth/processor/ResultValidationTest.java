package io.beth.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.beth.processor.Sources.compile;
import static io.beth.processor.Sources.file;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules on what a route returns, beyond the supported kinds: types a codec would encode by
 * accident are refused with what to return instead, and {@code Optional} holds a value.
 */
class ResultValidationTest {

  private static JavaFileObject route(String returnType) {
    return file(
        "Files",
        "public class Files {",
        "  @HttpRoute(method = \"GET\", path = \"/file\")",
        "  public " + returnType + " file() { return null; }",
        "}");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "HttpResponse.Builder|it is the response's builder; call build() on it and return the"
            + " HttpResponse",
        "CompletableFuture<HttpResponse.Builder>|it is the response's builder",
        "java.io.InputStream|the codec would encode it as JSON, not send its bytes; return an"
            + " HttpResponse with it as the body: HttpResponse.builder().body(it).build()",
        "java.nio.file.Path|the codec would encode it as JSON, not send its bytes",
        "java.io.File|the codec would encode it as JSON, not send its bytes",
        "java.util.stream.Stream<String>|the codec cannot encode it; return a List for one JSON"
            + " array, or a Source to send the values as they come",
        "CompletionStage<Iterator<String>>|the codec cannot encode it",
        "OptionalInt|return Optional<Integer> instead (its empty is answered 404)",
        "Optional<HttpResponse>|an Optional holds a value to encode (its empty is answered 404), not"
            + " io.beth.http.HttpResponse; return io.beth.http.HttpResponse itself and answer 404"
            + " from the method when there is nothing",
        "Optional<Source<String>>|an Optional holds a value to encode",
        "CompletableFuture<Optional<CompletableFuture<String>>>|an Optional holds a value to encode",
        "Optional<?>|the Optional's value type must be a class such as Optional<User>",
      })
  void aResultTheRouterWouldEncodeByAccidentIsAnErrorSayingWhatToReturn(String type, String fix) {
    JavaFileObject source = route(type);
    assertThat(compile(source))
        .hadErrorContaining(BethMessages.ROUTE_RETURN + " Route" + " Files.file() returns ")
        .inFile(source)
        .onLineContaining("file()");
    assertThat(compile(source)).hadErrorContaining(", which the router cannot answer with: " + fix);
  }

  @Test
  void optionalValuesAlsoInFuturesAreResults() {
    JavaFileObject source =
        file(
            "Users",
            "public class Users {",
            "  @HttpRoute(method = \"GET\", path = \"/a\")",
            "  public Optional<String> a() { return Optional.empty(); }",
            "  @HttpRoute(method = \"GET\", path = \"/b\")",
            "  public CompletionStage<Optional<List<Long>>> b() { return null; }",
            "  @HttpRoute(method = \"GET\", path = \"/c\")",
            "  public Optional<byte[]> c() { return Optional.empty(); }",
            "}");
    assertThat(compile(source)).succeededWithoutWarnings();
  }
}
