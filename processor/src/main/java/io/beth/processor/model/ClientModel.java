package io.beth.processor.model;

import java.util.List;
import javax.lang.model.element.TypeElement;

/** An interface whose {@code @HttpRoute} methods get a generated typed client. */
public record ClientModel(TypeElement type, List<RouteModel> routes) {

  public ClientModel {
    routes = List.copyOf(routes);
  }
}
