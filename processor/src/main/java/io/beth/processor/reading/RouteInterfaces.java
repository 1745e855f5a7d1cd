package io.beth.processor.reading;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Finds the route interfaces (interfaces with {@code @HttpRoute} methods) a type implements. */
public final class RouteInterfaces {

  private final TypeChecks checks;

  public RouteInterfaces(TypeChecks checks) {
    this.checks = checks;
  }

  /** The route interfaces {@code type} implements or extends, transitively, nearest first. */
  public Set<TypeElement> of(TypeElement type) {
    Set<TypeElement> found = new LinkedHashSet<>();
    collect(type.asType(), found, new HashSet<>());
    return found;
  }

  private void collect(TypeMirror type, Set<TypeElement> found, Set<TypeElement> seen) {
    for (TypeMirror s : checks.types().directSupertypes(type)) {
      if (!(s instanceof DeclaredType d) || s.getKind() == TypeKind.ERROR) {
        continue;
      }
      TypeElement e = (TypeElement) d.asElement();
      if (!seen.add(e)) {
        continue;
      }
      if (e.getKind() == ElementKind.INTERFACE && TypeReader.hasRoutes(e)) {
        found.add(e);
      }
      collect(s, found, seen);
    }
  }
}
