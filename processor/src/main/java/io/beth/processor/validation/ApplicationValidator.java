package io.beth.processor.validation;

import io.beth.processor.BethMessages;
import io.beth.processor.base.Reporter;
import io.beth.processor.model.ApplicationModel;
import io.beth.processor.model.EndpointModel;
import io.beth.processor.model.RouteModel;
import io.beth.processor.model.ServerModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks what no single element shows: duplicate and ambiguous routes across the application,
 * WebSocket paths that HTTP routes also match, handlers sharing a port or a listener name. Each
 * mistake is reported on the later element, naming the earlier one.
 */
public final class ApplicationValidator {

  private final Reporter reporter;

  public ApplicationValidator(Reporter reporter) {
    this.reporter = reporter;
  }

  /** Reports every application-wide mistake; returns whether there was none. */
  public boolean validate(ApplicationModel app) {
    int before = reporter.errorCount();
    List<RouteModel> routes = new ArrayList<>();
    for (ServerModel server : app.servers()) {
      routes.addAll(server.routes());
    }
    checkRoutes(routes);
    checkWebSockets(app.endpoints(), routes);
    checkPorts(app.endpoints());
    return reporter.errorCount() == before;
  }

  private void checkRoutes(List<RouteModel> routes) {
    Map<String, RouteModel> byShape = new HashMap<>();
    for (RouteModel route : routes) {
      String key = route.httpMethod() + " " + route.template().shape();
      RouteModel earlier = byShape.putIfAbsent(key, route);
      if (earlier == null || earlier.method().equals(route.method())) {
        continue;
      }
      if (earlier.template().text().equals(route.template().text())) {
        reporter.error(
            route.method(),
            BethMessages.ROUTE_DUPLICATE,
            "Route "
                + route.httpMethod()
                + " "
                + route.template().text()
                + " of "
                + route.describe()
                + " is also declared by "
                + earlier.describe()
                + "; remove one or change its path.");
      } else {
        reporter.error(
            route.method(),
            BethMessages.ROUTE_AMBIGUOUS,
            "Route "
                + route.httpMethod()
                + " "
                + route.template().text()
                + " of "
                + route.describe()
                + " matches the same paths as "
                + route.httpMethod()
                + " "
                + earlier.template().text()
                + " of "
                + earlier.describe()
                + "; merge them, or make a segment literal so the router can tell them apart.");
      }
    }
  }

  private void checkWebSockets(List<EndpointModel> endpoints, List<RouteModel> routes) {
    Map<String, EndpointModel> byPath = new HashMap<>();
    for (EndpointModel endpoint : endpoints) {
      if (endpoint.kind() != EndpointModel.Kind.WEBSOCKET) {
        continue;
      }
      EndpointModel earlier = byPath.putIfAbsent(endpoint.path(), endpoint);
      if (earlier != null) {
        reporter.error(
            endpoint.type(),
            BethMessages.WEBSOCKET_PATH,
            "WebSocket path "
                + endpoint.path()
                + " of "
                + endpoint.type().getSimpleName()
                + " is also the path of "
                + earlier.type().getSimpleName()
                + "; give each endpoint its own path.");
        continue;
      }
      List<String> segments = endpoint.pathSegments();
      for (RouteModel route : routes) {
        if (route.template().matches(segments)) {
          reporter.error(
              endpoint.type(),
              BethMessages.WEBSOCKET_PATH,
              "WebSocket path "
                  + endpoint.path()
                  + " of "
                  + endpoint.type().getSimpleName()
                  + " is also matched by the HTTP route "
                  + route.httpMethod()
                  + " "
                  + route.template().text()
                  + " of "
                  + route.describe()
                  + "; give the endpoint a path no HTTP route matches.");
          break;
        }
      }
    }
  }

  private void checkPorts(List<EndpointModel> endpoints) {
    Map<String, EndpointModel> byPort = new HashMap<>();
    Map<String, EndpointModel> byName = new HashMap<>();
    for (EndpointModel endpoint : endpoints) {
      if (endpoint.kind() == EndpointModel.Kind.WEBSOCKET) {
        continue;
      }
      EndpointModel sameName = byName.putIfAbsent(endpoint.listenerName(), endpoint);
      if (sameName != null) {
        reporter.error(
            endpoint.type(),
            BethMessages.LISTENER_NAME,
            endpoint.kind()
                + " handler "
                + endpoint.type().getQualifiedName()
                + " has the simple name of "
                + sameName.type().getQualifiedName()
                + ", so both would be the listener "
                + endpoint.listenerName()
                + " (port property beth."
                + endpoint.listenerName()
                + ".port); rename one of the classes.");
      }
      if (endpoint.port() == 0) {
        continue;
      }
      String key = endpoint.kind() + " " + endpoint.port();
      EndpointModel earlier = byPort.putIfAbsent(key, endpoint);
      if (earlier != null) {
        reporter.error(
            endpoint.type(),
            BethMessages.PORT_CLASH,
            endpoint.kind()
                + " port "
                + endpoint.port()
                + " of "
                + endpoint.type().getSimpleName()
                + " is also the port of "
                + earlier.type().getSimpleName()
                + "; give each handler its own port (or 0 for a"
                + " free one).");
      }
    }
  }
}
