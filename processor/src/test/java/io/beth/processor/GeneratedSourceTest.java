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
    JavaFileObject file = compilation.generatedFile(StandardLocation.SOURCE_OUTPUT,
        name.replace('.', '/') + ".java").orElseThrow();
    return file.getCharContent(true).toString();
  }

  @Test
  void eachServerGetsRoutesNamedAfterItAndTheApplicationARouterAndAModule() throws Exception {
    Compilation compilation = CompiledApplication.compile(RouterBehaviourTest.USERS,
        RouterBehaviourTest.GREETER, RouterBehaviourTest.HEALTH, RouterBehaviourTest.APP,
        RouterBehaviourTest.MAIN).compilation();
    for (String name : new String[] {"test.Users_BethRoutes", "test.Health_BethRoutes",
        "test.BethRouter", "test.BethModule"}) {
      String text = source(compilation, name);
      assertThat(text).contains("@Generated(\"io.beth.processor.BethProcessor\")");
      assertThat(text).doesNotContain("java.util.regex");
      assertThat(text).doesNotContain("\t");
    }
    assertThat(source(compilation, "test.BethRouter")).contains("implements HttpHandler");
    assertThat(source(compilation, "test.BethModule")).contains("@Module");
  }
}
