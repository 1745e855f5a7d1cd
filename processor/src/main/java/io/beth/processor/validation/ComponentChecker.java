package io.beth.processor.validation;

import io.beth.processor.BethMessages;
import io.beth.processor.base.Annotations;
import io.beth.processor.base.Reporter;
import io.beth.processor.base.RuntimeNames;
import io.beth.processor.reading.TypeChecks;
import io.beth.processor.reading.TypeReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Reads the application's Dagger components for the mistakes around Beth's generated modules that
 * Dagger would report in its own terms: asking for {@code BethApplication} without {@code
 * BethModule}, or for a route interface without its {@code _BethClientModule}; asking for a
 * generated {@code _BethClient} class instead of its interface; listing a generated class that is
 * not a module among the modules. A component is checked once everything it names resolves (Beth's
 * own modules resolve in the round after Beth generates them).
 */
public final class ComponentChecker {

  private static final String COMPONENT = RuntimeNames.DAGGER_COMPONENT;
  private static final String MODULE = RuntimeNames.DAGGER_MODULE;
  private static final List<String> WRAPPERS =
      List.of(RuntimeNames.JAKARTA_PROVIDER, RuntimeNames.JAVAX_PROVIDER, RuntimeNames.DAGGER_LAZY);
  private static final String CLIENT = "_BethClient";
  private static final String CLIENT_MODULE = "_BethClientModule";

  private final Reporter reporter;
  private final TypeChecks checks;

  public ComponentChecker(Reporter reporter, TypeChecks checks) {
    this.reporter = reporter;
    this.checks = checks;
  }

  /** Whether {@code type} is annotated {@code @dagger.Component}. */
  public static boolean isComponent(TypeElement type) {
    return Annotations.find(type, COMPONENT).isPresent();
  }

  /**
   * Checks component {@code component}, once its modules, dependencies and requests all resolve;
   * {@code module} is the qualified name of the {@code BethModule} this compilation generates, if
   * any. Returns false, reporting nothing, while something does not resolve (Beth's generated
   * modules resolve in the next round), so the caller asks again then.
   */
  public boolean check(TypeElement component, Optional<String> module) {
    AnnotationMirror mirror = Annotations.find(component, COMPONENT).orElseThrow();
    Set<String> provided = new HashSet<>();
    for (TypeMirror m : types(Annotations.value(mirror, "modules"))) {
      if (m == null) {
        return false;
      }
      TypeElement type = (TypeElement) ((DeclaredType) m).asElement();
      String simple = type.getSimpleName().toString();
      if (Annotations.find(type, MODULE).isEmpty()
          && (simple.endsWith(CLIENT) || simple.equals("BethRouter"))) {
        String fix =
            simple.equals("BethRouter")
                ? "BethModule"
                : simple.substring(0, simple.length() - CLIENT.length()) + CLIENT_MODULE;
        reporter.error(
            component,
            mirror,
            Annotations.value(mirror, "modules"),
            BethMessages.COMPONENT_INCLUDES,
            component.getSimpleName()
                + " lists "
                + simple
                + " among its modules, but it is a class Beth generates, not a Dagger module;"
                + " list "
                + fix
                + ".class instead.");
        return true;
      }
      if (!provides(type, provided, new HashSet<>())) {
        return false;
      }
    }
    for (TypeMirror d : types(Annotations.value(mirror, "dependencies"))) {
      if (d == null) {
        return false;
      }
      for (ExecutableElement m :
          ElementFilter.methodsIn(
              checks.elements().getAllMembers((TypeElement) ((DeclaredType) d).asElement()))) {
        provided.add(name(m.getReturnType()));
      }
    }
    for (TypeElement nested : ElementFilter.typesIn(component.getEnclosedElements())) {
      for (ExecutableElement m : ElementFilter.methodsIn(nested.getEnclosedElements())) {
        m.getParameters().forEach(p -> provided.add(name(p.asType())));
      }
    }
    List<ExecutableElement> requests = new ArrayList<>();
    for (ExecutableElement m :
        ElementFilter.methodsIn(checks.elements().getAllMembers(component))) {
      if (m.getModifiers().contains(Modifier.ABSTRACT)
          && m.getParameters().isEmpty()
          && m.getReturnType().getKind() != TypeKind.VOID) {
        if (TypeChecks.unresolved(m.getReturnType())) {
          return false;
        }
        requests.add(m);
      }
    }
    for (ExecutableElement m : requests) {
      checkRequest(component, m, unwrap(m.getReturnType()), provided, module);
    }
    return true;
  }

