package io.beth.processor.reading;

import io.beth.processor.BethMessages;
import io.beth.processor.base.Annotations;
import io.beth.processor.base.Reporter;
import io.beth.processor.model.ClientModel;
import io.beth.processor.model.RouteModel;
import io.beth.processor.model.ServerModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Reads route types into models: route interfaces into clients, classes with routes into servers
 * (with the routes of the route interfaces they implement). Every mistake is reported once; a
 * server or client keeps the routes that read cleanly, so the application's wiring can still be
 * generated and javac and Dagger add no errors of their own after Beth's.
 */
public final class TypeReader {

  /** The routes of one route interface: the valid ones, and every method declaring one. */
  private record InterfaceRoutes(List<RouteModel> routes, List<ExecutableElement> declared) {}

  private final Reporter reporter;
  private final TypeChecks checks;
  private final RouteReader routes;
  private final ConstructionChecker construction;
  private final RouteInterfaces routeInterfaces;

  /** Interface routes read once, shared by the client and every server implementing them. */
  private final Map<TypeElement, InterfaceRoutes> interfaces = new HashMap<>();

  public TypeReader(Reporter reporter, TypeChecks checks) {
    this.reporter = reporter;
    this.checks = checks;
    this.routes = new RouteReader(reporter, checks);
    this.construction = new ConstructionChecker(reporter, checks);
    this.routeInterfaces = new RouteInterfaces(checks);
  }

  /**
   * The client model of route interface {@code type}, with the routes it inherits from other route
   * interfaces; empty when no class can implement it (it is generic or private).
   */
  public Optional<ClientModel> client(TypeElement type) {
    List<RouteModel> found = new ArrayList<>(interfaceRoutes(type).routes());
    for (TypeElement parent : routeInterfaces.of(type)) {
      for (RouteModel route : interfaceRoutes(parent).routes()) {
        boolean redeclared =
            interfaceRoutes(type).declared().stream()
                .anyMatch(m -> checks.elements().overrides(m, route.method(), type));
        if (!redeclared) {
          found.add(route);
        }
      }
    }
    boolean implementable = implementable(type);
    checkAbstractMethods(type);
    if (!implementable) {
      return Optional.empty();
    }
    List<ExecutableElement> stubs = new ArrayList<>();
    for (ExecutableElement m : ElementFilter.methodsIn(checks.elements().getAllMembers(type))) {
      if (m.getModifiers().contains(Modifier.ABSTRACT)
          && found.stream().noneMatch(r -> r.method().equals(m))) {
        stubs.add(m);
      }
    }
    return Optional.of(
        new ClientModel(type, found, stubs, stubs.stream().noneMatch(TypeChecks::unresolved)));
  }

