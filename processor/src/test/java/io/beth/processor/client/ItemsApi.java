package io.beth.processor.client;

import io.beth.annotations.Body;
import io.beth.annotations.CookieParam;
import io.beth.annotations.HeaderParam;
import io.beth.annotations.HttpRoute;
import io.beth.annotations.PathParam;
import io.beth.annotations.QueryParam;
import io.beth.http.HttpResponse;
import io.beth.stream.Source;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The contract of the client tests: every binding and result kind. Compiled normally (the tests
 * call it) and again, with Beth's processor, from its source (to generate its client and, for
 * {@link ItemsServer}, its routes).
 */
@HttpRoute(path = "/items")
public interface ItemsApi {

  /** A value in a path segment, a JSON result. */
  @HttpRoute(method = "GET", path = "/{id}")
  CompletableFuture<Item> item(@PathParam("id") String id);

  /** Every text binding, echoed back as a JSON string. */
  @HttpRoute(method = "GET", path = "/{n}/echo")
  CompletionStage<String> echo(
      @PathParam("n") int n,
      @QueryParam("q") String q,
      @QueryParam("page") Optional<Integer> page,
      @QueryParam(value = "size", defaultValue = "10") int size,
      @QueryParam("color") List<Color> colors,
      @QueryParam("day") LocalDate day,
      @HeaderParam("X-Trace") UUID trace,
      @HeaderParam("X-Flag") Optional<Boolean> flag,
      @CookieParam("session") String session,
      @CookieParam(value = "theme", defaultValue = "light") String theme);

  /** A JSON body and result. */
  @HttpRoute(method = "POST")
  CompletableFuture<Item> create(@Body Item item);

  /** No result: 204. */
  @HttpRoute(method = "DELETE", path = "/{id}")
  CompletableFuture<Void> delete(@PathParam("id") String id);

  /** The whole response. */
  @HttpRoute(method = "GET", path = "/{id}/raw")
  CompletableFuture<HttpResponse> raw(@PathParam("id") String id);

  /** A streamed body; bytes as the JSON result. */
  @HttpRoute(method = "PUT", path = "/{id}/blob")
  CompletableFuture<byte[]> upload(@PathParam("id") String id, @Body Source<byte[]> blob);

  /** A generic JSON result. */
  @HttpRoute(method = "GET", path = "/search")
  CompletableFuture<List<Item>> search(@QueryParam("q") String q);

  /** An optional result: the item, or 404 when there is none. */
  @HttpRoute(method = "GET", path = "/{id}/found")
  CompletableFuture<Optional<Item>> find(@PathParam("id") String id);

  /** A text body, echoed back with its length in characters as a JSON string. */
  @HttpRoute(method = "POST", path = "/{id}/note")
  CompletableFuture<String> note(@PathParam("id") String id, @Body String text);

  /** A byte body, its length as the JSON result. */
  @HttpRoute(method = "POST", path = "/{id}/bytes")
  CompletableFuture<Integer> size(@PathParam("id") String id, @Body byte[] data);
}
