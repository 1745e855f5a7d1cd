package io.beth.processor.reading;

import io.beth.processor.BethMessages;
import io.beth.processor.base.Annotations;
import io.beth.processor.base.Reporter;
import io.beth.processor.base.RuntimeNames;
import io.beth.processor.model.Construction;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Decides whether Dagger can construct a handler class. The rule: the class is public, concrete,
 * top-level or static nested in public types (the generated module names it from its own package);
 * and it has exactly one non-private {@code @Inject} constructor ({@code jakarta} or {@code
 * javax}), or else a public constructor without parameters, which the generated module calls. A
 * record's {@code @Inject} constructor is called by the generated module, since Dagger does not
 * construct records. Another framework's inject annotation, and {@code @Inject} fields or methods
 * that a constructor call would leave unset, are reported with the fix.
 */
public final class ConstructionChecker {

  /** Inject annotations of other frameworks, with what to use instead. */
  private static final Map<String, String> FOREIGN_INJECT =
      Map.of(
          "com.google.inject.Inject", "Guice's",
          "org.springframework.beans.factory.annotation.Autowired", "Spring's",
          "jakarta.annotation.Resource", "Jakarta EE's",
          "javax.annotation.Resource", "Java EE's");

  private final Reporter reporter;
  private final TypeChecks checks;

  public ConstructionChecker(Reporter reporter, TypeChecks checks) {
    this.reporter = reporter;
    this.checks = checks;
  }

  /** How Dagger obtains {@code type}, or empty after reporting why it cannot. */
  public Optional<Construction> check(TypeElement type) {
    String name = type.getSimpleName().toString();
    String problem = shapeProblem(type);
    if (problem != null) {
      reporter.error(
          type,
          BethMessages.HANDLER_CONSTRUCTOR,
          "Dagger cannot construct " + name + ": " + problem + ".");
      return Optional.empty();
    }
    List<ExecutableElement> constructors = ElementFilter.constructorsIn(type.getEnclosedElements());
    List<ExecutableElement> injected =
        constructors.stream().filter(ConstructionChecker::isInject).toList();
    if (injected.size() > 1) {
      reporter.error(
          injected.get(1),
          BethMessages.HANDLER_CONSTRUCTOR,
          "Dagger cannot construct "
              + name
              + ": it has "
              + injected.size()
              + " @Inject constructors; keep @Inject on exactly one.");
      return Optional.empty();
    }
    if (injected.size() == 1) {
      if (injected.get(0).getModifiers().contains(Modifier.PRIVATE)) {
        reporter.error(
            injected.get(0),
            BethMessages.HANDLER_CONSTRUCTOR,
            "Dagger cannot construct "
                + name
                + ": its @Inject constructor is private;"
                + " make it package-private or public.");
        return Optional.empty();
      }
      if (type.getKind() == ElementKind.RECORD) {
        return recordProblem(injected.get(0), name)
            ? Optional.empty()
            : Optional.of(Construction.RECORD_INJECT);
      }
      return Optional.of(Construction.INJECT);
    }
    for (ExecutableElement c : constructors) {
      for (AnnotationMirror m : c.getAnnotationMirrors()) {
        String annotation =
            ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().toString();
        if (FOREIGN_INJECT.containsKey(annotation)) {
          reporter.error(
              c,
              m,
              null,
              BethMessages.HANDLER_CONSTRUCTOR,
              "Dagger cannot construct "
                  + name
                  + " through this constructor: @"
                  + annotation
                  + " is "
                  + FOREIGN_INJECT.get(annotation)
                  + ", which Dagger does not read; annotate it with"
                  + " @jakarta.inject.Inject instead.");
          return Optional.empty();
        }
      }
    }
    boolean noArg =
        constructors.stream()
            .anyMatch(
                c -> c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC));
    if (noArg) {
      return members(type, name) ? Optional.of(Construction.NO_ARG) : Optional.empty();
    }
    reporter.error(
        type,
        BethMessages.HANDLER_CONSTRUCTOR,
        "Dagger cannot construct "
            + name
            + ": it has no @Inject constructor and no public"
            + " constructor without parameters; annotate one constructor with"
            + " @jakarta.inject.Inject, or add a public constructor without parameters.");
    return Optional.empty();
  }

  private static boolean isInject(Element element) {
    return Annotations.find(element, RuntimeNames.JAKARTA_INJECT).isPresent()
        || Annotations.find(element, RuntimeNames.JAVAX_INJECT).isPresent();
  }

  /**
   * Whether {@code type}, constructed by the module with its constructor without parameters, has no
   * {@code @Inject} field or method (which nothing would set); reports the first otherwise.
   */
  private boolean members(TypeElement type, String name) {
    for (Element member : type.getEnclosedElements()) {
      if ((member.getKind() == ElementKind.FIELD || member.getKind() == ElementKind.METHOD)
          && isInject(member)) {
        reporter.error(
            member,
            BethMessages.HANDLER_MEMBERS,
            "@Inject "
                + (member.getKind() == ElementKind.FIELD ? "field " : "method ")
                + member.getSimpleName()
                + " of "
                + name
                + " would never be set: "
                + name
                + " has no @Inject constructor, so Beth's module"
                + " creates it with new "
                + name
                + "() and Dagger injects nothing into it; annotate"
                + " the constructor with @jakarta.inject.Inject (or take the dependency as a"
                + " constructor parameter).");
        return false;
      }
    }
    return true;
  }

  /** Whether the module cannot call a record's {@code @Inject} constructor; reports why. */
  private boolean recordProblem(ExecutableElement constructor, String name) {
    for (TypeMirror thrown : constructor.getThrownTypes()) {
      if (!checks.isSubtype(thrown, "java.lang.RuntimeException")
          && !checks.isSubtype(thrown, "java.lang.Error")) {
        reporter.error(
            constructor,
            BethMessages.HANDLER_CONSTRUCTOR,
            "Dagger cannot construct "
                + name
                + ": its @Inject constructor throws "
                + thrown
                + ", a checked exception,"
                + " which a Dagger provider may not throw; catch it in the constructor.");
        return true;
      }
    }
    return false;
  }

  private static String shapeProblem(TypeElement type) {
    if (type.getKind() != ElementKind.CLASS && type.getKind() != ElementKind.RECORD) {
      return "it is " + article(type.getKind()) + "; declare a class instead";
    }
    if (!type.getTypeParameters().isEmpty()) {
      return "it is generic; declare a class without type parameters (it may extend a generic one)";
    }
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      return "it is abstract; annotate a concrete class";
    }
    for (Element e = type; e instanceof TypeElement t; e = t.getEnclosingElement()) {
      if (!t.getModifiers().contains(Modifier.PUBLIC)) {
        return (t == type ? "it is" : "its enclosing " + t.getSimpleName() + " is")
            + " not public; make it public, since Beth's generated module refers to it";
      }
      if (t.getNestingKind() == NestingKind.MEMBER
          && !t.getModifiers().contains(Modifier.STATIC)
          && t.getKind() == ElementKind.CLASS) {
        return "it is an inner class; make it static or top-level";
      }
      if (t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS) {
        return "it is a local class; make it top-level";
      }
    }
    return null;
  }

  private static String article(ElementKind kind) {
    String word = kind.toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
  }
}
