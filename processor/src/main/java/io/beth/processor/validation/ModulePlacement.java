package io.beth.processor.validation;

import io.beth.processor.BethMessages;
import io.beth.processor.base.Reporter;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Places the application's generated {@code BethRouter} and {@code BethModule}: in the longest
 * package shared by every handler class. Handlers in named packages that share none would put them
 * in the unnamed package, which no component in a package can refer to: that is reported, and the
 * first handler's package is used.
 */
public final class ModulePlacement {

  private final Reporter reporter;
  private final Elements elements;

  public ModulePlacement(Reporter reporter, Elements elements) {
    this.reporter = reporter;
    this.elements = elements;
  }

  /** The package of the module for {@code handlers}; empty when there are none. */
  public Optional<String> place(List<TypeElement> handlers) {
    String common = null;
    TypeElement first = null;
    for (TypeElement handler : handlers) {
      String name = packageOf(handler);
      if (common == null) {
        common = name;
        first = handler;
        continue;
      }
      String before = common;
      while (!(name.equals(common) || name.startsWith(common + ".")) && !common.isEmpty()) {
        int dot = common.lastIndexOf('.');
        common = dot < 0 ? "" : common.substring(0, dot);
      }
      if (common.isEmpty() && !before.isEmpty() && !name.isEmpty()) {
        reporter.error(
            handler,
            BethMessages.MODULE_PACKAGE,
            "Handler "
                + handler.getQualifiedName()
                + " shares no package with "
                + first.getQualifiedName()
                + ", so Beth would generate BethModule in the unnamed package, which no component"
                + " in a package can refer to; move the handlers under one package (such as "
                + before
                + "), or compile them separately.");
        return Optional.of(packageOf(first));
      }
    }
    return Optional.ofNullable(common);
  }

  private String packageOf(TypeElement type) {
    return elements.getPackageOf(type).getQualifiedName().toString();
  }
}
