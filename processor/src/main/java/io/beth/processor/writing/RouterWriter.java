package io.beth.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.beth.processor.base.Annotations;
import io.beth.processor.model.EndpointModel;
import io.beth.processor.model.PathTemplate.Segment;
import io.beth.processor.model.RouteModel;
import io.beth.processor.model.ServerModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.lang.model.element.Modifier;

/**
 * Writes the application's router: an {@code HttpHandler} that splits the path into segments and
 * walks a tree of string switches, literal segments before placeholders, to the route methods of
 * the generated {@code _BethRoutes} classes. No regular expression runs per request. An unknown
 * path is a 404; a known path with another method a 405 with {@code Allow}; {@code HEAD} runs the
 * {@code GET} route (the server sends no body), and {@code OPTIONS} lists the methods. A {@code
 * GET} of a WebSocket endpoint's path is upgraded and handed to the endpoint. The router itself
 * runs on the event loop; a route not declared {@code @NonBlocking} is called on the server's
 * executor.
 */
final class RouterWriter {

  /** A node of the route tree at one depth: literal children, a placeholder child, routes. */
  private static final class Node {
    final Map<String, Node> literals = new TreeMap<>();
    Node placeholder;
    final Map<String, Target> routes = new TreeMap<>();

    /** The field of the WebSocket endpoint upgraded at this node's path, if any. */
    String webSocket;

    int id;
  }

  /** A route and the field and routes class that serve it. */
  private record Target(String field, ClassName routes, String method, boolean nonBlocking) {}

  private final List<MethodSpec> methods = new ArrayList<>();
  private int nextId;

