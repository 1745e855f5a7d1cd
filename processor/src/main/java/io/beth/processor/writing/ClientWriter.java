package io.beth.processor.writing;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.beth.processor.model.ClientModel;
import io.beth.processor.model.ParameterModel;
import io.beth.processor.model.ParameterModel.Arity;
import io.beth.processor.model.PathTemplate;
import io.beth.processor.model.RouteModel;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Api>_BethClient}: the typed client of a route interface, one method per route that
 * adds the arguments to a {@code RouteCall} in the route's order and decodes its result. A method
 * that is not a valid route (its mistake was reported) is implemented by throwing.
 */
final class ClientWriter {

  /** The class name of {@code client}'s implementation. */
  static ClassName clientName(ClientModel client) {
    return sibling(client, "_BethClient");
  }

  /** The class name of {@code client}'s Dagger module. */
  static ClassName moduleName(ClientModel client) {
    return sibling(client, "_BethClientModule");
  }

  private static ClassName sibling(ClientModel client, String suffix) {
    ClassName api = ClassName.get(client.type());
    return ClassName.get(api.packageName(), String.join("_", api.simpleNames()) + suffix);
  }

  JavaFile write(ClientModel client) {
    ClassName api = ClassName.get(client.type());
    ClassName name = clientName(client);
    TypeSpec.Builder type =
        TypeSpec.classBuilder(name)
            .addJavadoc(
                "The typed client of {@link $T}: each method calls its route over HTTP.\n"
                    + "Create one with {@link #create(HttpClient, URI)}, or inject {@code $L} by including\n"
                    + "{@link $T} in a Dagger component.\n",
                api,
                api.simpleName(),
                moduleName(client))
            .addAnnotation(Names.generated())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(api)
            .addOriginatingElement(client.type())
            .addField(Names.ROUTE_CLIENT, "routes", Modifier.PRIVATE, Modifier.FINAL)
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PRIVATE)
                    .addParameter(Names.ROUTE_CLIENT, "routes")
                    .addStatement("this.routes = routes")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("create")
                    .addJavadoc(
                        "A client of the routes under {@code baseUri}, sending with {@code client},"
                            + " bodies and results\nin JSON.\n")
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .returns(api)
                    .addParameter(Names.HTTP_CLIENT, "client")
                    .addParameter(Names.URI, "baseUri")
                    .addStatement("return create(client, baseUri, $T.defaults())", Names.CODECS)
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("create")
                    .addJavadoc(
                        "A client of the routes under {@code baseUri}, sending with {@code client},"
                            + " bodies and results\nencoded by {@code codecs}.\n")
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .returns(api)
                    .addParameter(Names.HTTP_CLIENT, "client")
                    .addParameter(Names.URI, "baseUri")
                    .addParameter(Names.CODECS, "codecs")
                    .addStatement(
                        "return new $T($T.of(client, baseUri, codecs))", name, Names.ROUTE_CLIENT)
                    .build());
    Map<String, Integer> used = new HashMap<>();
    for (RouteModel route : client.routes()) {
      type.addMethod(method(type, route, used));
    }
    for (ExecutableElement stub : client.stubs()) {
      type.addMethod(
          MethodSpec.overriding(stub)
              .addStatement(
                  "throw new $T($S)",
                  UnsupportedOperationException.class,
                  stub.getEnclosingElement().getSimpleName()
                      + "."
                      + stub.getSimpleName()
                      + "() is not a route Beth could generate a call for (see its compile error)")
              .build());
    }
    return JavaFile.builder(name.packageName(), type.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  private MethodSpec method(TypeSpec.Builder type, RouteModel route, Map<String, Integer> used) {
    MethodSpec.Builder method = MethodSpec.overriding(route.method());
    CodeBlock.Builder call =
        CodeBlock.builder().add("return this.routes.call($S)", route.httpMethod());
    for (PathTemplate.Segment segment : route.template().segments()) {
      if (!segment.placeholder()) {
        call.add("\n.segment($S)", segment.text());
        continue;
      }
      ParameterModel p =
          route.parameters().stream()
              .filter(
                  q ->
                      q.binding() == ParameterModel.Binding.PATH && q.name().equals(segment.text()))
              .findFirst()
              .orElseThrow();
      call.add("\n.path($S, $L)", p.name(), p.element().getSimpleName());
    }
    for (ParameterModel p : route.parameters()) {
      String arg = p.element().getSimpleName().toString();
      switch (p.binding()) {
        case QUERY, HEADER, COOKIE -> {
          String kind = p.binding().name().toLowerCase(Locale.ROOT);
          boolean required =
              p.arity() == Arity.ONE
                  && p.defaultValue().isEmpty()
                  && !p.element().asType().getKind().isPrimitive();
          call.add(
              "\n.$L($S, $L)",
              required
                  ? "required" + Character.toUpperCase(kind.charAt(0)) + kind.substring(1)
                  : kind,
              p.name(),
              arg);
        }
        case BODY -> call.add("\n.body($L)", arg);
        case BODY_TEXT -> call.add("\n.textBody($L)", arg);
        case BODY_BYTES -> call.add("\n.bytesBody($L)", arg);
        case BODY_STREAM -> call.add("\n.bodyStream($L)", arg);
        default -> {}
      }
    }
    switch (route.result().kind()) {
      case EMPTY -> call.add("\n.empty()");
      case RESPONSE -> call.add("\n.response()");
      default ->
          call.add(
              "\n.$L($L)",
              route.result().optional() ? "optional" : "value",
              resultType(type, route, used));
    }
    return method.addStatement("$L", call.build()).build();
  }

  /** {@code User.class}, or a {@code TypeToken} constant for a parameterized type. */
  private CodeBlock resultType(TypeSpec.Builder type, RouteModel route, Map<String, Integer> used) {
    TypeName value = TypeName.get(route.result().valueType());
    if (value instanceof ClassName
        || value instanceof ArrayTypeName array
            && !(array.componentType() instanceof com.palantir.javapoet.ParameterizedTypeName)) {
      return CodeBlock.of("$T.class", value);
    }
    String base = route.method().getSimpleName().toString().toUpperCase(Locale.ROOT) + "_RESULT";
    int n = used.merge(base, 1, Integer::sum);
    String field = n == 1 ? base : base + n;
    type.addField(
        FieldSpec.builder(Names.TYPE, field, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("new $T<$T>() {}.type()", Names.TYPE_TOKEN, value)
            .build());
    return CodeBlock.of("$L", field);
  }
}
