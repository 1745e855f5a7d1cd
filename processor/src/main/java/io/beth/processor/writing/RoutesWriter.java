package io.beth.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.beth.processor.model.Conversion;
import io.beth.processor.model.ParameterModel;
import io.beth.processor.model.ResultModel;
import io.beth.processor.model.RouteModel;
import io.beth.processor.model.ServerModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Writes {@code <Server>_BethRoutes}: one static method per route of a server class that binds the
 * request to the method's parameters, calls it, and turns its result into a response.
 */
final class RoutesWriter {

  private final Types types;

  RoutesWriter(Types types) {
    this.types = types;
  }

  /** The class name of {@code server}'s routes. */
  static ClassName routesName(ServerModel server) {
    ClassName type = ClassName.get(server.type());
    return ClassName.get(type.packageName(), String.join("_", type.simpleNames()) + "_BethRoutes");
  }

  /** The method name of each route, unique within the class, in route order. */
  static Map<RouteModel, String> methodNames(ServerModel server) {
    Map<RouteModel, String> names = new LinkedHashMap<>();
    Map<String, Integer> used = new HashMap<>();
    for (RouteModel route : server.routes()) {
      String base = route.method().getSimpleName().toString();
      int n = used.merge(base, 1, Integer::sum);
      names.put(route, n == 1 ? base : base + n);
    }
    return names;
  }

