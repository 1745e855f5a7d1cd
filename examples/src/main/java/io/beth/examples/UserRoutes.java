package io.beth.examples;

import io.beth.annotations.HttpRoute;
import io.beth.annotations.PathParam;
import java.util.concurrent.CompletableFuture;
import jakarta.inject.Inject;

/**
 * {@code GET /users/{id}}: users made up from their numeric id, as JSON. An id that is not a
 * number never reaches the method: the generated router answers 400 with a JSON error naming it.
 */
public final class UserRoutes {

  @Inject
  UserRoutes() {}

  /** The user with number {@code id}, encoded as JSON. */
  @HttpRoute(method = "GET", path = "/users/{id}")
  public CompletableFuture<User> user(@PathParam("id") long id) {
    return CompletableFuture.completedFuture(new User(id, "user-" + id));
  }
}
