package io.beth.processor;

import static com.google.common.truth.Truth.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** The generated files: named after what they serve, marked generated, free of regexes. */
class GeneratedSourceTest {

  private static String source(Compilation compilation, String name) throws IOException {
    JavaFileObject file =
        compilation
            .generatedFile(StandardLocation.SOURCE_OUTPUT, name.replace('.', '/') + ".java")
            .orElseThrow();
    return file.getCharContent(true).toString();
  }

  @Test
  void eachServerGetsRoutesNamedAfterItAndTheApplicationARouterAndAModule() throws Exception {
    Compilation compilation =
        CompiledApplication.compile(
                RouterBehaviourTest.USERS,
                RouterBehaviourTest.GREETER,
                RouterBehaviourTest.HEALTH,
                Sources.APP,
                Sources.MAIN)
            .compilation();
    for (String name :
        new String[] {
          "test.Users_BethRoutes", "test.Health_BethRoutes", "test.BethRouter", "test.BethModule"
        }) {
      String text = source(compilation, name);
      assertThat(text).contains("@Generated(\"io.beth.processor.BethProcessor\")");
      assertThat(text).doesNotContain("java.util.regex");
      assertThat(text).doesNotContain("\t");
    }
    assertThat(source(compilation, "test.BethRouter")).contains("implements HttpHandler");
    assertThat(source(compilation, "test.BethModule")).contains("@Module");
  }

  @Test
  void eachRouteInterfaceGetsAReadableClientAndADaggerModuleNamedAfterIt() throws Exception {
    Compilation compilation =
        CompiledApplication.compile(ClientSources.fixture("ItemsApi")).compilation();
    String client = source(compilation, "io.beth.processor.client.ItemsApi_BethClient");
    String module = source(compilation, "io.beth.processor.client.ItemsApi_BethClientModule");
    for (String text : new String[] {client, module}) {
      assertThat(text).contains("@Generated(\"io.beth.processor.BethProcessor\")");
      assertThat(text).doesNotContain("\t");
      assertThat(text).doesNotContain("java.lang.reflect.Method");
    }
    assertThat(client).contains("public final class ItemsApi_BethClient implements ItemsApi {");
    assertThat(client)
        .contains("  public static ItemsApi create(HttpClient client, URI baseUri) {");
    assertThat(client)
        .contains(
            String.join(
                "\n",
                "  @Override",
                "  public CompletableFuture<Item> item(String id) {",
                "    return this.routes.call(\"GET\")",
                "        .segment(\"items\")",
                "        .path(\"id\", id)",
                "        .value(Item.class);",
                "  }"));
    assertThat(client)
        .contains(
            String.join(
                "\n",
                "        .segment(\"items\")",
                "        .path(\"n\", n)",
                "        .segment(\"echo\")",
                "        .requiredQuery(\"q\", q)",
                "        .query(\"page\", page)",
                "        .query(\"size\", size)",
                "        .query(\"color\", colors)",
                "        .requiredQuery(\"day\", day)",
                "        .requiredHeader(\"X-Trace\", trace)",
                "        .header(\"X-Flag\", flag)",
                "        .requiredCookie(\"session\", session)",
                "        .cookie(\"theme\", theme)",
                "        .value(String.class);"));
    assertThat(client)
        .contains(
            "private static final Type SEARCH_RESULT = new TypeToken<List<Item>>() {}.type();");
    assertThat(client)
        .contains(
            String.join(
                "\n",
                "        .path(\"id\", id)",
                "        .segment(\"found\")",
                "        .optional(Item.class);"));
    assertThat(client).contains("        .textBody(text)\n");
    assertThat(client).contains("        .bytesBody(data)\n");
    assertThat(module).contains("@Module");
    assertThat(module).contains("static ItemsApi itemsApi(Optional<HttpClient> client,");
  }
}
