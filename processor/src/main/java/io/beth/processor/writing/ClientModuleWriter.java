package io.beth.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.beth.processor.model.ClientModel;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Api>_BethClientModule}: a Dagger module providing the typed client of a route
 * interface from the component's {@code HttpClient}, {@code BethClientOptions} and {@code Codecs}
 * when it binds them (the shared client, system properties and JSON otherwise).
 */
final class ClientModuleWriter {

  JavaFile write(ClientModel client) {
    ClassName api = ClassName.get(client.type());
    ClassName name = ClientWriter.moduleName(client);
    String provider =
        Character.toLowerCase(api.simpleName().charAt(0)) + api.simpleName().substring(1);
    TypeSpec type =
        TypeSpec.classBuilder(name)
            .addJavadoc(
                "Provides {@link $T} through its generated client {@link $T}; include it in"
                    + " a\n{@code @Component}. The base URI comes from {@link $T} (bound in the component,"
                    + " or\nthe system properties it reads); the component's {@link $T} and {@link $T}"
                    + " are used\nwhen bound, the shared client and JSON otherwise.\n",
                api,
                ClientWriter.clientName(client),
                Names.CLIENT_OPTIONS,
                Names.HTTP_CLIENT,
                Names.CODECS)
            .addAnnotation(Names.generated())
            .addAnnotation(Names.MODULE)
            .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
            .addOriginatingElement(client.type())
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
            .addMethod(optional("optionalHttpClient", Names.HTTP_CLIENT))
            .addMethod(optional("optionalClientOptions", Names.CLIENT_OPTIONS))
            .addMethod(optional("optionalCodecs", Names.CODECS))
            .addMethod(
                MethodSpec.methodBuilder(provider)
                    .addAnnotation(Names.PROVIDES)
                    .addModifiers(Modifier.STATIC)
                    .returns(api)
                    .addParameter(
                        ParameterizedTypeName.get(Names.OPTIONAL, Names.HTTP_CLIENT), "client")
                    .addParameter(
                        ParameterizedTypeName.get(Names.OPTIONAL, Names.CLIENT_OPTIONS), "options")
                    .addParameter(ParameterizedTypeName.get(Names.OPTIONAL, Names.CODECS), "codecs")
                    .addCode(provide(client, api))
                    .build())
            .build();
    return JavaFile.builder(name.packageName(), type)
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  private static CodeBlock provide(ClientModel client, ClassName api) {
    if (!client.complete()) {
      return CodeBlock.builder()
          .addStatement(
              "throw new $T($S)",
              IllegalStateException.class,
              api.simpleName() + " has compile errors, so Beth generated no client for it")
          .build();
    }
    return CodeBlock.builder()
        .addStatement(
            "return $T.create(client.orElseGet($T::shared),\n"
                + "options.orElseGet($T::defaults).baseUri($T.class),\n"
                + "codecs.orElseGet($T::defaults))",
            ClientWriter.clientName(client),
            Names.HTTP_CLIENT,
            Names.CLIENT_OPTIONS,
            api,
            Names.CODECS)
        .build();
  }

  private static MethodSpec optional(String name, ClassName type) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Names.BINDS_OPTIONAL_OF)
        .addModifiers(Modifier.ABSTRACT)
        .returns(type)
        .build();
  }
}
