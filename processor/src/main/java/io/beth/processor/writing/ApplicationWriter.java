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
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Writes every file of an application: a {@code _BethClient} class and a {@code _BethClientModule}
 * Dagger module per route interface, one {@code _BethRoutes} class per server class, then {@code
 * BethRouter} (when there are routes or WebSocket endpoints) and the Dagger module {@code
 * BethModule} in the package chosen for them. After a reported mistake it writes what is valid, so
 * javac and Dagger find every name they expect.
 */
public final class ApplicationWriter {

  private final Filer filer;
  private final Types types;

  public ApplicationWriter(Filer filer, Elements elements, Types types) {
    this.filer = filer;
    this.types = types;
  }

  /** Writes the files of {@code app}, the router and module in package {@code pkg} if present. */
  public void write(ApplicationModel app, Optional<String> pkg) throws IOException {
    List<JavaFile> files = new ArrayList<>();
    for (ClientModel client : app.clients()) {
      if (client.complete()) {
        files.add(new ClientWriter().write(client));
      }
      files.add(new ClientModuleWriter().write(client));
    }
    if (pkg.isEmpty()) {
      writeAll(files);
      return;
    }
    RoutesWriter routes = new RoutesWriter(types);
    for (ServerModel server : app.servers()) {
      files.add(routes.write(server));
    }
    List<EndpointModel> webSockets =
        app.endpoints().stream().filter(e -> e.kind() == EndpointModel.Kind.WEBSOCKET).toList();
    List<EndpointModel> listeners =
        app.endpoints().stream().filter(e -> e.kind() != EndpointModel.Kind.WEBSOCKET).toList();
    ClassName router = null;
    if (!app.servers().isEmpty() || !webSockets.isEmpty()) {
      router = ClassName.get(pkg.get(), "BethRouter");
      files.add(new RouterWriter().write(router, app.servers(), webSockets));
    }
    files.add(
        new ModuleWriter()
            .write(
                ClassName.get(pkg.get(), "BethModule"),
                router,
                app.servers(),
                webSockets,
                listeners,
                app.handlerTypes()));
    writeAll(files);
  }

  private void writeAll(List<JavaFile> files) throws IOException {
    for (JavaFile file : files) {
      file.writeTo(filer);
    }
  }
}
