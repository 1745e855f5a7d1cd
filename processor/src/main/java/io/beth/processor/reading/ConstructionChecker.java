package io.beth.processor.reading;

import io.beth.processor.BethMessages;
import io.beth.processor.base.Annotations;
import io.beth.processor.base.Reporter;
import io.beth.processor.base.RuntimeNames;
import io.beth.processor.model.Construction;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Decides whether Dagger can construct a handler class. The rule: the class is public, concrete,
 * top-level or static nested in public types (the generated module names it from its own
 * package); and it has exactly one non-private {@code @Inject} constructor ({@code jakarta} or
 * {@code javax}), or else a public constructor without parameters, which the generated module
 * calls.
 */
public final class ConstructionChecker {

  private final Reporter reporter;

  public ConstructionChecker(Reporter reporter) {
    this.reporter = reporter;
  }

  /** How Dagger obtains {@code type}, or empty after reporting why it cannot. */
  public Optional<Construction> check(TypeElement type) {
    String name = type.getSimpleName().toString();
    String problem = shapeProblem(type);
    if (problem != null) {
      reporter.error(type, BethMessages.HANDLER_CONSTRUCTOR,
          "Dagger cannot construct " + name + ": " + problem + ".");
      return Optional.empty();
    }
    List<ExecutableElement> constructors =
        ElementFilter.constructorsIn(type.getEnclosedElements());
    List<ExecutableElement> injected = constructors.stream()
        .filter(c -> Annotations.find(c, RuntimeNames.JAKARTA_INJECT).isPresent()
            || Annotations.find(c, RuntimeNames.JAVAX_INJECT).isPresent())
        .toList();
    if (injected.size() > 1) {
      reporter.error(injected.get(1), BethMessages.HANDLER_CONSTRUCTOR,
          "Dagger cannot construct " + name + ": it has " + injected.size()
              + " @Inject constructors; keep @Inject on exactly one.");
      return Optional.empty();
    }
    if (injected.size() == 1) {
      if (injected.get(0).getModifiers().contains(Modifier.PRIVATE)) {
        reporter.error(injected.get(0), BethMessages.HANDLER_CONSTRUCTOR,
            "Dagger cannot construct " + name + ": its @Inject constructor is private;"
                + " make it package-private or public.");
        return Optional.empty();
      }
      return Optional.of(Construction.INJECT);
    }
    boolean noArg = constructors.stream().anyMatch(
        c -> c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC));
    if (noArg) {
      return Optional.of(Construction.NO_ARG);
    }
    reporter.error(type, BethMessages.HANDLER_CONSTRUCTOR,
        "Dagger cannot construct " + name + ": it has no @Inject constructor and no public"
            + " constructor without parameters; annotate one constructor with"
            + " @jakarta.inject.Inject, or add a public constructor without parameters.");
    return Optional.empty();
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
      if (t.getNestingKind() == NestingKind.MEMBER && !t.getModifiers().contains(Modifier.STATIC)
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