  private void checkRequest(
      TypeElement component,
      ExecutableElement method,
      TypeMirror type,
      Set<String> provided,
      Optional<String> module) {
    Element at = method.getEnclosingElement().equals(component) ? method : component;
    String request = component.getSimpleName() + "." + method.getSimpleName() + "()";
    String name = name(type);
    String simple = name.substring(name.lastIndexOf('.') + 1);
    if (type.getKind() == TypeKind.DECLARED
        && simple.endsWith(CLIENT)
        && simple.length() > CLIENT.length()
        && ((DeclaredType) type).asElement().getKind() == ElementKind.CLASS) {
      String api = simple.substring(0, simple.length() - CLIENT.length());
      reporter.error(
          at,
          BethMessages.COMPONENT_REQUEST,
          request
              + " asks for "
              + simple
              + ", the class Beth generates to implement "
              + api
              + "; ask for the interface "
              + api
              + " instead, which "
              + api
              + CLIENT_MODULE
              + " provides.");
      return;
    }
    if (provided.contains(name)) {
      return;
    }
    if (name.equals(RuntimeNames.BETH_APPLICATION)) {
      reporter.error(
          at,
          BethMessages.COMPONENT_MODULE,
          request
              + " asks for BethApplication,"
              + " but none of "
              + component.getSimpleName()
              + "'s modules provides it; add "
              + module
                  .map(m -> m + ".class (generated by Beth from this compilation's handlers)")
                  .orElse("the BethModule that Beth generates beside your handlers")
              + " to @Component(modules = ...).");
      return;
    }
    if (type.getKind() == TypeKind.DECLARED) {
      TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
      if (element.getKind() == ElementKind.INTERFACE && TypeReader.hasRoutes(element)) {
        String clientModule =
            checks.elements().getPackageOf(element).getQualifiedName()
                + "."
                + String.join("_", nestedNames(element))
                + CLIENT_MODULE;
        reporter.error(
            at,
            BethMessages.COMPONENT_MODULE,
            request
                + " asks for the route"
                + " interface "
                + element.getSimpleName()
                + ", but none of "
                + component.getSimpleName()
                + "'s modules provides it; add "
                + clientModule
                + ".class (its generated client's module) to @Component(modules = ...).");
      }
    }
  }

  /** Adds what {@code module} and its includes provide; false if one of them did not resolve. */
  private boolean provides(TypeElement module, Set<String> provided, Set<TypeElement> seen) {
    if (!seen.add(module)) {
      return true;
    }
    for (ExecutableElement m : ElementFilter.methodsIn(checks.elements().getAllMembers(module))) {
      provided.add(name(m.getReturnType()));
    }
    Optional<AnnotationMirror> mirror = Annotations.find(module, MODULE);
    if (mirror.isEmpty()) {
      return true;
    }
    for (TypeMirror include : types(Annotations.value(mirror.get(), "includes"))) {
      if (include == null) {
        return false;
      }
      if (!provides((TypeElement) ((DeclaredType) include).asElement(), provided, seen)) {
        return false;
      }
    }
    return true;
  }

  private TypeMirror unwrap(TypeMirror type) {
    for (String wrapper : WRAPPERS) {
      if (checks.is(type, wrapper) && checks.arguments(type).size() == 1) {
        return checks.arguments(type).get(0);
      }
    }
    return type;
  }

  private String name(TypeMirror type) {
    if (type.getKind() == TypeKind.DECLARED) {
      return ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
    }
    return type.toString();
  }

  private static List<String> nestedNames(TypeElement type) {
    List<String> names = new ArrayList<>();
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      names.add(0, t.getSimpleName().toString());
    }
    return names;
  }

  /**
   * The class literals of {@code value}: an unresolved one is an error type, or is not a type at
   * all (javac gives its text), so any value that is not a declared type reads as unresolved.
   */
  private static List<TypeMirror> types(AnnotationValue value) {
    List<TypeMirror> types = new ArrayList<>();
    List<?> values = value.getValue() instanceof List<?> list ? list : List.of(value);
    for (Object v : values) {
      Object type = ((AnnotationValue) v).getValue();
      types.add(type instanceof TypeMirror t && t.getKind() == TypeKind.DECLARED ? t : null);
    }
    return types;
  }
}
