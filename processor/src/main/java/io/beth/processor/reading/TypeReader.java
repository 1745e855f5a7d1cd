package io.beth.processor.reading;

import io.beth.processor.BethMessages;
import io.beth.processor.base.Annotations;
import io.beth.processor.base.Reporter;
import io.beth.processor.base.RuntimeNames;
import io.beth.processor.model.ClientModel;
import io.beth.processor.model.Construction;
import io.beth.processor.model.EndpointModel;
import io.beth.processor.model.RouteModel;
import io.beth.processor.model.ServerModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Reads Beth-annotated types into models: route interfaces into clients, classes with routes into
 * servers (with the routes of the route interfaces they implement), and endpoint classes. Every
 * mistake is reported; a type with a mistake yields no model.
 */
public final class TypeReader {

  /** The endpoint annotations, with the kind and the handler interface each requires. */
  private static final Map<String, EndpointModel.Kind> ENDPOINTS = Map.of(
      "io.beth.annotations.WebSocketEndpoint", EndpointModel.Kind.WEBSOCKET,
      "io.beth.annotations.TcpHandler", EndpointModel.Kind.TCP,
      "io.beth.annotations.UdpSocket", EndpointModel.Kind.UDP);

  private final Reporter reporter;
  private final TypeChecks checks;
  private final RouteReader routes;
  private final ConstructionChecker construction;
  /** Interface routes read once, shared by the client and every server implementing them. */
  private final Map<TypeElement, Optional<List<RouteModel>>> interfaces = new HashMap<>();

  public TypeReader(Reporter reporter, TypeChecks checks) {
    this.reporter = reporter;
    this.checks = checks;
    this.routes = new RouteReader(reporter, checks);
    this.construction = new ConstructionChecker(reporter);
  }

  /**
   * The client model of route interface {@code type}, with the routes it inherits from other
   * route interfaces, if it reads cleanly and a generated class can implement it.
   */
  public Optional<ClientModel> client(TypeElement type) {
    Optional<List<RouteModel>> own = interfaceRoutes(type);
    boolean ok = own.isPresent();
    List<RouteModel> found = new ArrayList<>(own.orElse(List.of()));
    for (TypeElement parent : routeInterfaces(type)) {
      Optional<List<RouteModel>> inherited = interfaceRoutes(parent);
      if (inherited.isEmpty()) {
        ok = false;
        continue;
      }
      for (RouteModel route : inherited.get()) {
        boolean redeclared = found.stream().anyMatch(r -> checks.elements()
            .overrides(r.method(), route.method(), type));
        if (!redeclared) {
          found.add(route);
        }
      }
    }
    ok &= implementable(type);
    return ok ? Optional.of(new ClientModel(type, found)) : Optional.empty();
  }

  /** Whether a generated class can implement every abstract method of {@code type}. */
  private boolean implementable(TypeElement type) {
    boolean ok = true;
    String name = type.getSimpleName().toString();
    if (!type.getTypeParameters().isEmpty()) {
      reporter.error(type, BethMessages.CLIENT_INTERFACE, "Route interface " + name
          + " declares type parameters; its generated client implements one concrete interface,"
          + " so remove them and use concrete types in the routes.");
      ok = false;
    }
    for (javax.lang.model.element.Element e = type; e instanceof TypeElement t;
        e = e.getEnclosingElement()) {
      if (t.getModifiers().contains(javax.lang.model.element.Modifier.PRIVATE)) {
        reporter.error(type, BethMessages.CLIENT_INTERFACE, "Route interface " + name
            + " is private" + (t == type ? "" : " inside " + t.getSimpleName()) + "; its generated"
            + " client is a class of the same package, so make it package-private or public.");
        ok = false;
        break;
      }
    }
    for (ExecutableElement m : ElementFilter.methodsIn(checks.elements().getAllMembers(type))) {
      if (!m.getModifiers().contains(javax.lang.model.element.Modifier.ABSTRACT)) {
        continue;
      }
      TypeElement owner = (TypeElement) m.getEnclosingElement();
      String method = owner.getSimpleName() + "." + m.getSimpleName() + "()";
      javax.lang.model.element.Element at = owner.equals(type) ? m : type;
      if (Annotations.find(m, RouteReader.HTTP_ROUTE).isEmpty()) {
        reporter.error(at, BethMessages.CLIENT_INTERFACE, "Method " + method + " of route"
            + " interface " + name + " has no @HttpRoute, so its generated client cannot implement"
            + " it; annotate it with @HttpRoute, give it a default body, or move it to another"
            + " interface.");
        ok = false;
      } else if (!m.getTypeParameters().isEmpty()) {
        reporter.error(at, BethMessages.CLIENT_INTERFACE, "Route method " + method
            + " declares type parameters; a client cannot tell what to decode, so use concrete"
            + " types.");
        ok = false;
      }
    }
    return ok;
  }

