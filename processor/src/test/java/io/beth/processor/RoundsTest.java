package io.beth.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static io.beth.processor.Sources.file;

import com.google.testing.compile.Compilation;
import dagger.internal.codegen.ComponentProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** How the processor behaves across rounds, beside processors that generate code. */
class RoundsTest {

  /** Writes one source file in the round given, then nothing. */
  private static final class Generating extends AbstractProcessor {
    private final int round;
    private final String name;
    private final String text;
    private int seen;

    Generating(int round, String name, String text) {
      this.round = round;
      this.name = name;
      this.text = text;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment env) {
      if (++seen == round) {
        try (Writer w = processingEnv.getFiler().createSourceFile(name).openWriter()) {
          w.write(text);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  private static Compilation compile(AbstractProcessor other, JavaFileObject... files) {
    return javac().withProcessors(new BethProcessor(), other).compile(files);
  }

  @Test
  void aRouteReferringToATypeGeneratedInTheFirstRoundIsReadInTheNextRound() {
    JavaFileObject source =
        file(
            "Users",
            "public class Users {",
            "  @HttpRoute(method = \"GET\", path = \"/users\")",
            "  public String users(@QueryParam(\"id\") test.gen.UserId id) { return \"\"; }",
            "}");
    Compilation compilation =
        compile(
            new Generating(
                1,
                "test.gen.UserId",
                "package test.gen; public final class UserId {"
                    + " public static UserId parse(CharSequence s) { return new UserId(); } }"),
            source);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.Users_BethRoutes");
    for (JavaFileObject file : compilation.generatedFiles()) {
      assertWithMessage("the round request compiles to no class: " + file.toUri())
          .that(
              file.getKind() == JavaFileObject.Kind.CLASS
                  && file.toUri().getPath().contains("io/beth/generated/"))
          .isFalse();
    }
  }

  @Test
  void aTypeNoProcessorGeneratesIsLeftToJavacAndTheApplicationIsStillWired() {
    JavaFileObject source =
        file(
            "Users",
            "public class Users {",
            "  @HttpRoute(method = \"GET\", path = \"/users\")",
            "  public String users(@QueryParam(\"id\") test.gen.Missing id) { return \"\"; }",
            "  @HttpRoute(method = \"GET\", path = \"/health\")",
            "  public String health() { return \"\"; }",
            "}");
    Compilation compilation =
        javac()
            .withProcessors(
                new BethProcessor(),
                new ComponentProcessor(),
                new Generating(
                    1, "test.gen.Other", "package test.gen; public final class Other {}"))
            .compile(source, Sources.APP);
    assertThat(compilation)
        .hadErrorContaining("cannot find symbol")
        .inFile(source)
        .onLineContaining("Missing id");
    assertThat(compilation).hadErrorCount(1); // App finds BethModule
  }

  @Test
  void aHandlerGeneratedAfterTheApplicationWasReadIsReported() {
    JavaFileObject source =
        file(
            "Users",
            "public class Users {",
            "  @HttpRoute(method = \"GET\", path = \"/users\")",
            "  public String users() { return \"\"; }",
            "}");
    Compilation compilation =
        compile(
            new Generating(
                1,
                "test.gen.Late",
                "package test.gen; public class Late {"
                    + " @io.beth.annotations.HttpRoute(method = \"GET\", path = \"/late\")"
                    + " public String late() { return \"\"; } }"),
            source);
    assertThat(compilation)
        .hadErrorContaining(
            BethMessages.LATE_ELEMENT + " Late appeared after Beth read the application");
  }
}
