package io.beth.benchmarks.router;

import io.beth.http.HttpRequest;
import io.beth.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The usual hand-made router: a map from compiled regular expressions to handlers by method, tried
 * in order until one matches the path; the groups are the path parameters.
 */
final class RegexRouter {

  private static final CompletableFuture<HttpResponse> NOT_FOUND =
      CompletableFuture.completedFuture(HttpResponse.status(404).build());
  private static final CompletableFuture<HttpResponse> NOT_ALLOWED =
      CompletableFuture.completedFuture(HttpResponse.status(405).build());

  private final Map<Pattern, Map<String, Function<String[], CompletionStage<HttpResponse>>>>
      routes = new LinkedHashMap<>();

  RegexRouter(List<RouteSet.Route> routeList) {
    HttpResponse ok = HttpResponse.ok("ok");
    for (RouteSet.Route route : routeList) {
      routes
          .computeIfAbsent(Pattern.compile(route.regex()), p -> new LinkedHashMap<>())
          .put("GET", params -> CompletableFuture.completedFuture(ok));
    }
  }

  CompletionStage<HttpResponse> handle(HttpRequest request) {
    String path = request.rawPath();
    for (Map.Entry<Pattern, Map<String, Function<String[], CompletionStage<HttpResponse>>>> e :
        routes.entrySet()) {
      Matcher m = e.getKey().matcher(path);
      if (m.matches()) {
        Function<String[], CompletionStage<HttpResponse>> handler =
            e.getValue().get(request.method());
        if (handler == null) {
          return NOT_ALLOWED;
        }
        String[] params = new String[m.groupCount()];
        for (int i = 0; i < params.length; i++) {
          params[i] = m.group(i + 1);
        }
        return handler.apply(params);
      }
    }
    return NOT_FOUND;
  }
}