  JavaFile write(ClassName name, List<ServerModel> servers, List<EndpointModel> webSockets) {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(name)
            .addJavadoc(
                "Routes requests to every {@code @HttpRoute} and {@code @WebSocketEndpoint}"
                    + " of the application.\n")
            .addAnnotation(Names.generated())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(Names.HTTP_HANDLER);
    MethodSpec.Builder constructor =
        MethodSpec.constructorBuilder()
            .addJavadoc(
                "A router calling the given handlers, decoding and encoding with "
                    + "{@code codecs}.\n")
            .addModifiers(Modifier.PUBLIC);
    Map<Integer, Node> roots = new TreeMap<>();
    for (int i = 0; i < servers.size(); i++) {
      ServerModel server = servers.get(i);
      type.addOriginatingElement(server.type());
      String field = "handler" + i;
      type.addField(ClassName.get(server.type()), field, Modifier.PRIVATE, Modifier.FINAL);
      constructor
          .addParameter(ClassName.get(server.type()), field)
          .addStatement("this.$L = $L", field, field);
      for (Map.Entry<RouteModel, String> e : RoutesWriter.methodNames(server).entrySet()) {
        List<Segment> segments = e.getKey().template().segments();
        Node node = roots.computeIfAbsent(segments.size(), n -> new Node());
        for (Segment s : segments) {
          node =
              s.placeholder()
                  ? (node.placeholder == null ? node.placeholder = new Node() : node.placeholder)
                  : node.literals.computeIfAbsent(s.text(), t -> new Node());
        }
        node.routes.put(
            e.getKey().httpMethod(),
            new Target(
                field,
                RoutesWriter.routesName(server),
                e.getValue(),
                e.getKey().nonBlocking()
                    || Annotations.find(server.type(), RouteModel.NON_BLOCKING).isPresent()));
      }
    }
    for (int i = 0; i < webSockets.size(); i++) {
      EndpointModel endpoint = webSockets.get(i);
      type.addOriginatingElement(endpoint.type());
      String field = "webSocket" + i;
      type.addField(ClassName.get(endpoint.type()), field, Modifier.PRIVATE, Modifier.FINAL);
      constructor
          .addParameter(ClassName.get(endpoint.type()), field)
          .addStatement("this.$L = $L", field, field);
      Node node = roots.computeIfAbsent(endpoint.pathSegments().size(), n -> new Node());
      for (String segment : endpoint.pathSegments()) {
        node = node.literals.computeIfAbsent(segment, t -> new Node());
      }
      node.webSocket = field;
    }
    type.addField(
        FieldSpec.builder(Names.CODECS, "codecs", Modifier.PRIVATE, Modifier.FINAL).build());
    constructor.addParameter(Names.CODECS, "codecs").addStatement("this.codecs = codecs");
    type.addMethod(constructor.build());

    MethodSpec.Builder handle =
        MethodSpec.methodBuilder("handle")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(Names.RESPONSE_STAGE)
            .addParameter(Names.HTTP_REQUEST, "request")
            .addStatement("String[] path")
            .beginControlFlow("try")
            .addStatement("path = $T.segments(request.rawPath())", Names.PATHS)
            .nextControlFlow("catch ($T e)", Names.BAD_PARAMETER)
            .addStatement("return $T.response(e.response())", Names.RESULTS)
            .endControlFlow()
            .addStatement("$T answer", Names.RESPONSE_STAGE)
            .beginControlFlow("switch (path.length)");
    for (Map.Entry<Integer, Node> root : roots.entrySet()) {
      int id = node(root.getValue(), 0, root.getKey());
      handle.addStatement("case $L: answer = match$L(request, path); break", root.getKey(), id);
    }
    handle
        .addStatement("default: answer = null")
        .endControlFlow()
        .addStatement("return answer != null ? answer : $T.notFound()", Names.RESULTS);
    type.addMethod(handle.build());
    type.addMethod(
        MethodSpec.methodBuilder("isBlocking")
            .addJavadoc(
                "Never: {@code @NonBlocking} routes run inline, the others on the server's"
                    + " executor.\n")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(boolean.class)
            .addStatement("return false")
            .build());
    methods.forEach(type::addMethod);
    return JavaFile.builder(name.packageName(), type.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  /** Writes the match method of {@code node} at {@code depth}; returns its id. */
  private int node(Node node, int depth, int length) {
    node.id = nextId++;
    MethodSpec.Builder match =
        MethodSpec.methodBuilder("match" + node.id)
            .addModifiers(Modifier.PRIVATE)
            .returns(Names.RESPONSE_STAGE)
            .addParameter(Names.HTTP_REQUEST, "request")
            .addParameter(String[].class, "path");
    int index = methods.size();
    methods.add(null);
    if (depth == length) {
      match.addCode(dispatch(node));
    } else {
      match.addStatement("$T answer = null", Names.RESPONSE_STAGE);
      if (!node.literals.isEmpty()) {
        match.beginControlFlow("switch (path[$L])", depth);
        for (Map.Entry<String, Node> literal : node.literals.entrySet()) {
          int child = node(literal.getValue(), depth + 1, length);
          match.addStatement(
              "case $S: answer = match$L(request, path); break", literal.getKey(), child);
        }
        match.addStatement("default: break").endControlFlow();
      }
      if (node.placeholder != null) {
        int child = node(node.placeholder, depth + 1, length);
        match
            .beginControlFlow("if (answer == null && !path[$L].isEmpty())", depth)
            .addStatement("answer = match$L(request, path)", child)
            .endControlFlow();
      }
      match.addStatement("return answer");
    }
    methods.set(index, match.build());
    return node.id;
  }

  private static CodeBlock dispatch(Node node) {
    if (node.webSocket != null) {
      return CodeBlock.builder()
          .beginControlFlow("switch (request.method())")
          .add("case $S:\n", "GET")
          .addStatement("$>return $T.webSocket($L, request)$<", Names.ENDPOINTS, node.webSocket)
          .add("case $S:\n", "OPTIONS")
          .addStatement("$>return $T.options($S)$<", Names.RESULTS, "GET, OPTIONS")
          .add("default:\n")
          .addStatement("$>return $T.methodNotAllowed($S)$<", Names.RESULTS, "GET, OPTIONS")
          .endControlFlow()
          .build();
    }
    TreeSet<String> allowed = new TreeSet<>(node.routes.keySet());
    if (allowed.contains("GET")) {
      allowed.add("HEAD");
    }
    allowed.add("OPTIONS");
    String allow = String.join(", ", allowed);
    CodeBlock.Builder code = CodeBlock.builder().beginControlFlow("switch (request.method())");
    for (Map.Entry<String, Target> route : node.routes.entrySet()) {
      code.add("case $S:\n", route.getKey());
      if (route.getKey().equals("GET") && !node.routes.containsKey("HEAD")) {
        code.add("case $S:\n", "HEAD");
      }
      Target t = route.getValue();
      if (t.nonBlocking()) {
        code.addStatement(
            "$>return $T.$L($L, request, path, codecs)$<", t.routes(), t.method(), t.field());
      } else {
        code.addStatement(
            "$>return $T.offLoop(request, () -> $T.$L($L, request, path, codecs))$<",
            Names.RESULTS,
            t.routes(),
            t.method(),
            t.field());
      }
    }
    if (!node.routes.containsKey("OPTIONS")) {
      code.add("case $S:\n", "OPTIONS")
          .addStatement("$>return $T.options($S)$<", Names.RESULTS, allow);
    }
    return code.add("default:\n")
        .addStatement("$>return $T.methodNotAllowed($S)$<", Names.RESULTS, allow)
        .endControlFlow()
        .build();
  }
}
