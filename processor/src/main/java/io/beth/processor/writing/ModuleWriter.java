package io.beth.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.beth.processor.base.RuntimeNames;
import io.beth.processor.model.Construction;
import io.beth.processor.model.EndpointModel;
import io.beth.processor.model.ServerModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/**
 * Writes the application's Dagger module: it provides every handler that has no {@code @Inject}
 * constructor (those with one Dagger constructs itself) and every record handler through its
 * {@code @Inject} constructor (Dagger does not construct records), the router (when there are
 * routes or WebSocket endpoints), and the {@code BethApplication} that starts the router's HTTP
 * server, each TCP handler's server and each UDP socket. The user's {@code Codecs} binding is used
 * when present, JSON through Jackson otherwise.
 */
final class ModuleWriter {

  /**
   * Writes module {@code name}; {@code router} is null when the application serves no HTTP; {@code
   * webSockets} are the router's endpoints, {@code listeners} the TCP and UDP handlers; {@code
   * handlers} every handler class read, valid or not, which the module originates from.
   */
  JavaFile write(
      ClassName name,
      ClassName router,
      List<ServerModel> servers,
      List<EndpointModel> webSockets,
      List<EndpointModel> listeners,
      List<TypeElement> handlers) {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(name)
            .addJavadoc(
                "Binds every Beth handler of the application; include it in your "
                    + "{@code @Component} and ask it for {@link $T}.\n",
                Names.APPLICATION)
            .addAnnotation(Names.generated())
            .addAnnotation(Names.MODULE)
            .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
            .addMethod(
                MethodSpec.methodBuilder("optionalCodecs")
                    .addAnnotation(Names.BINDS_OPTIONAL_OF)
                    .addModifiers(Modifier.ABSTRACT)
                    .returns(Names.CODECS)
                    .build());
    handlers.forEach(type::addOriginatingElement);
    MethodSpec.Builder application =
        MethodSpec.methodBuilder("application")
            .addAnnotation(Names.PROVIDES)
            .addModifiers(Modifier.STATIC)
            .returns(Names.APPLICATION);
    CodeBlock.Builder build =
        CodeBlock.builder().add("return $T.builder()", Names.APPLICATION).indent();
    if (router != null) {
      type.addMethod(router(type, router, servers, webSockets));
      application.addParameter(router, "router");
      build.add("\n.http(router)");
    }
    for (int i = 0; i < listeners.size(); i++) {
      EndpointModel listener = listeners.get(i);
      String parameter = "listener" + i;
      provideIfNoArg(type, listener.type(), listener.construction(), parameter);
      application.addParameter(ClassName.get(listener.type()), parameter);
      build.add(
          "\n.$L($S, $L, $L)",
          listener.kind() == EndpointModel.Kind.TCP ? "tcp" : "udp",
          listener.type().getSimpleName().toString(),
          listener.port(),
          parameter);
    }
    type.addMethod(application.addStatement(build.add("\n.build()").unindent().build()).build());
    return JavaFile.builder(name.packageName(), type.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  private static MethodSpec router(
      TypeSpec.Builder type,
      ClassName router,
      List<ServerModel> servers,
      List<EndpointModel> webSockets) {
    MethodSpec.Builder provideRouter =
        MethodSpec.methodBuilder("router")
            .addAnnotation(Names.PROVIDES)
            .addModifiers(Modifier.STATIC)
            .returns(router);
    List<String> args = new ArrayList<>();
    for (int i = 0; i < servers.size(); i++) {
      ServerModel server = servers.get(i);
      provideIfNoArg(type, server.type(), server.construction(), "handler" + i);
      provideRouter.addParameter(ClassName.get(server.type()), "handler" + i);
      args.add("handler" + i);
    }
    for (int i = 0; i < webSockets.size(); i++) {
      EndpointModel endpoint = webSockets.get(i);
      provideIfNoArg(type, endpoint.type(), endpoint.construction(), "webSocket" + i);
      provideRouter.addParameter(ClassName.get(endpoint.type()), "webSocket" + i);
      args.add("webSocket" + i);
    }
    provideRouter.addParameter(ParameterizedTypeName.get(Names.OPTIONAL, Names.CODECS), "codecs");
    args.add("codecs.orElseGet($T::defaults)");
    return provideRouter
        .addStatement("return new $T(" + String.join(", ", args) + ")", router, Names.CODECS)
        .build();
  }

  /** Adds the provider of {@code handler} when Dagger cannot construct it by itself. */
  private static void provideIfNoArg(
      TypeSpec.Builder type, TypeElement handler, Construction construction, String method) {
    type.addOriginatingElement(handler);
    if (construction == Construction.NO_ARG) {
      type.addMethod(
          MethodSpec.methodBuilder(method)
              .addAnnotation(Names.PROVIDES)
              .addModifiers(Modifier.STATIC)
              .returns(ClassName.get(handler))
              .addStatement("return new $T()", ClassName.get(handler))
              .build());
    } else if (construction == Construction.RECORD_INJECT) {
      type.addMethod(recordProvider(handler, method));
    }
  }

  /**
   * The provider of a record through its {@code @Inject} constructor, with the constructor's
   * parameters (and their qualifiers) as dependencies and the record's scope, if any.
   */
  private static MethodSpec recordProvider(TypeElement handler, String method) {
    ExecutableElement constructor =
        ElementFilter.constructorsIn(handler.getEnclosedElements()).stream()
            .filter(
                c ->
                    c.getAnnotationMirrors().stream()
                        .anyMatch(
                            m -> is(m, RuntimeNames.JAKARTA_INJECT, RuntimeNames.JAVAX_INJECT)))
            .findFirst()
            .orElseThrow();
    MethodSpec.Builder provider =
        MethodSpec.methodBuilder(method)
            .addAnnotation(Names.PROVIDES)
            .addModifiers(Modifier.STATIC)
            .returns(ClassName.get(handler));
    for (AnnotationMirror m : handler.getAnnotationMirrors()) {
      if (isMeta(m, RuntimeNames.JAKARTA_SCOPE, RuntimeNames.JAVAX_SCOPE)) {
        provider.addAnnotation(AnnotationSpec.get(m));
      }
    }
    List<String> args = new ArrayList<>();
    for (VariableElement p : constructor.getParameters()) {
      ParameterSpec.Builder parameter =
          ParameterSpec.builder(TypeName.get(p.asType()), p.getSimpleName().toString());
      for (AnnotationMirror m : p.getAnnotationMirrors()) {
        if (isMeta(m, RuntimeNames.JAKARTA_QUALIFIER, RuntimeNames.JAVAX_QUALIFIER)) {
          parameter.addAnnotation(AnnotationSpec.get(m));
        }
      }
      provider.addParameter(parameter.build());
      args.add(p.getSimpleName().toString());
    }
    return provider
        .addStatement("return new $T($L)", ClassName.get(handler), String.join(", ", args))
        .build();
  }

  /** Whether {@code mirror} is the annotation {@code jakarta} or {@code javax} names so. */
  private static boolean is(AnnotationMirror mirror, String jakarta, String javax) {
    String name =
        ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
    return name.equals(jakarta) || name.equals(javax);
  }

  /** Whether the type of {@code mirror} is itself annotated {@code jakarta} or {@code javax}. */
  private static boolean isMeta(AnnotationMirror mirror, String jakarta, String javax) {
    return mirror.getAnnotationType().asElement().getAnnotationMirrors().stream()
        .anyMatch(m -> is(m, jakarta, javax));
  }
}
