package io.beth.processor.reading;

import io.beth.processor.model.Conversion;
import io.beth.processor.model.Conversion.Kind;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 * Finds how text converts to a parameter type: primitives and boxes, {@code String}, enums, {@code
 * UUID}, then a public static {@code valueOf(String)}, {@code of(String)}, {@code
 * parse(CharSequence)} or {@code parse(String)} returning the type, then a public {@code String}
 * constructor.
 */
public final class ConversionResolver {

  /** The factories tried, in order, as name and parameter type. */
  private static final List<List<String>> FACTORIES =
      List.of(
          List.of("valueOf", "java.lang.String"),
          List.of("of", "java.lang.String"),
          List.of("parse", "java.lang.CharSequence"),
          List.of("parse", "java.lang.String"),
          List.of("fromString", "java.lang.String"));

  private final TypeChecks checks;

  public ConversionResolver(TypeChecks checks) {
    this.checks = checks;
  }

  /** The conversion to {@code type}, or empty when there is none. */
  public Optional<Conversion> resolve(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return Optional.of(new Conversion(Kind.PRIMITIVE, type, ""));
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    if (checks.is(type, "java.lang.String") || checks.is(type, "java.lang.CharSequence")) {
      return Optional.of(new Conversion(Kind.STRING, type, ""));
    }
    try {
      checks.types().unboxedType(type);
      return Optional.of(new Conversion(Kind.PRIMITIVE, type, ""));
    } catch (IllegalArgumentException notABox) {
      // not a box: try the other families
    }
    DeclaredType declared = (DeclaredType) type;
    TypeElement element = (TypeElement) declared.asElement();
    if (!declared.getTypeArguments().isEmpty()) {
      return Optional.empty();
    }
    if (element.getKind() == ElementKind.ENUM) {
      return Optional.of(new Conversion(Kind.ENUM, type, ""));
    }
    List<ExecutableElement> methods = ElementFilter.methodsIn(element.getEnclosedElements());
    for (List<String> factory : FACTORIES) {
      for (ExecutableElement m : methods) {
        if (m.getSimpleName().contentEquals(factory.get(0))
            && m.getModifiers().containsAll(Set.of(Modifier.PUBLIC, Modifier.STATIC))
            && takesOne(m, factory.get(1))
            && checks.types().isAssignable(m.getReturnType(), type)) {
          return Optional.of(new Conversion(Kind.FACTORY, type, factory.get(0)));
        }
      }
    }
    if (!element.getModifiers().contains(Modifier.ABSTRACT)) {
      for (ExecutableElement c : ElementFilter.constructorsIn(element.getEnclosedElements())) {
        if (c.getModifiers().contains(Modifier.PUBLIC) && takesOne(c, "java.lang.String")) {
          return Optional.of(new Conversion(Kind.CONSTRUCTOR, type, ""));
        }
      }
    }
    return Optional.empty();
  }

  private boolean takesOne(ExecutableElement executable, String parameterType) {
    if (executable.getParameters().size() != 1 || !executable.getTypeParameters().isEmpty()) {
      return false;
    }
    Element param = executable.getParameters().get(0);
    return checks.is(param.asType(), parameterType);
  }
}
