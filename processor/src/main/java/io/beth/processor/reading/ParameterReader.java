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
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/** Reads one route parameter into a model, reporting a binding that cannot work. */
public final class ParameterReader {

  /** The annotations that bind a parameter, with the binding each one gives. */
  private static final Map<String, Binding> BINDINGS = Map.of(
      "io.beth.annotations.PathParam", Binding.PATH,
      "io.beth.annotations.QueryParam", Binding.QUERY,
      "io.beth.annotations.HeaderParam", Binding.HEADER,
      "io.beth.annotations.CookieParam", Binding.COOKIE,
      "io.beth.annotations.Body", Binding.BODY);

  /** The annotations' "no default" marker, as in {@code QueryParam.NO_DEFAULT}. */
  private static final String NO_DEFAULT = "\u0000beth:no-default\u0000";

  private final Reporter reporter;
  private final TypeChecks checks;
  private final ConversionResolver conversions;

  public ParameterReader(Reporter reporter, TypeChecks checks) {
    this.reporter = reporter;
    this.checks = checks;
    this.conversions = new ConversionResolver(checks);
  }

  /** The model of {@code param}, or empty after reporting why it cannot be bound. */
  public Optional<ParameterModel> read(VariableElement param, boolean client) {
    List<AnnotationMirror> found = new ArrayList<>();
    List<Binding> bindings = new ArrayList<>();
    for (Map.Entry<String, Binding> e : BINDINGS.entrySet()) {
      Annotations.find(param, e.getKey()).ifPresent(m -> {
        found.add(m);
        bindings.add(e.getValue());
      });
    }
    String javaName = param.getSimpleName().toString();
    TypeMirror type = param.asType();
    if (found.size() > 1) {
      reporter.error(param, BethMessages.PARAMETER_ANNOTATIONS, "Parameter " + javaName
          + " has " + found.size() + " binding annotations; keep exactly one of @PathParam,"
          + " @QueryParam, @HeaderParam, @CookieParam and @Body.");
      return Optional.empty();
    }
    if (found.isEmpty()) {
      if (!client && checks.is(type, RuntimeNames.HTTP_REQUEST)) {
        return Optional.of(new ParameterModel(param, Binding.REQUEST, "", type, Arity.ONE,
            Optional.empty(), Optional.empty()));
      }
      reporter.error(param, BethMessages.PARAMETER_UNBOUND, "Parameter " + javaName
          + " is not bound to anything; annotate it with @PathParam, @QueryParam, @HeaderParam,"
          + " @CookieParam or @Body" + (client ? "" : ", or declare it as " + RuntimeNames.HTTP_REQUEST
          + " to receive the whole request") + ".");
      return Optional.empty();
    }
    AnnotationMirror mirror = found.get(0);
    Binding binding = bindings.get(0);
    if (binding == Binding.BODY) {
      Binding body = checks.isByteSource(type, RuntimeNames.SOURCE)
          ? Binding.BODY_STREAM : Binding.BODY;
      return Optional.of(new ParameterModel(param, body, "", type, Arity.ONE, Optional.empty(),
          Optional.empty()));
    }
    String name = Annotations.string(mirror, "value");
    if (name.isEmpty()) {
      name = javaName;
    }
    Optional<String> defaultValue = binding == Binding.PATH ? Optional.empty()
        : Optional.of(Annotations.string(mirror, "defaultValue")).filter(d -> !d.equals(NO_DEFAULT));
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
        return noConversion(param, binding, type, "give " + checks.types().erasure(type)
            + " a type argument such as " + checks.types().erasure(type) + "<String>");
      }
      element = args.get(0);
    }
    if (binding == Binding.PATH && arity != Arity.ONE) {
      return noConversion(param, binding, type, "a path value is always present;"
          + " declare the plain type instead of " + checks.types().erasure(type));
    }
    if (arity == Arity.LIST && binding != Binding.QUERY && binding != Binding.HEADER) {
      return noConversion(param, binding, type, "only query parameters and headers take a List;"
          + " declare a single value");
    }
    Optional<Conversion> conversion = conversions.resolve(element);
    if (conversion.isEmpty()) {
      return noConversion(param, binding, type, "use a primitive or its box, String, an enum,"
          + " UUID, a java.time type, or a type with a public static valueOf(String),"
          + " of(String) or parse(CharSequence) method or a public String constructor");
    }
    return Optional.of(new ParameterModel(param, binding, name, element, arity, conversion,
        defaultValue));
  }

  private Optional<ParameterModel> noConversion(VariableElement param, Binding binding,
      TypeMirror type, String fix) {
    reporter.error(param, BethMessages.PARAMETER_CONVERSION, "Parameter "
        + param.getSimpleName() + " (" + binding.name().toLowerCase(java.util.Locale.ROOT)
        + ") has type " + type + ", which Beth cannot convert from text: " + fix + ".");
    return Optional.empty();
  }
}
