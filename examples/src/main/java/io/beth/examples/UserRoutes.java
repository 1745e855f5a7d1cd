package io.beth.examples;

import io.beth.annotations.HttpRoute;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;

/**
 * Serves {@link UserApi}: users made up from their numeric id, as JSON. Its routes come from the
 * interface; an id that is not a number never reaches the method, the generated router answers 400
 * with a JSON error naming it.
 */
@HttpRoute
public final class UserRoutes implements UserApi {

  @Inject
  UserRoutes() {}

  @Override
  public CompletableFuture<User> user(long id) {
    return CompletableFuture.completedFuture(new User(id, "user-" + id));
  }
}
