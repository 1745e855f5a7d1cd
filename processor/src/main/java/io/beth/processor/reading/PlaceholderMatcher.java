package io.beth.processor.reading;

import io.beth.processor.BethMessages;
import io.beth.processor.base.Annotations;
import io.beth.processor.base.Reporter;
import io.beth.processor.model.ParameterModel;
import io.beth.processor.model.ParameterModel.Binding;
import io.beth.processor.model.PathTemplate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;

/**
 * Matches a route's placeholders with its {@code @PathParam} parameters, reporting each mismatch
 * once: a {@code @PathParam} whose name is not a placeholder is paired with the placeholder it
 * probably meant (same name but for case, or the only one left), a placeholder whose parameter was
 * already reported is not reported again, and a placeholder whose parameter is bound to something
 * else says so.
 */
final class PlaceholderMatcher {

  private static final String PATH_PARAM = "io.beth.annotations.PathParam";

  private final Reporter reporter;

  PlaceholderMatcher(Reporter reporter) {
    this.reporter = reporter;
  }

  /**
   * Checks the {@code @PathParam} parameters {@code params} of route {@code name} against {@code
   * template}; {@code failed} are the parameters already reported. Returns whether all match.
   */
  boolean check(
      ExecutableElement method,
      AnnotationMirror mirror,
      AnnotationValue pathValue,
      PathTemplate template,
      List<ParameterModel> params,
      List<VariableElement> failed,
      String name) {
    boolean ok = true;
    List<String> unbound = new ArrayList<>(template.placeholders());
    Set<String> bound = new HashSet<>();
    List<ParameterModel> unmatched = new ArrayList<>();
    for (ParameterModel p : params) {
      if (p.binding() != Binding.PATH) {
        continue;
      }
      if (!template.placeholders().contains(p.name())) {
        unmatched.add(p);
      } else if (!bound.add(p.name())) {
        reporter.error(
            p.element(),
            BethMessages.ROUTE_PATH_PARAM,
            "Placeholder {"
                + p.name()
                + "} of "
                + name
                + " is bound by two @PathParam parameters; bind it once.");
        ok = false;
      }
    }
    unbound.removeAll(bound);
    for (VariableElement f : failed) {
      unbound.remove(f.getSimpleName().toString());
      Annotations.find(f, PATH_PARAM)
          .map(m -> Annotations.string(m, "value"))
          .ifPresent(unbound::remove);
    }
    for (ParameterModel p : unmatched) {
      ok = false;
      Optional<String> meant =
          unbound.stream().filter(u -> u.equalsIgnoreCase(p.name())).findFirst();
      boolean byCase = meant.isPresent();
      if (meant.isEmpty() && unmatched.size() == 1 && unbound.size() == 1) {
        meant = Optional.of(unbound.get(0));
      }
      String message =
          "@PathParam \""
              + p.name()
              + "\" of "
              + name
              + " has no {"
              + p.name()
              + "} placeholder in \""
              + template.text()
              + "\"; ";
      if (meant.isPresent()) {
        unbound.remove(meant.get());
        message +=
            "did you mean {"
                + meant.get()
                + "}? Write @PathParam(\""
                + meant.get()
                + "\")"
                + (byCase ? " (placeholder names are case-sensitive)." : ".");
      } else {
        message += "add the placeholder to the path or bind the parameter differently.";
      }
      reporter.error(p.element(), BethMessages.ROUTE_PATH_PARAM, message);
    }
    for (String placeholder : unbound) {
      ok = false;
      Optional<ParameterModel> other =
          params.stream()
              .filter(
                  p ->
                      p.binding() != Binding.PATH
                          && (p.name().equals(placeholder)
                              || p.element().getSimpleName().contentEquals(placeholder)))
              .findFirst();
      String fix =
          other
              .map(
                  p ->
                      "parameter "
                          + p.element().getSimpleName()
                          + " is bound to "
                          + describe(p)
                          + ", so annotate it @PathParam(\""
                          + placeholder
                          + "\") instead.")
              .orElse(
                  "add a parameter annotated @PathParam(\"" + placeholder + "\") to " + name + ".");
      reporter.error(
          method,
          mirror,
          pathValue,
          BethMessages.ROUTE_PLACEHOLDER,
          "Placeholder {"
              + placeholder
              + "} in \""
              + template.text()
              + "\" has no parameter; "
              + fix);
    }
    return ok;
  }

  private static String describe(ParameterModel p) {
    return switch (p.binding()) {
      case QUERY -> "the query parameter '" + p.name() + "'";
      case HEADER -> "the header '" + p.name() + "'";
      case COOKIE -> "the cookie '" + p.name() + "'";
      case REQUEST -> "the whole request";
      default -> "the " + p.binding().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    };
  }
}