  /** The server model of class {@code type}, if it reads cleanly. */
  public Optional<ServerModel> server(TypeElement type) {
    boolean ok = true;
    Optional<String> prefix = routes.prefix(type);
    List<RouteModel> found = new ArrayList<>();
    List<ExecutableElement> own = ElementFilter.methodsIn(type.getEnclosedElements()).stream()
        .filter(m -> Annotations.find(m, RouteReader.HTTP_ROUTE).isPresent()).toList();
    for (ExecutableElement method : own) {
      Optional<RouteModel> route = routes.read(method, type, prefix.orElse(""), false);
      route.ifPresent(found::add);
      ok &= route.isPresent();
    }
    int inheritedCount = 0;
    for (TypeElement contract : routeInterfaces(type)) {
      Optional<List<RouteModel>> inherited = interfaceRoutes(contract);
      if (inherited.isEmpty()) {
        ok = false;
        continue;
      }
      for (RouteModel route : inherited.get()) {
        boolean redeclared = own.stream().anyMatch(m -> checks.elements()
            .overrides(m, route.method(), type));
        if (!redeclared) {
          found.add(inheritedCount++, route); // contract first: clashes land on the class's own
        }
      }
    }
    Optional<Construction> how = construction.check(type);
    if (!ok || prefix.isEmpty() || how.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ServerModel(type, found, how.get()));
  }

  /** The endpoint models of {@code type} (one per endpoint annotation), if it reads cleanly. */
  public Optional<List<EndpointModel>> endpoints(TypeElement type) {
    List<EndpointModel> models = new ArrayList<>();
    boolean ok = true;
    Optional<Construction> how = Optional.empty();
    for (Map.Entry<String, EndpointModel.Kind> e : ENDPOINTS.entrySet()) {
      Optional<AnnotationMirror> mirror = Annotations.find(type, e.getKey());
      if (mirror.isEmpty()) {
        continue;
      }
      if (how.isEmpty()) {
        how = construction.check(type);
        ok &= how.isPresent();
      }
      ok &= implementsHandler(type, e.getValue(), mirror.get());
      String path = "";
      int port = 0;
      if (e.getValue() == EndpointModel.Kind.WEBSOCKET) {
        AnnotationValue value = Annotations.value(mirror.get(), "path");
        path = (String) value.getValue();
        TemplateParser.Parsed parsed = TemplateParser.parse(path);
        if (!parsed.ok() || !parsed.template().placeholders().isEmpty()) {
          reporter.error(type, mirror.get(), value, BethMessages.ROUTE_TEMPLATE, parsed.ok()
              ? "A WebSocket endpoint path is literal; remove the placeholders from \"" + path + "\"."
              : parsed.problem());
          ok = false;
        }
      } else {
        AnnotationValue value = Annotations.value(mirror.get(), "port");
        port = (Integer) value.getValue();
        if (port < 0 || port > 65535) {
          reporter.error(type, mirror.get(), value, BethMessages.PORT_RANGE, "Port " + port
              + " of " + type.getSimpleName() + " is out of range; use 1 to 65535, or 0 to pick a"
              + " free port.");
          ok = false;
        }
      }
      if (how.isPresent()) {
        models.add(new EndpointModel(e.getValue(), type, path, port, how.get()));
      }
    }
    if (models.size() > 1 || (!models.isEmpty() && hasRoutes(type))) {
      reporter.error(type, BethMessages.HANDLER_KIND, type.getSimpleName() + " carries more than"
          + " one kind of handler annotation; give each protocol its own class.");
      ok = false;
    }
    return ok ? Optional.of(models) : Optional.empty();
  }

