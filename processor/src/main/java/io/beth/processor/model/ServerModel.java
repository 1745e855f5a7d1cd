package io.beth.processor.model;

import java.util.List;
import javax.lang.model.element.TypeElement;

/** A class serving HTTP routes (its own and those of the route interfaces it implements). */
public record ServerModel(TypeElement type, List<RouteModel> routes, Construction construction) {

  public ServerModel {
    routes = List.copyOf(routes);
  }
}
