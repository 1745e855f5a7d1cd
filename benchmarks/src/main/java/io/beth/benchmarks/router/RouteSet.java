package io.beth.benchmarks.router;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code n} GET routes of four shapes, spread over route classes of at most {@value #PER_CLASS}
 * routes: {@code /api/res<i>}, {@code /api/res<i>/{id}}, {@code /api/res<i>/{id}/items} and {@code
 * /api/res<i>/{id}/items/{item}}. Each has a template, a regular expression and a sample path.
 */
final class RouteSet {

  static final int PER_CLASS = 50;

  /** One route: its template, the expression a regex router matches, and a path it serves. */
  record Route(String template, String regex, String samplePath, int placeholders) {}

  private final List<Route> routes = new ArrayList<>();

  RouteSet(int n) {
    for (int i = 0; i < n; i++) {
      String base = "/api/res" + i;
      routes.add(
          switch (i % 4) {
            case 0 -> new Route(base, base, base, 0);
            case 1 -> new Route(base + "/{id}", base + "/([^/]+)", base + "/42", 1);
            case 2 ->
                new Route(base + "/{id}/items", base + "/([^/]+)/items", base + "/42/items", 1);
            default ->
                new Route(
                    base + "/{id}/items/{item}",
                    base + "/([^/]+)/items/([^/]+)",
                    base + "/42/items/7",
                    2);
          });
    }
  }

  List<Route> routes() {
    return routes;
  }

  /** The number of route classes. */
  int classCount() {
    return (routes.size() + PER_CLASS - 1) / PER_CLASS;
  }

  /** The source of route class {@code index}: {@code bench.Routes<index>}. */
  String source(int index) {
    StringBuilder s =
        new StringBuilder()
            .append("package bench;\n")
            .append("import io.beth.annotations.*;\n")
            .append("import io.beth.http.HttpResponse;\n")
            .append("public class Routes")
            .append(index)
            .append(" {\n")
            .append("  private static final HttpResponse OK = HttpResponse.ok(\"ok\");\n")
            .append("  public Routes")
            .append(index)
            .append("() {}\n");
    int end = Math.min(routes.size(), (index + 1) * PER_CLASS);
    for (int i = index * PER_CLASS; i < end; i++) {
      Route route = routes.get(i);
      s.append("  @HttpRoute(method = \"GET\", path = \"")
          .append(route.template())
          .append("\")\n")
          .append("  public HttpResponse route")
          .append(i)
          .append('(');
      if (route.placeholders() >= 1) {
        s.append("@PathParam(\"id\") String id");
      }
      if (route.placeholders() == 2) {
        s.append(", @PathParam(\"item\") String item");
      }
      s.append(") { return OK; }\n");
    }
    return s.append("}\n").toString();
  }
}
