package io.beth.processor.model;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * An interface whose {@code @HttpRoute} methods get a generated typed client. {@code stubs} are the
 * abstract methods that are not valid routes (their mistakes were reported): the client still
 * implements them, by throwing, so that one mistake in an interface is not followed by javac's
 * errors on a client that does not exist. A client is not {@code complete} when a stub refers to a
 * type that did not resolve: then only its module is generated, providing nothing usable.
 */
public record ClientModel(
    TypeElement type, List<RouteModel> routes, List<ExecutableElement> stubs, boolean complete) {

  public ClientModel {
    routes = List.copyOf(routes);
    stubs = List.copyOf(stubs);
  }
}
