package io.beth.processor.validation;

import io.beth.processor.BethMessages;
import io.beth.processor.base.Annotations;
import io.beth.processor.base.Reporter;
import io.beth.processor.reading.RouteInterfaces;
import io.beth.processor.reading.TypeReader;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * Warns about {@code @NonBlocking} where it changes nothing: on a method without
 * {@code @HttpRoute}, or on a type with no routes (a WebSocket, TCP or UDP handler, whose threading
 * its interface decides, or a plain class).
 */
public final class NonBlockingChecker {

  private static final String HTTP_ROUTE = "io.beth.annotations.HttpRoute";

  private final Reporter reporter;
  private final RouteInterfaces routeInterfaces;

  public NonBlockingChecker(Reporter reporter, RouteInterfaces routeInterfaces) {
    this.reporter = reporter;
    this.routeInterfaces = routeInterfaces;
  }

  /** Checks {@code element}, which carries {@code @NonBlocking}. */
  public void check(Element element) {
    if (element.getKind() == ElementKind.METHOD) {
      if (Annotations.find(element, HTTP_ROUTE).isEmpty()) {
        reporter.warning(
            element,
            BethMessages.NON_BLOCKING_UNUSED,
            "@NonBlocking on "
                + element.getEnclosingElement().getSimpleName()
                + "."
                + element.getSimpleName()
                + "() changes nothing: it applies to @HttpRoute methods only; annotate the route"
                + " method that calls it, or remove it.");
      }
      return;
    }
    if (element instanceof TypeElement type
        && !TypeReader.hasRoutes(type)
        && routeInterfaces.of(type).isEmpty()) {
      reporter.warning(
          type,
          BethMessages.NON_BLOCKING_UNUSED,
          "@NonBlocking on "
              + type.getSimpleName()
              + " changes nothing: it applies to the routes of a class or"
              + " interface with @HttpRoute methods, and "
              + type.getSimpleName()
              + " has none;"
              + " remove it.");
    }
  }
}
