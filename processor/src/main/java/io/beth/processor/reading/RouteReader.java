package io.beth.processor.reading;

import io.beth.processor.BethMessages;
import io.beth.processor.base.Annotations;
import io.beth.processor.base.Reporter;
import io.beth.processor.model.ParameterModel;
import io.beth.processor.model.ResultModel;
import io.beth.processor.model.RouteModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Reads one {@code @HttpRoute} method into a route model: its method token, template (after the
 * declaring type's prefix), parameters and result, reporting every mistake it finds once: a mistake
 * is reported where it was made, and the checks after it work from the corrected value (a path
 * missing its leading slash is checked as if it had one) or are skipped, so one mistake is one
 * error.
 */
public final class RouteReader {

  static final String HTTP_ROUTE = "io.beth.annotations.HttpRoute";
  private static final Pattern TOKEN = Pattern.compile("[A-Z][A-Z0-9_-]*");

  /**
   * A type's path prefix: its text ({@code ""} for none), and whether the routes under it can be
   * checked against it ({@code false} after a malformed prefix was reported).
   */
  public record Prefix(String text, boolean known) {}

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
   * The prefix of {@code type}: empty without a type-level {@code @HttpRoute}. A prefix missing
   * only its leading slash is reported and used with it; another malformed one is reported and
   * leaves the routes' placeholders unchecked.
   */
  public Prefix prefix(TypeElement type) {
    Optional<AnnotationMirror> mirror = Annotations.find(type, HTTP_ROUTE);
    if (mirror.isEmpty()) {
      return new Prefix("", true);
    }
    Optional<AnnotationValue> method = Annotations.explicit(mirror.get(), "method");
    if (method.isPresent()) {
      reporter.error(
          type,
          mirror.get(),
          method.get(),
          BethMessages.ROUTE_METHOD,
          "@HttpRoute on a type gives only a path prefix; remove method = "
              + method.get()
              + " and set the method on each route method.");
    }
    String prefix = Annotations.string(mirror.get(), "path");
    if (prefix.isEmpty()) {
      return new Prefix("", true);
    }
    AnnotationValue value = Annotations.value(mirror.get(), "path");
    if (!prefix.startsWith("/") && TemplateParser.parse("/" + prefix).ok()) {
      reporter.error(
          type,
          mirror.get(),
          value,
          BethMessages.ROUTE_TEMPLATE,
          "Malformed path prefix: \""
              + prefix
              + "\" must start with '/'; write \"/"
              + prefix
              + "\".");
      return new Prefix("/" + prefix, true);
    }
    TemplateParser.Parsed parsed = TemplateParser.parse(prefix);
    if (!parsed.ok()) {
      reporter.error(type, mirror.get(), value, BethMessages.ROUTE_TEMPLATE, parsed.problem());
      return new Prefix("", false);
    }
    return new Prefix(prefix.equals("/") ? "" : prefix, true);
  }

  /**
   * Reads {@code method}, declared by {@code owner} under {@code prefix}; {@code client} for a
   * route interface's method. Empty after reporting, and empty without a report when the method
   * refers to a type or annotation that did not resolve: javac reports that one itself.
   */
  public Optional<RouteModel> read(
      ExecutableElement method, TypeElement owner, Prefix prefix, boolean client) {
    if (TypeChecks.unresolved(method)) {
      return Optional.empty();
    }
    AnnotationMirror mirror = Annotations.find(method, HTTP_ROUTE).orElseThrow();
    boolean ok = prefix.known();
    String name = owner.getSimpleName() + "." + method.getSimpleName() + "()";
    if (method.getModifiers().contains(Modifier.PRIVATE)
        || method.getModifiers().contains(Modifier.STATIC)) {
      reporter.error(
          method,
          BethMessages.ROUTE_MODIFIERS,
          "Route method "
              + name
              + " is "
              + (method.getModifiers().contains(Modifier.PRIVATE) ? "private" : "static")
              + "; the generated router calls it on the handler instance, so make it an instance"
              + " method that is public or package-private.");
      ok = false;
    }
    String httpMethod = Annotations.string(mirror, "method");
    if (!TOKEN.matcher(httpMethod).matches()) {
      reporter.error(
          method,
          mirror,
          Annotations.value(mirror, "method"),
          BethMessages.ROUTE_METHOD,
          "\"" + httpMethod + "\" is not an HTTP method; " + methodFix(httpMethod));
      ok = false;
    }
    String path = Annotations.string(mirror, "path");
    AnnotationValue pathValue = Annotations.value(mirror, "path");
    TemplateParser.Parsed parsed;
    if (!path.isEmpty() && !path.startsWith("/")) {
      reporter.error(
          method,
          mirror,
          pathValue,
          BethMessages.ROUTE_TEMPLATE,
          "Malformed path template: \""
              + path
              + "\" must start with '/'; write \"/"
              + path
              + "\".");
      ok = false;
      parsed = TemplateParser.parse(prefix.text() + "/" + path);
      if (!parsed.ok()) {
        parsed = null; // a second mistake in the same path: one error is enough
      }
    } else {
      // under a prefix, "/" is the prefix itself, as "" is
      String full = prefix.text() + (path.equals("/") && !prefix.text().isEmpty() ? "" : path);
      parsed = TemplateParser.parse(full);
      if (!parsed.ok()) {
        reporter.error(method, mirror, pathValue, BethMessages.ROUTE_TEMPLATE, parsed.problem());
        ok = false;
        parsed = null;
      }
    }
    List<String> placeholders =
        parsed == null || !prefix.known() ? List.of() : parsed.template().placeholders();
    List<ParameterModel> params = new ArrayList<>();
    List<VariableElement> failed = new ArrayList<>();
    for (VariableElement p : method.getParameters()) {
      Optional<ParameterModel> model = parameters.read(p, client, placeholders);
      if (model.isPresent()) {
        params.add(model.get());
      } else {
        failed.add(p);
        ok = false;
      }
    }
    ok &= new ParameterSetChecker(reporter).check(name, httpMethod, params);
    if (parsed != null && prefix.known()) {
      ok &=
          new PlaceholderMatcher(reporter)
              .check(method, mirror, pathValue, parsed.template(), params, failed, name);
    }
    ResultModel result = readResult(method, name, client);
    if (!ok || result == null) {
      return Optional.empty();
    }
    return Optional.of(
        new RouteModel(method, owner, httpMethod, parsed.template(), params, result));
  }

  private static String methodFix(String httpMethod) {
    if (httpMethod.matches(".*[,|/ ].*")) {
      return "a route serves one method, so declare one route method per HTTP method (they may"
          + " call a shared private method).";
    }
    if (TOKEN.matcher(httpMethod.toUpperCase(java.util.Locale.ROOT)).matches()) {
      return "HTTP methods are case-sensitive, so write \""
          + httpMethod.toUpperCase(java.util.Locale.ROOT)
          + "\".";
    }
    return "use an upper-case token such as \"GET\", \"POST\", \"PUT\", \"DELETE\" or \"PATCH\".";
  }

  private ResultModel readResult(ExecutableElement method, String name, boolean client) {
    if (client && !results.isFuture(method.getReturnType())) {
      reporter.error(
          method,
          BethMessages.CLIENT_NOT_ASYNC,
          "Client method "
              + name
              + " returns "
              + method.getReturnType()
              + "; a client method must be asynchronous,"
              + " so return CompletableFuture<T> or CompletionStage<T>.");
      return null;
    }
    ResultResolver.Outcome outcome = results.resolve(method.getReturnType());
    if (outcome.model().isEmpty()) {
      reporter.error(
          method,
          BethMessages.ROUTE_RETURN,
          "Route "
              + name
              + " returns "
              + method.getReturnType()
              + ", which the router cannot answer with: "
              + outcome.problem()
              + ".");
      return null;
    }
    if (client && outcome.model().get().kind() == ResultModel.Kind.STREAM) {
      reporter.error(
          method,
          BethMessages.ROUTE_RETURN,
          "Client method "
              + name
              + " returns a stream; return a future of a value, of Void or of the response.");
      return null;
    }
    return outcome.model().get();
  }
}
