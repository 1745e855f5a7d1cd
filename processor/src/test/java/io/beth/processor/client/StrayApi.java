package io.beth.processor.client;

import io.beth.annotations.HttpRoute;
import io.beth.annotations.PathParam;
import io.beth.annotations.QueryParam;
import java.util.concurrent.CompletableFuture;

/** A contract {@link ItemsServer} does not keep: a route it lacks, a looser parameter type. */
public interface StrayApi {

  /** No such route on the server: 404. */
  @HttpRoute(method = "GET", path = "/ghosts/{id}")
  CompletableFuture<String> ghost(@PathParam("id") String id);

  /** The server's {@code n} is an int: any other text is a 400. */
  @HttpRoute(method = "GET", path = "/items/{n}/echo")
  CompletableFuture<String> echo(@PathParam("n") String n, @QueryParam("q") String q);
}
