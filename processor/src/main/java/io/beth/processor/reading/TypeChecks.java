package io.beth.processor.reading;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
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

  /** The source trees, to find annotations javac left out; null outside javac. */
  private final Trees trees;

  public TypeChecks(ProcessingEnvironment env) {
    this.types = env.getTypeUtils();
    this.elements = env.getElementUtils();
    this.trees = trees(env);
  }

  private static Trees trees(ProcessingEnvironment env) {
    try {
      return Trees.instance(env);
    } catch (IllegalArgumentException | LinkageError notJavac) {
      return null;
    }
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
        ? ((DeclaredType) type).getTypeArguments()
        : List.of();
  }

  /** Whether {@code type} is {@code Source<byte[]>}. */
  public boolean isByteSource(TypeMirror type, String sourceName) {
    List<? extends TypeMirror> args = arguments(type);
    return is(type, sourceName)
        && args.size() == 1
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
      case WILDCARD:
        {
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

  /**
   * Whether parameter {@code param} of {@code method} is written with an annotation whose type did
   * not resolve, such as {@code @QueryParam} without its import. javac leaves such an annotation
   * out of the element, so the method's source is read; false when there is no source.
   */
  public boolean unresolvedAnnotation(ExecutableElement method, VariableElement param) {
    int index = method.getParameters().indexOf(param);
    MethodTree tree = trees == null || index < 0 ? null : trees.getTree(method);
    if (tree == null || tree.getParameters().size() <= index) {
      return false;
    }
    List<AnnotationMirror> known = new ArrayList<>(param.getAnnotationMirrors());
    known.addAll(param.asType().getAnnotationMirrors());
    for (AnnotationTree written : tree.getParameters().get(index).getModifiers().getAnnotations()) {
      String name = written.getAnnotationType().toString();
      String simple = name.substring(name.lastIndexOf('.') + 1);
      boolean found =
          known.stream()
              .map(m -> (TypeElement) m.getAnnotationType().asElement())
              .anyMatch(
                  t ->
                      t.getQualifiedName().contentEquals(name)
                          || t.getSimpleName().contentEquals(simple));
      if (!found) {
        return true;
      }
    }
    return false;
  }

  /** Whether an annotation on {@code element} has a type that did not resolve (yet). */
  public static boolean unresolvedAnnotation(Element element) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (mirror.getAnnotationType().getKind() == TypeKind.ERROR) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code method}'s return type, one of its parameters' types or annotations, or one of
   * its own annotations did not resolve (yet).
   */
  public static boolean unresolved(ExecutableElement method) {
    if (unresolved(method.getReturnType()) || unresolvedAnnotation(method)) {
      return true;
    }
    for (Element p : method.getParameters()) {
      if (unresolved(p.asType()) || unresolvedAnnotation(p)) {
        return true;
      }
    }
    return false;
  }
}
