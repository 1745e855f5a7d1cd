package io.beth.processor.reading;

import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Type questions asked by several readers, answered by name so no runtime class is loaded. */
public final class TypeChecks {

  private final Types types;
  private final Elements elements;

  public TypeChecks(ProcessingEnvironment env) {
    this.types = env.getTypeUtils();
    this.elements = env.getElementUtils();
  }

  public Types types() {
    return types;
  }

  public Elements elements() {
    return elements;
  }

  /** Whether {@code type} is a declared type whose erasure is named {@code qualifiedName}. */
  public boolean is(TypeMirror type, String qualifiedName) {
    if (type.getKind() != TypeKind.DECLARED) {
      return false;
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    return element.getQualifiedName().contentEquals(qualifiedName);
  }

  /** The type arguments of a declared type; empty for others and raw types. */
  public List<? extends TypeMirror> arguments(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        ? ((DeclaredType) type).getTypeArguments() : List.of();
  }

  /** Whether {@code type} is {@code Source<byte[]>}. */
  public boolean isByteSource(TypeMirror type, String sourceName) {
    List<? extends TypeMirror> args = arguments(type);
    return is(type, sourceName) && args.size() == 1
        && args.get(0).getKind() == TypeKind.ARRAY
        && ((ArrayType) args.get(0)).getComponentType().getKind() == TypeKind.BYTE;
  }

  /** Whether {@code type} is a subtype of the class or interface named {@code qualifiedName}. */
  public boolean isSubtype(TypeMirror type, String qualifiedName) {
    TypeElement target = elements.getTypeElement(qualifiedName);
    return target != null && types.isSubtype(types.erasure(type), types.erasure(target.asType()));
  }

  /** Whether {@code type} or any type inside it could not be resolved (yet). */
  public static boolean unresolved(TypeMirror type) {
    switch (type.getKind()) {
      case ERROR:
        return true;
      case ARRAY:
        return unresolved(((ArrayType) type).getComponentType());
      case WILDCARD: {
        WildcardType w = (WildcardType) type;
        return (w.getExtendsBound() != null && unresolved(w.getExtendsBound()))
            || (w.getSuperBound() != null && unresolved(w.getSuperBound()));
      }
      case DECLARED:
        for (TypeMirror arg : ((DeclaredType) type).getTypeArguments()) {
          if (unresolved(arg)) {
            return true;
          }
        }
        return false;
      default:
        return false;
    }
  }
}
