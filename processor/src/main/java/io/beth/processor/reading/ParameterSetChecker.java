package io.beth.processor.reading;

import io.beth.processor.BethMessages;
import io.beth.processor.base.Reporter;
import io.beth.processor.model.ParameterModel;
import io.beth.processor.model.ParameterModel.Binding;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a route's parameters together: one body at most (a body on {@code GET} or {@code HEAD} is
 * warned about), and no query parameter, header or cookie bound twice (header names compared
 * without case, as HTTP does).
 */
final class ParameterSetChecker {

  private final Reporter reporter;

  ParameterSetChecker(Reporter reporter) {
    this.reporter = reporter;
  }

  /** Checks the parameters {@code params} of route {@code name}; returns whether they agree. */
  boolean check(String name, String httpMethod, List<ParameterModel> params) {
    boolean ok = true;
    List<ParameterModel> bodies = params.stream().filter(ParameterModel::isBody).toList();
    if (bodies.size() > 1) {
      reporter.error(
          bodies.get(1).element(),
          BethMessages.ROUTE_TWO_BODIES,
          "Route "
              + name
              + " has "
              + bodies.size()
              + " @Body parameters; a request has one body, so keep"
              + " @Body on one parameter and bind the others to path, query, header or cookie values.");
      ok = false;
    }
    if (!bodies.isEmpty() && (httpMethod.equals("GET") || httpMethod.equals("HEAD"))) {
      reporter.warning(
          bodies.get(0).element(),
          BethMessages.ROUTE_BODY_ON_GET,
          "Route "
              + name
              + " reads a body on "
              + httpMethod
              + ", which clients and proxies usually do not send;"
              + " use POST or PUT, or bind the values to query parameters.");
    }
    Map<String, ParameterModel> seen = new HashMap<>();
    for (ParameterModel p : params) {
      if (p.binding() != Binding.QUERY
          && p.binding() != Binding.HEADER
          && p.binding() != Binding.COOKIE) {
        continue;
      }
      String key =
          p.binding()
              + " "
              + (p.binding() == Binding.HEADER ? p.name().toLowerCase(Locale.ROOT) : p.name());
      ParameterModel earlier = seen.putIfAbsent(key, p);
      if (earlier != null) {
        String kind =
            p.binding() == Binding.QUERY
                ? "query parameter"
                : p.binding().name().toLowerCase(Locale.ROOT);
        reporter.error(
            p.element(),
            BethMessages.PARAMETER_DUPLICATE,
            "Parameters "
                + earlier.element().getSimpleName()
                + " and "
                + p.element().getSimpleName()
                + " of "
                + name
                + " both bind the "
                + kind
                + " '"
                + p.name()
                + "'; bind it once"
                + (p.binding() == Binding.COOKIE
                    ? "."
                    : " (a List parameter receives every value of" + " a repeated one)."));
        ok = false;
      }
    }
    return ok;
  }
}
