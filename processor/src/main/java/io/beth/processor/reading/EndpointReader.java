package io.beth.processor.reading;

import io.beth.processor.BethMessages;
import io.beth.processor.base.Annotations;
import io.beth.processor.base.Reporter;
import io.beth.processor.base.RuntimeNames;
import io.beth.processor.model.Construction;
import io.beth.processor.model.EndpointModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * Reads a WebSocket, TCP or UDP handler class into its endpoint model: one kind of handler per
 * class (checked first, so a class with two kinds gets that one error), the handler interface it
 * must implement, and its path or port.
 */
public final class EndpointReader {

  /** The endpoint annotations, with the kind each one gives. */
  private static final Map<String, EndpointModel.Kind> ENDPOINTS = endpoints();

  private final Reporter reporter;
  private final TypeChecks checks;
  private final ConstructionChecker construction;

  public EndpointReader(Reporter reporter, TypeChecks checks) {
    this.reporter = reporter;
    this.checks = checks;
    this.construction = new ConstructionChecker(reporter, checks);
  }

  private static Map<String, EndpointModel.Kind> endpoints() {
    Map<String, EndpointModel.Kind> kinds = new LinkedHashMap<>();
    kinds.put("io.beth.annotations.WebSocketEndpoint", EndpointModel.Kind.WEBSOCKET);
    kinds.put("io.beth.annotations.TcpHandler", EndpointModel.Kind.TCP);
    kinds.put("io.beth.annotations.UdpSocket", EndpointModel.Kind.UDP);
    return kinds;
  }

  /** Whether {@code type} carries one of the endpoint annotations. */
  public static boolean isEndpoint(TypeElement type) {
    return ENDPOINTS.keySet().stream().anyMatch(a -> Annotations.find(type, a).isPresent());
  }

  /** The endpoint model of {@code type}, if it reads cleanly. */
  public Optional<EndpointModel> read(TypeElement type) {
    List<String> kinds = new ArrayList<>();
    ENDPOINTS.keySet().stream()
        .filter(a -> Annotations.find(type, a).isPresent())
        .forEach(a -> kinds.add("@" + a.substring(a.lastIndexOf('.') + 1)));
    if (TypeReader.hasRoutes(type)) {
      kinds.add("@HttpRoute");
    }
    if (kinds.size() > 1) {
      reporter.error(
          type,
          BethMessages.HANDLER_KIND,
          type.getSimpleName()
              + " carries "
              + String.join(" and ", kinds)
              + ", but a class handles one protocol; give each its"
              + " own class.");
      return Optional.empty();
    }
    String annotation =
        ENDPOINTS.keySet().stream()
            .filter(a -> Annotations.find(type, a).isPresent())
            .findFirst()
            .orElseThrow();
    EndpointModel.Kind kind = ENDPOINTS.get(annotation);
    AnnotationMirror mirror = Annotations.find(type, annotation).orElseThrow();
    Optional<Construction> how = construction.check(type);
    boolean ok = how.isPresent();
    ok &= implementsHandler(type, kind, mirror);
    String path = "";
    int port = 0;
    if (kind == EndpointModel.Kind.WEBSOCKET) {
      AnnotationValue value = Annotations.value(mirror, "path");
      path = (String) value.getValue();
      TemplateParser.Parsed parsed = TemplateParser.parse(path);
      if (!parsed.ok() || !parsed.template().placeholders().isEmpty()) {
        reporter.error(
            type,
            mirror,
            value,
            BethMessages.ROUTE_TEMPLATE,
            parsed.ok()
                ? "A WebSocket endpoint path is literal; remove the placeholders from \""
                    + path
                    + "\"."
                : parsed.problem());
        ok = false;
      }
    } else {
      AnnotationValue value = Annotations.value(mirror, "port");
      port = (Integer) value.getValue();
      if (port < 0 || port > 65535) {
        reporter.error(
            type,
            mirror,
            value,
            BethMessages.PORT_RANGE,
            "Port "
                + port
                + " of "
                + type.getSimpleName()
                + " is out of range; use 1 to 65535, or 0 to pick a"
                + " free port.");
        ok = false;
      }
    }
    return ok
        ? Optional.of(new EndpointModel(kind, type, path, port, how.get()))
        : Optional.empty();
  }

  private boolean implementsHandler(
      TypeElement type, EndpointModel.Kind kind, AnnotationMirror mirror) {
    String required =
        switch (kind) {
          case WEBSOCKET -> RuntimeNames.WEBSOCKET_HANDLER;
          case TCP -> RuntimeNames.TCP_HANDLER;
          case UDP -> RuntimeNames.UDP_HANDLER;
        };
    String annotation = "@" + mirror.getAnnotationType().asElement().getSimpleName();
    if (checks.elements().getTypeElement(required) == null) {
      reporter.error(
          type,
          mirror,
          null,
          BethMessages.HANDLER_INTERFACE,
          annotation
              + " requires "
              + type.getSimpleName()
              + " to implement "
              + required
              + ", which is not on the classpath; add the beth-runtime dependency.");
      return false;
    }
    if (!checks.isSubtype(type.asType(), required)) {
      for (TypeMirror s : checks.types().directSupertypes(type.asType())) {
        if (TypeChecks.unresolved(s)) {
          return false; // javac reports the missing supertype; it may be the handler interface
        }
      }
      reporter.error(
          type,
          mirror,
          null,
          BethMessages.HANDLER_INTERFACE,
          type.getSimpleName()
              + " is annotated "
              + annotation
              + " but does not implement "
              + required
              + "; add \"implements "
              + required.substring(required.lastIndexOf('.') + 1)
              + "\" and its method.");
      return false;
    }
    return true;
  }
}
