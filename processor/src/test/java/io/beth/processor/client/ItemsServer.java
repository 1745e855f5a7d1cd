package io.beth.processor.client;

import io.beth.annotations.HttpRoute;
import io.beth.bytes.ByteSources;
import io.beth.http.HttpResponse;
import io.beth.stream.Source;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The server side of {@link ItemsApi}: its routes come from the interface. */
@HttpRoute
public class ItemsServer implements ItemsApi {

  @Inject
  public ItemsServer() {}

  @Override
  public CompletableFuture<Item> item(String id) {
    return CompletableFuture.completedFuture(new Item(id, "item " + id, Color.RED));
  }

  @Override
  public CompletionStage<String> echo(
      int n,
      String q,
      Optional<Integer> page,
      int size,
      List<Color> colors,
      LocalDate day,
      UUID trace,
      Optional<Boolean> flag,
      String session,
      String theme) {
    return CompletableFuture.completedFuture(
        n + "|" + q + "|" + page + "|" + size + "|" + colors + "|" + day + "|" + trace + "|" + flag
            + "|" + session + "|" + theme);
  }

  @Override
  public CompletableFuture<Item> create(Item item) {
    return CompletableFuture.completedFuture(new Item(item.id(), item.name() + "!", item.color()));
  }

  @Override
  public CompletableFuture<Void> delete(String id) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<HttpResponse> raw(String id) {
    return CompletableFuture.completedFuture(
        HttpResponse.status(202).header("X-Id", id).body("raw " + id).build());
  }

  @Override
  public CompletableFuture<byte[]> upload(String id, Source<byte[]> blob) {
    return ByteSources.aggregate(blob, 1 << 20);
  }

  @Override
  public CompletableFuture<List<Item>> search(String q) {
    return CompletableFuture.completedFuture(
        List.of(new Item("1", q, Color.RED), new Item("2", q, Color.DARK_BLUE)));
  }

  @Override
  public CompletableFuture<Optional<Item>> find(String id) {
    return CompletableFuture.completedFuture(
        id.equals("missing")
            ? Optional.empty()
            : Optional.of(new Item(id, "found " + id, Color.RED)));
  }

  @Override
  public CompletableFuture<String> note(String id, String text) {
    return CompletableFuture.completedFuture(id + ":" + text + ":" + text.length());
  }

  @Override
  public CompletableFuture<Integer> size(String id, byte[] data) {
    return CompletableFuture.completedFuture(data.length);
  }
}
