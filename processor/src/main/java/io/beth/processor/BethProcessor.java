package io.beth.processor;

import com.google.auto.service.AutoService;
import com.sun.source.util.Trees;
import io.beth.processor.base.Reporter;
import io.beth.processor.model.ApplicationModel;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Beth's annotation processor. It only sequences the work: {@link ApplicationStep} collects the
 * annotated types of each round, reads and validates them into an {@link ApplicationModel}, and
 * generates from a clean model. Registered for Gradle as aggregating: the generated module and
 * router depend on every annotated type of the compilation.
 */
@AutoService(Processor.class)
public final class BethProcessor extends AbstractProcessor {

  private ApplicationStep step;

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    step = new ApplicationStep(env, new Reporter(env.getMessager(), trees(env)));
  }

  /** javac's source trees, or null under another compiler. */
  private static Trees trees(ProcessingEnvironment env) {
    try {
      return Trees.instance(env);
    } catch (IllegalArgumentException | LinkageError notJavac) {
      return null;
    }
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return new LinkedHashSet<>(ApplicationStep.ANNOTATIONS);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    step.process(round);
    return false;
  }
}
