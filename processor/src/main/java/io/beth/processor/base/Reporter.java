package io.beth.processor.base;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The one place every diagnostic of the processor goes through: attaches it to its element (and
 * annotation value when known) and counts errors, so a step can tell whether a model had mistakes
 * while the user still sees every mistake of the compilation.
 *
 * <p>Diagnostics are held until {@link #flush()}, which the processor calls at the start of the
 * next round (or in the last one). javac runs no further normal round once a processor has reported
 * an error, so an error printed in the round that generated Beth's module would keep Dagger from
 * ever processing the component that includes it, adding Dagger's own failure to Beth's error;
 * printed one round later, Dagger has processed it. Since javac makes new elements for each round,
 * a held diagnostic keeps its place in the source (the tree javac parsed once), not the element.
 */
public final class Reporter {

  /** One diagnostic, held until printed: at {@code tree} when known, else on the element. */
  private record Held(
      Diagnostic.Kind kind,
      String message,
      Tree tree,
      CompilationUnitTree unit,
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value) {}

  private final Messager messager;

  /** The source trees under javac; null with another compiler, which prints at once. */
  private final Trees trees;

  private final List<Held> held = new ArrayList<>();
  private int errors;

  /** A reporter printing through {@code messager}, placing with {@code trees} (may be null). */
  public Reporter(Messager messager, Trees trees) {
    this.messager = Objects.requireNonNull(messager, "messager == null");
    this.trees = trees;
  }

  /** Reports an error on {@code element}; {@code id} is one of {@code BethMessages}. */
  public void error(Element element, String id, String message) {
    error(element, null, null, id, message);
  }

  /** Reports an error on the value {@code value} of {@code annotation} on {@code element}. */
  public void error(
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value,
      String id,
      String message) {
    errors++;
    hold(Diagnostic.Kind.ERROR, id + " " + message, element, annotation, value);
  }

  /** Reports a warning on {@code element}. */
  public void warning(Element element, String id, String message) {
    hold(Diagnostic.Kind.WARNING, id + " " + message, element, null, null);
  }

  private void hold(
      Diagnostic.Kind kind,
      String message,
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value) {
    TreePath path = null;
    if (trees != null) {
      if (annotation != null && value != null) {
        path = trees.getPath(element, annotation, value);
      }
      if (path == null && annotation != null) {
        path = trees.getPath(element, annotation);
      }
      if (path == null) {
        path = trees.getPath(element);
      }
    }
    held.add(
        path == null
            ? new Held(kind, message, null, null, element, annotation, value)
            : new Held(kind, message, path.getLeaf(), path.getCompilationUnit(), null, null, null));
    if (trees == null) {
      flush();
    }
  }

  /** Prints every diagnostic reported so far, in order. */
  public void flush() {
    for (Held h : held) {
      if (h.tree() != null) {
        trees.printMessage(h.kind(), h.message(), h.tree(), h.unit());
      } else if (h.annotation() == null) {
        messager.printMessage(h.kind(), h.message(), h.element());
      } else if (h.value() == null) {
        messager.printMessage(h.kind(), h.message(), h.element(), h.annotation());
      } else {
        messager.printMessage(h.kind(), h.message(), h.element(), h.annotation(), h.value());
      }
    }
    held.clear();
  }

  /** The number of errors reported so far. */
  public int errorCount() {
    return errors;
  }
}
