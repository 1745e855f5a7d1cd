package io.beth.processor.reading;

import io.beth.processor.model.Conversion;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Converts a parameter's constant {@code defaultValue} at compile time, as the router would per
 * request: primitives and their boxes with the router's parsers, enums by constant name, and the
 * JDK's value types ({@code java.time}, {@code UUID}, {@code BigDecimal}, {@code BigInteger},
 * {@code URI}) through their factory or constructor, called here. Other types (the application's
 * own, or a JDK class whose constructor may act) are not run at compile time, so their defaults are
 * converted per request only.
 */
final class DefaultValueChecker {

  /**
   * The JDK types whose factory or {@code String} constructor is run on a default, besides those of
   * {@code java.time}: pure value types, so running one at compile time has no effect (a
   * constructor such as {@code FileOutputStream(String)} would create a file, and is never run).
   */
  private static final Set<String> VALUE_TYPES =
      Set.of("java.util.UUID", "java.math.BigDecimal", "java.math.BigInteger", "java.net.URI");

  private final TypeChecks checks;

  DefaultValueChecker(TypeChecks checks) {
    this.checks = checks;
  }

  /** Why {@code text} does not convert by {@code conversion}, with a fix; empty when it does. */
  Optional<String> problem(String text, Conversion conversion) {
    TypeMirror target = conversion.target();
    switch (conversion.kind()) {
      case STRING:
        return Optional.empty();
      case PRIMITIVE:
        return primitive(text, target);
      case ENUM:
        return enumConstant(text, (TypeElement) ((DeclaredType) target).asElement());
      default:
        return jdkValue(text, conversion);
    }
  }

  private Optional<String> primitive(String text, TypeMirror target) {
    TypeKind kind =
        target.getKind().isPrimitive()
            ? target.getKind()
            : checks.types().unboxedType(target).getKind();
    String name = kind.name().toLowerCase(Locale.ROOT);
    try {
      switch (kind) {
        case BOOLEAN -> {
          if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
            return Optional.of("a " + name + " is \"true\" or \"false\"");
          }
        }
        case CHAR -> {
          if (text.length() != 1) {
            return Optional.of("a char is exactly one character");
          }
        }
        case BYTE -> Byte.parseByte(text);
        case SHORT -> Short.parseShort(text);
        case INT -> Integer.parseInt(text);
        case LONG -> Long.parseLong(text);
        case FLOAT -> Float.parseFloat(text);
        default -> Double.parseDouble(text);
      }
    } catch (NumberFormatException e) {
      boolean whole = kind != TypeKind.FLOAT && kind != TypeKind.DOUBLE;
      return Optional.of(
          "it is not "
              + (whole ? "a whole number" : "a number")
              + " in the range"
              + " of "
              + name
              + ", such as \""
              + (whole ? "10" : "1.5")
              + "\"");
    }
    return Optional.empty();
  }

  private static Optional<String> enumConstant(String text, TypeElement type) {
    List<String> constants =
        type.getEnclosedElements().stream()
            .filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT)
            .map(e -> e.getSimpleName().toString())
            .toList();
    if (constants.contains(text)) {
      return Optional.empty();
    }
    return Optional.of(
        type.getSimpleName()
            + " has no constant "
            + text
            + "; use one of "
            + String.join(", ", constants)
            + " (names are case-sensitive)");
  }

  /** Runs the JDK type's factory or constructor on {@code text}; others are not checked. */
  private Optional<String> jdkValue(String text, Conversion conversion) {
    TypeElement type = (TypeElement) ((DeclaredType) conversion.target()).asElement();
    String name = checks.elements().getBinaryName(type).toString();
    if (!VALUE_TYPES.contains(name) && !name.startsWith("java.time.")) {
      return Optional.empty(); // not known to be free of side effects: leave it to the router
    }
    Class<?> loaded;
    try {
      loaded = Class.forName(name, false, null);
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty(); // not a class of this JDK: leave it to the router
    }
    try {
      switch (conversion.kind()) {
        case FACTORY -> {
          Method factory = factory(loaded, conversion.member());
          if (factory == null) {
            return Optional.empty();
          }
          factory.invoke(null, text);
        }
        case CONSTRUCTOR -> loaded.getConstructor(String.class).newInstance(text);
        default -> {
          return Optional.empty();
        }
      }
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      return Optional.of(
          type.getSimpleName()
              + " refuses it"
              + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"));
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return Optional.empty(); // cannot be run here: leave it to the router
    }
    return Optional.empty();
  }

  private static Method factory(Class<?> type, String name) {
    for (Class<?> parameter : List.of(String.class, CharSequence.class)) {
      try {
        return type.getMethod(name, parameter);
      } catch (NoSuchMethodException e) {
        // try the next parameter type
      }
    }
    return null;
  }
}
