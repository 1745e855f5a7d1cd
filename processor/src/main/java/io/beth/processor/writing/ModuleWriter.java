package io.beth.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.beth.processor.model.Construction;
import io.beth.processor.model.ServerModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the application's Dagger module: it provides every handler that has no {@code @Inject}
 * constructor (those with one Dagger constructs itself), the router, and the {@code
 * BethApplication} that starts them. The user's {@code Codecs} binding is used when present,
 * JSON through Jackson otherwise.
 */
final class ModuleWriter {

  JavaFile write(ClassName name, ClassName router, List<ServerModel> servers) {
    TypeSpec.Builder type = TypeSpec.classBuilder(name)
        .addJavadoc("Binds every Beth handler of the application; include it in your "
            + "{@code @Component} and ask it for {@link $T}.\n", Names.APPLICATION)
        .addAnnotation(Names.generated())
        .addAnnotation(Names.MODULE)
        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(MethodSpec.methodBuilder("optionalCodecs")
            .addAnnotation(Names.BINDS_OPTIONAL_OF)
            .addModifiers(Modifier.ABSTRACT)
            .returns(Names.CODECS)
            .build());
    MethodSpec.Builder provideRouter = MethodSpec.methodBuilder("router")
        .addAnnotation(Names.PROVIDES)
        .addModifiers(Modifier.STATIC)
        .returns(router);
    List<String> args = new ArrayList<>();
    for (int i = 0; i < servers.size(); i++) {
      ServerModel server = servers.get(i);
      ClassName handler = ClassName.get(server.type());
      type.addOriginatingElement(server.type());
      if (server.construction() == Construction.NO_ARG) {
        type.addMethod(MethodSpec.methodBuilder("handler" + i)
            .addAnnotation(Names.PROVIDES)
            .addModifiers(Modifier.STATIC)
            .returns(handler)
            .addStatement("return new $T()", handler)
            .build());
      }
      provideRouter.addParameter(handler, "handler" + i);
      args.add("handler" + i);
    }
    provideRouter.addParameter(ParameterizedTypeName.get(Names.OPTIONAL, Names.CODECS), "codecs");
    args.add("codecs.orElseGet($T::defaults)");
    provideRouter.addStatement("return new $T(" + String.join(", ", args) + ")", router,
        Names.CODECS);
    type.addMethod(provideRouter.build());
    type.addMethod(MethodSpec.methodBuilder("application")
        .addAnnotation(Names.PROVIDES)
        .addModifiers(Modifier.STATIC)
        .returns(Names.APPLICATION)
        .addParameter(router, "router")
        .addStatement("return $L", CodeBlock.of("$T.builder().http(router).build()",
            Names.APPLICATION))
        .build());
    return JavaFile.builder(name.packageName(), type.build())
        .skipJavaLangImports(true).indent("  ").build();
  }
}
