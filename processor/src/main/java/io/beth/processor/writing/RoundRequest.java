package io.beth.processor.writing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import javax.annotation.processing.Filer;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;

/**
 * Asks javac for one more processing round while Beth waits for types that another processor may
 * generate: javac runs another round only after a round that generated a file, and Beth must write
 * its module in a normal round for Dagger to see it. The request is an empty {@code
 * package-info.java} of a package of its own, which compiles to no class. A round whose only new
 * file is Beth's own request shows that no processor is generating anything more.
 */
public final class RoundRequest {

  /** The packages of the requests: {@code io.beth.generated.round1}, {@code round2}... */
  private static final String PACKAGE = "io.beth.generated.round";

  private final Filer filer;
  private int requests;

  public RoundRequest(Filer filer) {
    this.filer = filer;
  }

  /**
   * Whether waiting may still help: nothing was requested yet, or {@code round} brought files other
   * than Beth's own request, from processors that may generate more.
   */
  public boolean mayResolve(RoundEnvironment round) {
    if (requests == 0) {
      return true;
    }
    for (Element root : round.getRootElements()) {
      if (!(root instanceof PackageElement p
          && p.getQualifiedName().toString().startsWith(PACKAGE))) {
        return true;
      }
    }
    return false;
  }

  /** Writes the next request, so that javac runs another round. */
  public void request(Element originating) {
    String pkg = PACKAGE + ++requests;
    try (Writer w =
        (originating == null
                ? filer.createSourceFile(pkg + ".package-info")
                : filer.createSourceFile(pkg + ".package-info", originating))
            .openWriter()) {
      w.write(
          "/** Written by Beth's processor to ask javac for another processing round while it"
              + "\n * waits for generated types; it declares nothing. */\npackage "
              + pkg
              + ";\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
