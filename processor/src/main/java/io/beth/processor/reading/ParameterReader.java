package io.beth.processor.reading;

import io.beth.processor.BethMessages;
import io.beth.processor.base.Annotations;
import io.beth.processor.base.Reporter;
import io.beth.processor.base.RuntimeNames;
import io.beth.processor.model.Conversion;
import io.beth.processor.model.ParameterModel;
import io.beth.processor.model.ParameterModel.Arity;
import io.beth.processor.model.ParameterModel.Binding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Reads one route parameter into a model, reporting a binding that cannot work. */
public final class ParameterReader {

  /** The annotations that bind a parameter, with the binding each one gives. */
  private static final Map<String, Binding> BINDINGS =
      Map.of(
          "io.beth.annotations.PathParam", Binding.PATH,
          "io.beth.annotations.QueryParam", Binding.QUERY,
          "io.beth.annotations.HeaderParam", Binding.HEADER,
          "io.beth.annotations.CookieParam", Binding.COOKIE,
          "io.beth.annotations.Body", Binding.BODY);

  /** The annotations' "no default" marker, as in {@code QueryParam.NO_DEFAULT}. */
  private static final String NO_DEFAULT = "\u0000beth:no-default\u0000";

  /** An HTTP token (RFC 9110), which header and cookie names are. */
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  private final Reporter reporter;
  private final TypeChecks checks;
  private final ConversionResolver conversions;
  private final DefaultValueChecker defaults;
  private final BodyTypes bodies;

  public ParameterReader(Reporter reporter, TypeChecks checks) {
    this.reporter = reporter;
    this.checks = checks;
    this.conversions = new ConversionResolver(checks);
    this.defaults = new DefaultValueChecker(checks);
    this.bodies = new BodyTypes(checks);
  }

  /**
   * The model of {@code param}, or empty after reporting why it cannot be bound; {@code
   * placeholders} are the route's, named in the fix for an unbound parameter.
   */
  public Optional<ParameterModel> read(
      VariableElement param, boolean client, List<String> placeholders) {
    List<AnnotationMirror> found = new ArrayList<>();
    List<Binding> bindings = new ArrayList<>();
    for (Map.Entry<String, Binding> e : BINDINGS.entrySet()) {
      Annotations.find(param, e.getKey())
          .ifPresent(
              m -> {
                found.add(m);
                bindings.add(e.getValue());
              });
    }
    String javaName = param.getSimpleName().toString();
    TypeMirror type = param.asType();
    if (found.size() > 1) {
      reporter.error(
          param,
          BethMessages.PARAMETER_ANNOTATIONS,
          "Parameter "
              + javaName
              + " has "
              + found.size()
              + " binding annotations; keep exactly one of @PathParam,"
              + " @QueryParam, @HeaderParam, @CookieParam and @Body.");
      return Optional.empty();
    }
    if (found.isEmpty()) {
      if (param.getEnclosingElement() instanceof ExecutableElement method
          && checks.unresolvedAnnotation(method, param)) {
        return Optional.empty(); // javac reports the annotation it cannot find
      }
      if (!client && checks.is(type, RuntimeNames.HTTP_REQUEST)) {
        return Optional.of(
            new ParameterModel(
                param, Binding.REQUEST, "", type, Arity.ONE, Optional.empty(), Optional.empty()));
      }
      reporter.error(
          param,
          BethMessages.PARAMETER_UNBOUND,
          "Parameter "
              + javaName
              + " is not bound to anything; "
              + unboundFix(javaName, type, client, placeholders));
      return Optional.empty();
    }
    AnnotationMirror mirror = found.get(0);
    Binding binding = bindings.get(0);
    if (binding == Binding.BODY) {
      return bodies
          .binding(type, client)
          .map(
              body ->
                  new ParameterModel(
                      param, body, "", type, Arity.ONE, Optional.empty(), Optional.empty()))
          .or(
              () -> {
                reporter.error(
                    param,
                    mirror,
                    null,
                    BethMessages.PARAMETER_BODY,
                    "@Body parameter "
                        + javaName
                        + " has type "
                        + type
                        + ", "
                        + bodies.problem(type, client)
                        + ".");
                return Optional.empty();
              });
    }
    String name = Annotations.string(mirror, "value");
    if (name.isEmpty()) {
      name = javaName;
    }
    boolean token =
        binding != Binding.HEADER && binding != Binding.COOKIE || TOKEN.matcher(name).matches();
    if (!token) {
      String kind = binding.name().toLowerCase(Locale.ROOT);
      String fixed = name.trim().replaceAll("[^!#$%&'*+.^_`|~0-9A-Za-z-]+", "-");
      reporter.error(
          param,
          mirror,
          Annotations.value(mirror, "value"),
          BethMessages.PARAMETER_NAME,
          "\""
              + name
              + "\" is not a valid "
              + kind
              + " name, so no"
              + " request can carry it; a "
              + kind
              + " name is letters, digits and !#$%&'*+.^_`|~-"
              + " without spaces, such as \""
              + fixed
              + "\".");
      return Optional.empty();
    }
    Optional<AnnotationValue> defaultValue =
        binding == Binding.PATH
            ? Optional.empty()
            : Annotations.explicit(mirror, "defaultValue")
                .filter(d -> !NO_DEFAULT.equals(d.getValue()));
    Arity arity = Arity.ONE;
    TypeMirror element = type;
    if (checks.is(type, "java.util.Optional")) {
      arity = Arity.OPTIONAL;
    } else if (checks.is(type, "java.util.List")) {
      arity = Arity.LIST;
    }
    if (arity != Arity.ONE) {
      List<? extends TypeMirror> args = checks.arguments(type);
      if (args.size() != 1) {
        return noConversion(
            param,
            binding,
            type,
            "give "
                + checks.types().erasure(type)
                + " a type argument such as "
                + checks.types().erasure(type)
                + "<String>");
      }
      element = args.get(0);
    }
    if (binding == Binding.PATH && arity != Arity.ONE) {
      return noConversion(
          param,
          binding,
          type,
          "a path value is always present;"
              + " declare the plain type instead of "
              + checks.types().erasure(type));
    }
    if (arity == Arity.LIST && binding != Binding.QUERY && binding != Binding.HEADER) {
      return noConversion(
          param,
          binding,
          type,
          "only query parameters and headers take a List;" + " declare a single value");
    }
    Optional<Conversion> conversion = conversions.resolve(element);
    if (conversion.isEmpty()) {
      return noConversion(param, binding, type, conversionFix(element, arity, binding));
    }
    if (conversion.get().kind() == Conversion.Kind.CONSTRUCTOR
        && (checks.is(element, "java.util.Date") || checks.is(element, "java.sql.Date"))) {
      reporter.warning(
          param,
          BethMessages.PARAMETER_LEGACY_DATE,
          "Parameter "
              + javaName
              + " has type "
              + element
              + ", whose deprecated String constructor parses only the"
              + " old \"Sat, 12 Aug 1995 13:30:00 GMT\" form; declare java.time.Instant (ISO-8601,"
              + " \"2024-05-01T10:00:00Z\") or java.time.LocalDate (\"2024-05-01\") instead.");
    }
    if (defaultValue.isPresent()) {
      String text = (String) defaultValue.get().getValue();
      Optional<String> problem = defaults.problem(text, conversion.get());
      if (problem.isPresent()) {
        reporter.error(
            param,
            mirror,
            defaultValue.get(),
            BethMessages.PARAMETER_DEFAULT,
            "The defaultValue \""
                + text
                + "\" of parameter "
                + javaName
                + " does not convert to "
                + element
                + ": "
                + problem.get()
                + "; every request without the value would be"
                + " answered 400, so give a default that converts.");
        return Optional.empty();
      }
      if (arity == Arity.OPTIONAL) {
        reporter.warning(
            param,
            BethMessages.PARAMETER_DEFAULT_OPTIONAL,
            "Parameter "
                + javaName
                + " is an Optional with a defaultValue, so it is never empty; declare "
                + element
                + " instead, or remove the defaultValue.");
      }
    }
    return Optional.of(
        new ParameterModel(
            param,
            binding,
            name,
            element,
            arity,
            conversion,
            defaultValue.map(d -> (String) d.getValue())));
  }

