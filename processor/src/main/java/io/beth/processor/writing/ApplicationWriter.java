package io.beth.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import io.beth.processor.model.ApplicationModel;
import io.beth.processor.model.ClientModel;
import io.beth.processor.model.EndpointModel;
import io.beth.processor.model.ServerModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Writes every file of a clean application: a {@code _BethClient} class and a {@code
 * _BethClientModule} Dagger module per route interface, one {@code _BethRoutes} class per server
 * class, then {@code BethRouter} (when there are routes or WebSocket endpoints) and the Dagger
 * module {@code BethModule} in the longest package shared by the handler classes.
 */
public final class ApplicationWriter {

  private final Filer filer;
  private final Elements elements;
  private final Types types;

  public ApplicationWriter(Filer filer, Elements elements, Types types) {
    this.filer = filer;
    this.elements = elements;
    this.types = types;
  }

  /** Writes the files of {@code app}. */
  public void write(ApplicationModel app) throws IOException {
    List<JavaFile> files = new ArrayList<>();
    for (ClientModel client : app.clients()) {
      files.add(new ClientWriter().write(client));
      files.add(new ClientModuleWriter().write(client));
    }
    if (app.servers().isEmpty() && app.endpoints().isEmpty()) {
      writeAll(files);
      return;
    }
    RoutesWriter routes = new RoutesWriter(types);
    for (ServerModel server : app.servers()) {
      files.add(routes.write(server));
    }
    List<TypeElement> handlers = new ArrayList<>();
    app.servers().forEach(s -> handlers.add(s.type()));
    app.endpoints().forEach(e -> handlers.add(e.type()));
    String pkg = commonPackage(handlers);
    List<EndpointModel> webSockets = app.endpoints().stream()
        .filter(e -> e.kind() == EndpointModel.Kind.WEBSOCKET).toList();
    List<EndpointModel> listeners = app.endpoints().stream()
        .filter(e -> e.kind() != EndpointModel.Kind.WEBSOCKET).toList();
    ClassName router = null;
    if (!app.servers().isEmpty() || !webSockets.isEmpty()) {
      router = ClassName.get(pkg, "BethRouter");
      files.add(new RouterWriter().write(router, app.servers(), webSockets));
    }
    files.add(new ModuleWriter().write(ClassName.get(pkg, "BethModule"), router, app.servers(),
        webSockets, listeners));
    writeAll(files);
  }

  private void writeAll(List<JavaFile> files) throws IOException {
    for (JavaFile file : files) {
      file.writeTo(filer);
    }
  }

  private String commonPackage(List<TypeElement> handlers) {
    String common = null;
    for (TypeElement handler : handlers) {
      PackageElement p = elements.getPackageOf(handler);
      String name = p.getQualifiedName().toString();
      if (common == null) {
        common = name;
      }
      while (!(name.equals(common) || name.startsWith(common + ".")) && !common.isEmpty()) {
        int dot = common.lastIndexOf('.');
        common = dot < 0 ? "" : common.substring(0, dot);
      }
    }
    return common;
  }
}