  JavaFile write(ServerModel server) {
    ClassName handler = ClassName.get(server.type());
    TypeSpec.Builder type =
        TypeSpec.classBuilder(routesName(server))
            .addJavadoc(
                "Binds requests to the routes of {@link $T}; called by the generated router.\n",
                handler)
            .addAnnotation(Names.generated())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addOriginatingElement(server.type())
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (Map.Entry<RouteModel, String> e : methodNames(server).entrySet()) {
      route(type, handler, e.getKey(), e.getValue());
    }
    return JavaFile.builder(handler.packageName(), type.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  private void route(TypeSpec.Builder type, ClassName handler, RouteModel route, String name) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(name)
            .addJavadoc(
                "$L $L: {@link $T#$L}.\n",
                route.httpMethod(),
                route.template().text(),
                ClassName.get(route.declaringType()),
                route.method().getSimpleName())
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(Names.RESPONSE_STAGE)
            .addParameter(handler, "handler")
            .addParameter(Names.HTTP_REQUEST, "request")
            .addParameter(String[].class, "path")
            .addParameter(Names.CODECS, "codecs");
    CodeBlock.Builder bind = CodeBlock.builder();
    List<String> args = new ArrayList<>();
    ParameterModel body = null;
    for (ParameterModel p : route.parameters()) {
      String local = "p_" + p.element().getSimpleName();
      args.add(local);
      switch (p.binding()) {
        case REQUEST -> args.set(args.size() - 1, "request");
        case BODY_STREAM -> args.set(args.size() - 1, "request.body()");
        case BODY, BODY_TEXT, BODY_BYTES -> body = p;
        default ->
            bind.addStatement(
                "$T $L = $L", TypeName.get(p.element().asType()), local, textValue(route, p));
      }
    }
    CodeBlock call =
        CodeBlock.of("handler.$L($L)", route.method().getSimpleName(), String.join(", ", args));
    CodeBlock.Builder inner = CodeBlock.builder().add(bind.build());
    if (body == null) {
      inner.add(answer(route.result(), call));
      method.addCode(guarded("return $T.guard(() -> {\n", inner.build(), "});\n"));
    } else if (body.binding() == ParameterModel.Binding.BODY) {
      String field = "BODY_" + name.toUpperCase(java.util.Locale.ROOT);
      TypeName bodyType = TypeName.get(body.element().asType()).box();
      type.addField(
          FieldSpec.builder(Names.TYPE, field, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .initializer("new $T<$T>() {}.type()", Names.TYPE_TOKEN, bodyType)
              .build());
      if (bodyType instanceof ParameterizedTypeName) {
        method.addAnnotation(
            AnnotationSpec.builder(SuppressWarnings.class)
                .addMember("value", "$S", "unchecked")
                .build());
      }
      CodeBlock decode =
          CodeBlock.builder()
              .addStatement(
                  "$T $L = ($T) $T.decode(request, bytes, $L, codecs, $S)",
                  TypeName.get(body.element().asType()),
                  "p_" + body.element().getSimpleName(),
                  bodyType,
                  Names.RESULTS,
                  field,
                  body.element().getSimpleName().toString())
              .add(answer(route.result(), call))
              .build();
      inner.add(
          guarded(
              "return request.bodyBytes().thenCompose(bytes -> $T.guard(() -> {\n",
              decode,
              "}));\n"));
      method.addCode(guarded("return $T.guard(() -> {\n", inner.build(), "});\n"));
    } else {
      boolean text = body.binding() == ParameterModel.Binding.BODY_TEXT;
      CodeBlock read =
          CodeBlock.builder()
              .addStatement(
                  "$T $L = $L",
                  TypeName.get(body.element().asType()),
                  "p_" + body.element().getSimpleName(),
                  text ? "text" : "bytes")
              .add(answer(route.result(), call))
              .build();
      inner.add(
          guarded(
              text
                  ? "return request.bodyString().thenCompose(text -> $T.guard(() -> {\n"
                  : "return request.bodyBytes().thenCompose(bytes -> $T.guard(() -> {\n",
              read,
              "}));\n"));
      method.addCode(guarded("return $T.guard(() -> {\n", inner.build(), "});\n"));
    }
    type.addMethod(method.build());
  }

  /** {@code body} indented inside a lambda opened by {@code open} (naming Results) and closed. */
  private static CodeBlock guarded(String open, CodeBlock body, String close) {
    return CodeBlock.builder()
        .add(open, Names.RESULTS)
        .indent()
        .add(body)
        .unindent()
        .add(close)
        .build();
  }

  /** Statements returning the response for {@code call}'s result. */
  private static CodeBlock answer(ResultModel result, CodeBlock call) {
    return switch (result.kind()) {
      case RESPONSE ->
          result.async()
              ? CodeBlock.builder().addStatement("return $L", call).build()
              : CodeBlock.builder()
                  .addStatement("return $T.response($L)", Names.RESULTS, call)
                  .build();
      case EMPTY ->
          result.async()
              ? CodeBlock.builder()
                  .addStatement("return $T.noContent($L)", Names.RESULTS, call)
                  .build()
              : CodeBlock.builder()
                  .addStatement("$L", call)
                  .addStatement("return $T.noContent()", Names.RESULTS)
                  .build();
      case VALUE ->
          CodeBlock.builder()
              .addStatement(
                  "return $T.$L($L, codecs)",
                  Names.RESULTS,
                  "encode"
                      + (result.optional() ? "Optional" : "")
                      + (result.async() ? "Later" : ""),
                  call)
              .build();
      case STREAM ->
          CodeBlock.builder().addStatement("return $T.stream($L)", Names.RESULTS, call).build();
      case EVENTS ->
          CodeBlock.builder().addStatement("return $T.events($L)", Names.RESULTS, call).build();
    };
  }

  /** The expression binding a path, query, header or cookie parameter. */
  private CodeBlock textValue(RouteModel route, ParameterModel p) {
    String kind =
        switch (p.binding()) {
          case PATH -> "path parameter";
          case QUERY -> "query parameter";
          case HEADER -> "header";
          default -> "cookie";
        };
    CodeBlock converter = converter(p.conversion().orElseThrow());
    TypeName boxed = TypeName.get(p.type()).box();
    if (p.arity() == ParameterModel.Arity.LIST) {
      CodeBlock all =
          p.binding() == ParameterModel.Binding.QUERY
              ? CodeBlock.of("request.queryParams($S)", p.name())
              : CodeBlock.of("request.headers().values($S)", p.name());
      return CodeBlock.of(
          "$T.<$T>list($L, $L, $S, $S, $L)",
          Names.PARAMS,
          boxed,
          all,
          p.defaultValue().map(d -> CodeBlock.of("$S", d)).orElse(CodeBlock.of("null")),
          kind,
          p.name(),
          converter);
    }
    CodeBlock raw =
        switch (p.binding()) {
          case PATH ->
              CodeBlock.of(
                  "path[$L]",
                  route
                      .template()
                      .segments()
                      .indexOf(new io.beth.processor.model.PathTemplate.Segment(true, p.name())));
          case QUERY -> CodeBlock.of("request.queryParam($S)", p.name());
          case HEADER -> CodeBlock.of("request.header($S)", p.name());
          default -> CodeBlock.of("request.cookie($S)", p.name());
        };
    if (p.defaultValue().isPresent()) {
      CodeBlock value =
          CodeBlock.of(
              "$T.<$T>orDefault($L, $S, $S, $S, $L)",
              Names.PARAMS,
              boxed,
              raw,
              p.defaultValue().get(),
              kind,
              p.name(),
              converter);
      return p.arity() == ParameterModel.Arity.OPTIONAL
          ? CodeBlock.of("$T.of($L)", Names.OPTIONAL, value)
          : value;
    }
    return CodeBlock.of(
        "$T.<$T>$L($L, $S, $S, $L)",
        Names.PARAMS,
        boxed,
        p.arity() == ParameterModel.Arity.OPTIONAL ? "optional" : "required",
        raw,
        kind,
        p.name(),
        converter);
  }

  private CodeBlock converter(Conversion conversion) {
    TypeMirror target = conversion.target();
    switch (conversion.kind()) {
      case STRING:
        return CodeBlock.of("$T::text", Names.PARAMS);
      case ENUM:
        return CodeBlock.of("$T::valueOf", TypeName.get(target));
      case FACTORY:
        return CodeBlock.of("$T::$L", TypeName.get(target), conversion.member());
      case CONSTRUCTOR:
        return CodeBlock.of("$T::new", TypeName.get(target));
      default:
        TypeKind kind =
            target.getKind().isPrimitive() ? target.getKind() : types.unboxedType(target).getKind();
        return switch (kind) {
          case BOOLEAN -> CodeBlock.of("$T::parseBoolean", Names.PARAMS);
          case CHAR -> CodeBlock.of("$T::parseChar", Names.PARAMS);
          case BYTE -> CodeBlock.of("$T::parseByte", Byte.class);
          case SHORT -> CodeBlock.of("$T::parseShort", Short.class);
          case INT -> CodeBlock.of("$T::parseInt", Integer.class);
          case LONG -> CodeBlock.of("$T::parseLong", Long.class);
          case FLOAT -> CodeBlock.of("$T::parseFloat", Float.class);
          default -> CodeBlock.of("$T::parseDouble", Double.class);
        };
    }
  }
}