  private String unboundFix(
      String javaName, TypeMirror type, boolean client, List<String> placeholders) {
    if (placeholders.contains(javaName)) {
      return "annotate it @PathParam to bind the placeholder {"
          + javaName
          + "} (parameter"
          + " annotations are not inherited, so an override repeats them).";
    }
    if (checks.isByteSource(type, RuntimeNames.SOURCE)) {
      return "annotate it @Body to receive the request body as a stream.";
    }
    return "annotate it with @PathParam, @QueryParam, @HeaderParam, @CookieParam or @Body"
        + (client
            ? ""
            : ", or declare it as " + RuntimeNames.HTTP_REQUEST + " to receive the whole request")
        + ".";
  }

  private String conversionFix(TypeMirror element, Arity arity, Binding binding) {
    String many =
        binding == Binding.QUERY || binding == Binding.HEADER
            ? "declare List<T> to receive every value"
            : "only query parameters and headers have" + " several values";
    if (element.getKind() == TypeKind.ARRAY) {
      return "arrays are not converted; " + many;
    }
    if (checks.isSubtype(element, "java.util.Map")) {
      return "a Map is not converted; to read every "
          + (binding == Binding.HEADER ? "header" : "value")
          + ", declare a parameter of type "
          + RuntimeNames.HTTP_REQUEST
          + " and read them from the request";
    }
    if (checks.isSubtype(element, "java.util.Collection")) {
      return arity == Arity.OPTIONAL
          ? "declare List<T>, which is empty when the value is absent"
          : "only List is converted; " + many;
    }
    String boxed =
        switch (element.toString()) {
          case "java.util.OptionalInt" -> "Optional<Integer>";
          case "java.util.OptionalLong" -> "Optional<Long>";
          case "java.util.OptionalDouble" -> "Optional<Double>";
          default -> null;
        };
    if (boxed != null) {
      return "declare " + boxed + " instead";
    }
    return "use a primitive or its box, String, an enum, UUID, a java.time type, or a type with a"
        + " public static valueOf(String), of(String) or parse(CharSequence) method or a public"
        + " String constructor";
  }

  private Optional<ParameterModel> noConversion(
      VariableElement param, Binding binding, TypeMirror type, String fix) {
    reporter.error(
        param,
        BethMessages.PARAMETER_CONVERSION,
        "Parameter "
            + param.getSimpleName()
            + " ("
            + binding.name().toLowerCase(Locale.ROOT)
            + ") has type "
            + type
            + ", which Beth cannot convert from text: "
            + fix
            + ".");
    return Optional.empty();
  }
}