  /**
   * Whether a generated class can implement {@code type} at all: it is not generic (reported where
   * its routes are read) or private.
   */
  private boolean implementable(TypeElement type) {
    String name = type.getSimpleName().toString();
    if (!type.getTypeParameters().isEmpty()) {
      return false;
    }
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        reporter.error(
            type,
            BethMessages.CLIENT_INTERFACE,
            "Route interface "
                + name
                + " is private"
                + (t == type ? "" : " inside " + t.getSimpleName())
                + "; its generated"
                + " client is a class of the same package, so make it package-private or public.");
        return false;
      }
    }
    return true;
  }

  /** Reports the abstract methods of {@code type} that its client cannot implement as routes. */
  private void checkAbstractMethods(TypeElement type) {
    String name = type.getSimpleName().toString();
    for (ExecutableElement m : ElementFilter.methodsIn(checks.elements().getAllMembers(type))) {
      if (!m.getModifiers().contains(Modifier.ABSTRACT) || TypeChecks.unresolved(m)) {
        continue;
      }
      TypeElement owner = (TypeElement) m.getEnclosingElement();
      String method = owner.getSimpleName() + "." + m.getSimpleName() + "()";
      Element at = owner.equals(type) ? m : type;
      if (Annotations.find(m, RouteReader.HTTP_ROUTE).isEmpty()) {
        reporter.error(
            at,
            BethMessages.CLIENT_INTERFACE,
            "Method "
                + method
                + " of route"
                + " interface "
                + name
                + " has no @HttpRoute, so its generated client cannot implement"
                + " it; annotate it with @HttpRoute, give it a default body, or move it to another"
                + " interface.");
      } else if (!m.getTypeParameters().isEmpty()) {
        reporter.error(
            at,
            BethMessages.CLIENT_INTERFACE,
            "Route method "
                + method
                + " declares type parameters; a client cannot tell what to decode, so use concrete"
                + " types.");
      }
    }
  }

  /**
   * The server model of class {@code type}, with the routes that read cleanly; empty when Beth
   * cannot serve the class at all (it is abstract, or Dagger cannot construct it).
   */
  public Optional<ServerModel> server(TypeElement type) {
    RouteReader.Prefix prefix = routes.prefix(type);
    Set<TypeElement> contracts = routeInterfaces.of(type);
    List<ExecutableElement> contractMethods = new ArrayList<>();
    contracts.forEach(c -> contractMethods.addAll(interfaceRoutes(c).declared()));
    List<RouteModel> found = new ArrayList<>();
    List<ExecutableElement> own =
        ElementFilter.methodsIn(type.getEnclosedElements()).stream()
            .filter(m -> Annotations.find(m, RouteReader.HTTP_ROUTE).isPresent())
            .toList();
    for (ExecutableElement method : own) {
      Optional<ExecutableElement> contract =
          contractMethods.stream()
              .filter(c -> checks.elements().overrides(method, c, type))
              .findFirst();
      if (contract.isPresent()) {
        reportOverride(method, contract.get());
        continue;
      }
      routes.read(method, type, prefix, false).ifPresent(found::add);
    }
    int inheritedCount = 0;
    for (TypeElement contract : contracts) {
      for (RouteModel route : interfaceRoutes(contract).routes()) {
        found.add(inheritedCount++, route); // contract first: clashes land on the class's own
      }
    }
    if (type.getModifiers().contains(Modifier.ABSTRACT) && type.getKind() == ElementKind.CLASS) {
      reporter.error(
          type,
          BethMessages.ROUTE_ABSTRACT_CLASS,
          type.getSimpleName()
              + " is abstract, so Beth cannot serve it, and its routes are not served by its"
              + " subclasses either (Beth serves a class's own @HttpRoute methods and those of the"
              + " route interfaces it implements, not routes inherited from a class); declare the"
              + " routes in an interface, implement it in a concrete class, and annotate that class"
              + " with @HttpRoute.");
      return Optional.empty();
    }
    checkUseful(type, own, contracts);
    return construction.check(type).map(how -> new ServerModel(type, found, how));
  }

  /** Warns about a type-level {@code @HttpRoute} that serves nothing or whose prefix is unused. */
  private void checkUseful(
      TypeElement type, List<ExecutableElement> own, Set<TypeElement> contracts) {
    Optional<AnnotationMirror> mirror = Annotations.find(type, RouteReader.HTTP_ROUTE);
    if (mirror.isEmpty() || !own.isEmpty()) {
      return;
    }
    String name = type.getSimpleName().toString();
    if (contracts.isEmpty()) {
      reporter.warning(
          type,
          BethMessages.ROUTE_NONE,
          name
              + " is annotated @HttpRoute but has"
              + " no routes, so it serves nothing; annotate its methods with @HttpRoute(method = ...,"
              + " path = ...), or implement a route interface.");
    } else if (!Annotations.string(mirror.get(), "path").isEmpty()) {
      reporter.warning(
          type,
          BethMessages.ROUTE_PREFIX_UNUSED,
          "The path prefix of "
              + name
              + " applies to its own @HttpRoute methods only, and it has none: the routes of "
              + contracts.iterator().next().getSimpleName()
              + " keep the paths their interface"
              + " declares. Put the prefix on the interface (@HttpRoute(path = ...) on the"
              + " interface), or remove it here.");
    }
  }

  private void reportOverride(ExecutableElement method, ExecutableElement contract) {
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    TypeElement api = (TypeElement) contract.getEnclosingElement();
    AnnotationMirror route = Annotations.find(contract, RouteReader.HTTP_ROUTE).orElseThrow();
    String template =
        interfaceRoutes(api).routes().stream()
            .filter(r -> r.method().equals(contract))
            .map(r -> r.template().text())
            .findFirst()
            .orElse(Annotations.string(route, "path"));
    reporter.error(
        method,
        BethMessages.ROUTE_OVERRIDE,
        owner.getSimpleName()
            + "."
            + method.getSimpleName()
            + "() overrides the route "
            + api.getSimpleName()
            + "."
            + contract.getSimpleName()
            + "() ("
            + Annotations.string(route, "method")
            + " "
            + template
            + "), which its interface declares for both the"
            + " server and the client; remove @HttpRoute from the override (its method, path and"
            + " parameter bindings come from the interface), or change the route in the interface.");
  }

  /** Whether {@code type} has a type-level {@code @HttpRoute} or {@code @HttpRoute} methods. */
  public static boolean hasRoutes(TypeElement type) {
    return Annotations.find(type, RouteReader.HTTP_ROUTE).isPresent()
        || ElementFilter.methodsIn(type.getEnclosedElements()).stream()
            .anyMatch(m -> Annotations.find(m, RouteReader.HTTP_ROUTE).isPresent());
  }

  private InterfaceRoutes interfaceRoutes(TypeElement contract) {
    return interfaces.computeIfAbsent(
        contract,
        c -> {
          boolean generic = !c.getTypeParameters().isEmpty();
          if (generic) {
            reporter.error(
                c,
                BethMessages.CLIENT_INTERFACE,
                "Route interface "
                    + c.getSimpleName()
                    + " declares type parameters; its generated client implements one concrete"
                    + " interface, so remove them and use concrete types in the routes.");
          }
          RouteReader.Prefix prefix = routes.prefix(c);
          List<RouteModel> found = new ArrayList<>();
          List<ExecutableElement> declared = new ArrayList<>();
          for (ExecutableElement m : ElementFilter.methodsIn(c.getEnclosedElements())) {
            if (Annotations.find(m, RouteReader.HTTP_ROUTE).isPresent()) {
              declared.add(m);
              if (!generic) { // its routes' types are the parameters': one error is enough
                routes.read(m, c, prefix, true).ifPresent(found::add);
              }
            }
          }
          return new InterfaceRoutes(found, declared);
        });
  }
}
