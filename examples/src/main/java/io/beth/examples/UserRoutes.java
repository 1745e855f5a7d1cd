package io.beth.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.beth.annotations.HttpRoute;
import io.beth.annotations.PathParam;
import io.beth.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import jakarta.inject.Inject;

/** {@code GET /users/{id}}: users made up from their numeric id, as JSON. */
public final class UserRoutes {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject
  UserRoutes() {}

  /** The user as JSON, or 400 with a JSON error for an id that is not a number. */
  @HttpRoute(method = "GET", path = "/users/{id}")
  public CompletableFuture<HttpResponse> user(@PathParam("id") String id) {
    long number;
    try {
      number = Long.parseLong(id);
    } catch (NumberFormatException e) {
      return CompletableFuture.completedFuture(
          json(400, Map.of("error", "user id must be a number", "id", id)));
    }
    return CompletableFuture.completedFuture(json(200, new User(number, "user-" + number)));
  }

  private static HttpResponse json(int status, Object value) {
    try {
      return HttpResponse.status(status)
          .contentType("application/json")
          .body(JSON.writeValueAsBytes(value))
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + value, e);
    }
  }
}
