package io.beth.examples;

import io.beth.annotations.HttpRoute;
import io.beth.annotations.PathParam;
import java.util.concurrent.CompletableFuture;

/**
 * The users contract, checked once at compile time for both sides: {@link UserRoutes} serves it,
 * and Beth generates {@code UserApi_BethClient} (and the Dagger module {@code
 * UserApi_BethClientModule}) to call it, as {@link UserClientMain} does.
 */
public interface UserApi {

  /** The user with number {@code id}: {@code {"id":7,"name":"user-7"}}. */
  @HttpRoute(method = "GET", path = "/users/{id}")
  CompletableFuture<User> user(@PathParam("id") long id);
}