  /** Whether {@code type} has a type-level {@code @HttpRoute} or {@code @HttpRoute} methods. */
  public static boolean hasRoutes(TypeElement type) {
    return Annotations.find(type, RouteReader.HTTP_ROUTE).isPresent()
        || ElementFilter.methodsIn(type.getEnclosedElements()).stream()
            .anyMatch(m -> Annotations.find(m, RouteReader.HTTP_ROUTE).isPresent());
  }

  /** Whether {@code type} is one of the endpoint annotations' classes. */
  public static boolean isEndpoint(TypeElement type) {
    return ENDPOINTS.keySet().stream().anyMatch(a -> Annotations.find(type, a).isPresent());
  }

  private boolean implementsHandler(TypeElement type, EndpointModel.Kind kind,
      AnnotationMirror mirror) {
    String required = switch (kind) {
      case WEBSOCKET -> RuntimeNames.WEBSOCKET_HANDLER;
      case TCP -> RuntimeNames.TCP_HANDLER;
      case UDP -> RuntimeNames.UDP_HANDLER;
    };
    String annotation = "@" + mirror.getAnnotationType().asElement().getSimpleName();
    if (checks.elements().getTypeElement(required) == null) {
      reporter.error(type, mirror, null, BethMessages.HANDLER_INTERFACE, annotation
          + " requires " + type.getSimpleName() + " to implement " + required
          + ", which is not on the classpath; add the beth-runtime dependency.");
      return false;
    }
    if (!checks.isSubtype(type.asType(), required)) {
      reporter.error(type, mirror, null, BethMessages.HANDLER_INTERFACE, type.getSimpleName()
          + " is annotated " + annotation + " but does not implement " + required
          + "; add \"implements " + required.substring(required.lastIndexOf('.') + 1)
          + "\" and its method.");
      return false;
    }
    return true;
  }

  private Optional<List<RouteModel>> interfaceRoutes(TypeElement contract) {
    return interfaces.computeIfAbsent(contract, c -> {
      Optional<String> prefix = routes.prefix(c);
      boolean ok = prefix.isPresent();
      List<RouteModel> found = new ArrayList<>();
      for (ExecutableElement m : ElementFilter.methodsIn(c.getEnclosedElements())) {
        if (Annotations.find(m, RouteReader.HTTP_ROUTE).isPresent()) {
          Optional<RouteModel> route = routes.read(m, c, prefix.orElse(""), true);
          route.ifPresent(found::add);
          ok &= route.isPresent();
        }
      }
      return ok ? Optional.of(found) : Optional.empty();
    });
  }

  /** The interfaces with {@code @HttpRoute} methods that {@code type} implements, transitively. */
  private Set<TypeElement> routeInterfaces(TypeElement type) {
    Set<TypeElement> found = new LinkedHashSet<>();
    collect(type.asType(), found, new java.util.HashSet<>());
    return found;
  }

  private void collect(TypeMirror type, Set<TypeElement> found, Set<TypeElement> seen) {
    for (TypeMirror s : checks.types().directSupertypes(type)) {
      if (!(s instanceof DeclaredType d)) {
        continue;
      }
      TypeElement e = (TypeElement) d.asElement();
      if (!seen.add(e)) {
        continue;
      }
      if (e.getKind() == ElementKind.INTERFACE && hasRoutes(e)) {
        found.add(e);
      }
      collect(s, found, seen);
    }
  }
}
