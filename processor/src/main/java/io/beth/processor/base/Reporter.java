package io.beth.processor.base;

import java.util.Objects;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The one place every diagnostic of the processor goes through: attaches it to its element (and
 * annotation value when known) and counts errors, so a step can stop before generating from a
 * model with mistakes while the user still sees every mistake of the compilation.
 */
public final class Reporter {

  private final Messager messager;
  private int errors;

  public Reporter(Messager messager) {
    this.messager = Objects.requireNonNull(messager, "messager == null");
  }

  /** Reports an error on {@code element}; {@code id} is one of {@code BethMessages}. */
  public void error(Element element, String id, String message) {
    errors++;
    messager.printMessage(Diagnostic.Kind.ERROR, id + " " + message, element);
  }

  /** Reports an error on the value {@code value} of {@code annotation} on {@code element}. */
  public void error(Element element, AnnotationMirror annotation, AnnotationValue value, String id,
      String message) {
    errors++;
    if (annotation == null) {
      messager.printMessage(Diagnostic.Kind.ERROR, id + " " + message, element);
    } else if (value == null) {
      messager.printMessage(Diagnostic.Kind.ERROR, id + " " + message, element, annotation);
    } else {
      messager.printMessage(Diagnostic.Kind.ERROR, id + " " + message, element, annotation, value);
    }
  }

  /** Reports a warning on {@code element}. */
  public void warning(Element element, String id, String message) {
    messager.printMessage(Diagnostic.Kind.WARNING, id + " " + message, element);
  }

  /** The number of errors reported so far. */
  public int errorCount() {
    return errors;
  }
}
