package io.beth.processor.reading;

import io.beth.processor.BethMessages;
import io.beth.processor.base.Annotations;
import io.beth.processor.base.Reporter;
import io.beth.processor.model.ParameterModel;
import io.beth.processor.model.ParameterModel.Binding;
import io.beth.processor.model.PathTemplate;
import io.beth.processor.model.ResultModel;
import io.beth.processor.model.RouteModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Reads one {@code @HttpRoute} method into a route model: its method token, template (after the
 * declaring type's prefix), parameters and result, reporting every mistake it finds.
 */
public final class RouteReader {

  static final String HTTP_ROUTE = "io.beth.annotations.HttpRoute";
  private static final Pattern TOKEN = Pattern.compile("[A-Z][A-Z0-9_-]*");

  private final Reporter reporter;
  private final TypeChecks checks;
  private final ParameterReader parameters;
  private final ResultResolver results;

  public RouteReader(Reporter reporter, TypeChecks checks) {
    this.reporter = reporter;
    this.checks = checks;
    this.parameters = new ParameterReader(reporter, checks);
    this.results = new ResultResolver(checks);
  }

  /**
   * The prefix of {@code type}: empty without a type-level {@code @HttpRoute}, and empty after
   * reporting a malformed one (so its routes are still checked).
   */
  public Optional<String> prefix(TypeElement type) {
    Optional<AnnotationMirror> mirror = Annotations.find(type, HTTP_ROUTE);
    if (mirror.isEmpty()) {
      return Optional.of("");
    }
    Optional<AnnotationValue> method = Annotations.explicit(mirror.get(), "method");
    if (method.isPresent()) {
      reporter.error(type, mirror.get(), method.get(), BethMessages.ROUTE_METHOD,
          "@HttpRoute on a type gives only a path prefix; remove method = "
              + method.get() + " and set the method on each route method.");
    }
    String prefix = Annotations.string(mirror.get(), "path");
    if (prefix.isEmpty()) {
      return Optional.of("");
    }
    TemplateParser.Parsed parsed = TemplateParser.parse(prefix);
    if (!parsed.ok()) {
      reporter.error(type, mirror.get(), Annotations.value(mirror.get(), "path"),
          BethMessages.ROUTE_TEMPLATE, parsed.problem());
      return Optional.empty();
    }
    return Optional.of(prefix.equals("/") ? "" : prefix);
  }

  /**
   * Reads {@code method}, declared by {@code owner} with prefix {@code prefix}; {@code client} for
   * a route interface's method. Empty after reporting.
   */
  public Optional<RouteModel> read(ExecutableElement method, TypeElement owner, String prefix,
      boolean client) {
    AnnotationMirror mirror = Annotations.find(method, HTTP_ROUTE).orElseThrow();
    boolean ok = true;
    String name = owner.getSimpleName() + "." + method.getSimpleName() + "()";
    if (method.getModifiers().contains(Modifier.PRIVATE)
        || method.getModifiers().contains(Modifier.STATIC)) {
      reporter.error(method, BethMessages.ROUTE_MODIFIERS, "Route method " + name + " is "
          + (method.getModifiers().contains(Modifier.PRIVATE) ? "private" : "static")
          + "; the generated router calls it on the handler instance, so make it an instance"
          + " method that is public or package-private.");
      ok = false;
    }
    String httpMethod = Annotations.string(mirror, "method");
    if (!TOKEN.matcher(httpMethod).matches()) {
      reporter.error(method, mirror, Annotations.value(mirror, "method"), BethMessages.ROUTE_METHOD,
          "\"" + httpMethod + "\" is not an HTTP method; use an upper-case token such as"
              + " \"GET\", \"POST\", \"PUT\", \"DELETE\" or \"PATCH\".");
      ok = false;
    }
    String path = Annotations.string(mirror, "path");
    AnnotationValue pathValue = Annotations.value(mirror, "path");
    TemplateParser.Parsed parsed;
    if (!path.isEmpty() && !path.startsWith("/")) {
      parsed = new TemplateParser.Parsed(null, "Malformed path template: \"" + path
          + "\" must start with '/'.");
    } else {
      parsed = TemplateParser.parse(prefix + path);
    }
    if (!parsed.ok()) {
      reporter.error(method, mirror, pathValue, BethMessages.ROUTE_TEMPLATE, parsed.problem());
      ok = false;
    }
    List<ParameterModel> params = new ArrayList<>();
    for (VariableElement p : method.getParameters()) {
      Optional<ParameterModel> model = parameters.read(p, client);
      if (model.isPresent()) {
        params.add(model.get());
      } else {
        ok = false;
      }
    }
    List<ParameterModel> bodies = params.stream()
        .filter(p -> p.binding() == Binding.BODY || p.binding() == Binding.BODY_STREAM).toList();
    if (bodies.size() > 1) {
      reporter.error(bodies.get(1).element(), BethMessages.ROUTE_TWO_BODIES, "Route " + name
          + " has " + bodies.size() + " @Body parameters; a request has one body, so keep"
          + " @Body on one parameter and bind the others to path, query, header or cookie values.");
      ok = false;
    }
    if (!bodies.isEmpty() && (httpMethod.equals("GET") || httpMethod.equals("HEAD"))) {
      reporter.warning(bodies.get(0).element(), BethMessages.ROUTE_BODY_ON_GET, "Route " + name
          + " reads a body on " + httpMethod + ", which clients and proxies usually do not send;"
          + " use POST or PUT, or bind the values to query parameters.");
    }
    if (parsed.ok()) {
      ok &= checkPlaceholders(method, mirror, pathValue, parsed.template(), params, name);
    }
    ResultModel result = readResult(method, name, client);
    if (!ok || result == null) {
      return Optional.empty();
    }
    return Optional.of(new RouteModel(method, owner, httpMethod, parsed.template(), params,
        result));
  }

  private boolean checkPlaceholders(ExecutableElement method, AnnotationMirror mirror,
      AnnotationValue pathValue, PathTemplate template, List<ParameterModel> params, String name) {
    boolean ok = true;
    Set<String> bound = new HashSet<>();
    for (ParameterModel p : params) {
      if (p.binding() != Binding.PATH) {
        continue;
      }
      if (!template.placeholders().contains(p.name())) {
        reporter.error(p.element(), BethMessages.ROUTE_PATH_PARAM, "@PathParam \"" + p.name()
            + "\" of " + name + " has no {" + p.name() + "} placeholder in \""
            + template.text() + "\"; add the placeholder to the path or bind the parameter"
            + " differently.");
        ok = false;
      } else if (!bound.add(p.name())) {
        reporter.error(p.element(), BethMessages.ROUTE_PATH_PARAM, "Placeholder {" + p.name()
            + "} of " + name + " is bound by two @PathParam parameters; bind it once.");
        ok = false;
      }
    }
    for (String placeholder : template.placeholders()) {
      if (!bound.contains(placeholder)) {
        reporter.error(method, mirror, pathValue, BethMessages.ROUTE_PLACEHOLDER, "Placeholder {"
            + placeholder + "} in \"" + template.text() + "\" has no parameter; add a parameter"
            + " annotated @PathParam(\"" + placeholder + "\") to " + name + ".");
        ok = false;
      }
    }
    return ok;
  }

  private ResultModel readResult(ExecutableElement method, String name, boolean client) {
    if (client && !results.isFuture(method.getReturnType())) {
      reporter.error(method, BethMessages.CLIENT_NOT_ASYNC, "Client method " + name
          + " returns " + method.getReturnType() + "; a client method must be asynchronous,"
          + " so return CompletableFuture<T> or CompletionStage<T>.");
      return null;
    }
    ResultResolver.Outcome outcome = results.resolve(method.getReturnType());
    if (outcome.model().isEmpty()) {
      reporter.error(method, BethMessages.ROUTE_RETURN, "Route " + name + " returns "
          + method.getReturnType() + ", which the router cannot answer with: "
          + outcome.problem() + ".");
      return null;
    }
    if (client && outcome.model().get().kind() == ResultModel.Kind.STREAM) {
      reporter.error(method, BethMessages.ROUTE_RETURN, "Client method " + name
          + " returns a stream; return a future of a value, of Void or of the response.");
      return null;
    }
    return outcome.model().get();
  }
}
