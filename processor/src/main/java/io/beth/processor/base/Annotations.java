package io.beth.processor.base;

import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** Reads annotation mirrors without loading annotation classes. */
public final class Annotations {

  private Annotations() {}

  /** The mirror of the annotation named {@code qualifiedName} on {@code element}, if present. */
  public static Optional<AnnotationMirror> find(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(qualifiedName)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  /** The value of {@code name} as written, if the annotation sets it explicitly. */
  public static Optional<AnnotationValue> explicit(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  /** The value of {@code name}, written or default. */
  public static AnnotationValue value(AnnotationMirror mirror, String name) {
    return explicit(mirror, name)
        .orElseGet(
            () -> {
              for (ExecutableElement m :
                  ((TypeElement) mirror.getAnnotationType().asElement())
                      .getEnclosedElements().stream()
                          .filter(ExecutableElement.class::isInstance)
                          .map(ExecutableElement.class::cast)
                          .toList()) {
                if (m.getSimpleName().contentEquals(name)) {
                  return m.getDefaultValue();
                }
              }
              throw new IllegalArgumentException("no member " + name + " on " + mirror);
            });
  }

  /** The string value of {@code name}. */
  public static String string(AnnotationMirror mirror, String name) {
    return (String) value(mirror, name).getValue();
  }
}
