package io.beth.processor.validation;

import io.beth.processor.BethMessages;
import io.beth.processor.base.Annotations;
import io.beth.processor.base.Reporter;
import io.beth.processor.reading.EndpointReader;
import io.beth.processor.reading.RouteInterfaces;
import io.beth.processor.reading.TypeReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Reports a concrete class that implements a route interface but carries no {@code @HttpRoute}:
 * Beth does not serve it, so every route of the interface would answer 404 with nothing said at
 * compile time, the worst outcome of all; so it is an error, not a warning. A class not meant to
 * serve the routes (a test fake, a decorator) says so with
 * {@code @SuppressWarnings("BethRoutesNotServed")}; Beth's own generated clients are not reported.
 */
public final class UnservedRoutesChecker {

  private static final String GENERATED = "javax.annotation.processing.Generated";
  private static final String SUPPRESS = "BethRoutesNotServed";

  private final Reporter reporter;
  private final RouteInterfaces routeInterfaces;

  public UnservedRoutesChecker(Reporter reporter, RouteInterfaces routeInterfaces) {
    this.reporter = reporter;
    this.routeInterfaces = routeInterfaces;
  }

  /** Checks the classes among {@code roots} and their member classes; returns those reported. */
  public List<TypeElement> check(Set<? extends Element> roots) {
    List<TypeElement> reported = new ArrayList<>();
    for (TypeElement type : ElementFilter.typesIn(roots)) {
      checkType(type, reported);
    }
    return reported;
  }

  private void checkType(TypeElement type, List<TypeElement> reported) {
    ElementFilter.typesIn(type.getEnclosedElements()).forEach(t -> checkType(t, reported));
    if ((type.getKind() != ElementKind.CLASS
            && type.getKind() != ElementKind.RECORD
            && type.getKind() != ElementKind.ENUM)
        || type.getModifiers().contains(Modifier.ABSTRACT)
        || TypeReader.hasRoutes(type)
        || EndpointReader.isEndpoint(type)
        || generatedByBeth(type)
        || suppressed(type)) {
      return;
    }
    Set<TypeElement> contracts = routeInterfaces.of(type);
    if (contracts.isEmpty()) {
      return;
    }
    TypeElement api = contracts.iterator().next();
    reported.add(type);
    reporter.error(
        type,
        BethMessages.ROUTES_NOT_SERVED,
        type.getSimpleName()
            + " implements"
            + " the route interface "
            + api.getSimpleName()
            + " but is not annotated @HttpRoute,"
            + " so Beth does not serve it and every route of "
            + api.getSimpleName()
            + " answers"
            + " 404; annotate "
            + type.getSimpleName()
            + " with @HttpRoute to serve them, or with"
            + " @SuppressWarnings(\""
            + SUPPRESS
            + "\") if it is not meant to (a test fake).");
  }

  private static boolean generatedByBeth(TypeElement type) {
    return Annotations.find(type, GENERATED)
        .map(m -> String.valueOf(Annotations.value(m, "value").getValue()))
        .filter(v -> v.contains("io.beth.processor.BethProcessor"))
        .isPresent();
  }

  private static boolean suppressed(Element element) {
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      var mirror = Annotations.find(e, "java.lang.SuppressWarnings");
      if (mirror.isPresent()) {
        Object value = Annotations.value(mirror.get(), "value").getValue();
        if (value instanceof List<?> values
            && values.stream()
                .map(v -> ((AnnotationValue) v).getValue())
                .anyMatch(SUPPRESS::equals)) {
          return true;
        }
      }
    }
    return false;
  }
}
