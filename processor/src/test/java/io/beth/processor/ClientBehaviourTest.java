package io.beth.processor;

import static io.beth.processor.ClientSources.fixture;
import static io.beth.processor.ClientSources.source;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.beth.bootstrap.BethApplication;
import io.beth.bootstrap.BethOptions;
import io.beth.bootstrap.RunningApplication;
import io.beth.http.HttpClient;
import io.beth.http.HttpResponse;
import io.beth.http.HttpResponseException;
import io.beth.processor.client.Color;
import io.beth.processor.client.Item;
import io.beth.processor.client.ItemsApi;
import io.beth.processor.client.StrayApi;
import io.beth.stream.Streams;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated client of {@link ItemsApi} against the server generated from the same interface
 * ({@code ItemsServer implements ItemsApi}), started through Dagger on port 0: every binding and
 * result kind round-trips, and the server's 404 and 400 surface as {@link HttpResponseException}.
 */
class ClientBehaviourTest {

  private static final UUID TRACE = UUID.fromString("3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f");

  private static RunningApplication running;
  private static HttpClient http;
  private static ItemsApi items;
  private static StrayApi stray;

  @BeforeAll
  static void start() throws Exception {
    CompiledApplication app =
        CompiledApplication.compile(
            fixture("ItemsApi"),
            fixture("ItemsServer"),
            fixture("StrayApi"),
            source(
                "App",
                "@dagger.Component(modules = BethModule.class)",
                "interface App { io.beth.bootstrap.BethApplication beth(); }"),
            source(
                "Main",
                "public class Main implements",
                "    java.util.function.Supplier<io.beth.bootstrap.BethApplication> {",
                "  public io.beth.bootstrap.BethApplication get() { return DaggerApp.create().beth(); }",
                "}"));
    @SuppressWarnings("unchecked")
    Supplier<BethApplication> main =
        app.newInstance(ClientSources.PACKAGE + ".Main", Supplier.class);
    running = main.get().start(BethOptions.builder().httpPort(0).build()).get(30, TimeUnit.SECONDS);
    http = HttpClient.create();
    URI base = URI.create("http://127.0.0.1:" + running.address("http").getPort());
    items = app.client(ItemsApi.class, http, base);
    stray = app.client(StrayApi.class, http, base);
  }

  @AfterAll
  static void stop() throws Exception {
    if (http != null) {
      http.close();
    }
    if (running != null) {
      running.stop(Duration.ofSeconds(5)).get(30, TimeUnit.SECONDS);
    }
  }

  private static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  private static HttpResponseException failure(CompletionStage<?> stage) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> await(stage));
    return assertInstanceOf(HttpResponseException.class, e.getCause());
  }

  @Test
  void aPathValueArrivesAsOneSegmentAndTheJsonResultIsDecoded() throws Exception {
    String id = "a b/c?d%é#.";
    assertEquals(new Item(id, "item " + id, Color.RED), await(items.item(id)));
    assertEquals(new Item("..", "item ..", Color.RED), await(items.item("..")));
  }

  @Test
  void everyTextBindingReachesTheServerAsItsRouterReadsIt() throws Exception {
    assertEquals(
        "7|x y&z=+|Optional[2]|25|[RED, DARK_BLUE]|2026-12-06|"
            + TRACE
            + "|Optional[true]|abc|dark",
        await(
            items.echo(
                7,
                "x y&z=+",
                Optional.of(2),
                25,
                List.of(Color.RED, Color.DARK_BLUE),
                LocalDate.of(2026, 12, 6),
                TRACE,
                Optional.of(true),
                "abc",
                "dark")));
  }

  @Test
  void absentValuesAreLeftOutSoTheServerAppliesItsDefaults() throws Exception {
    assertEquals(
        "-1|q|Optional.empty|10|[]|2026-01-31|" + TRACE + "|Optional.empty|s|light",
        await(
            items.echo(
                -1,
                "q",
                Optional.empty(),
                10,
                List.of(),
                LocalDate.of(2026, 1, 31),
                TRACE,
                Optional.empty(),
                "s",
                null)));
  }

  @Test
  void aJsonBodyGoesOutAndAJsonResultComesBack() throws Exception {
    assertEquals(
        new Item("9", "pen!", Color.DARK_BLUE),
        await(items.create(new Item("9", "pen", Color.DARK_BLUE))));
  }

  @Test
  void aVoidRouteCompletesWithNullOnItsNoContent() throws Exception {
    assertNull(await(items.delete("9")));
  }

  @Test
  void aResponseRouteGetsTheWholeResponse() throws Exception {
    HttpResponse response = await(items.raw("r 1"));
    assertEquals(202, response.status());
    assertEquals("r 1", response.header("X-Id"));
    assertArrayEquals("raw r 1".getBytes(UTF_8), (byte[]) response.body());
  }

  @Test
  void aStreamedBodyIsSentAndBytesComeBack() throws Exception {
    assertArrayEquals(
        "abcd".getBytes(UTF_8),
        await(
            items.upload(
                "f", Streams.fromIterable(List.of("ab".getBytes(UTF_8), "cd".getBytes(UTF_8))))));
  }

  @Test
  void aGenericResultIsDecodedWithItsTypeArguments() throws Exception {
    assertEquals(
        List.of(new Item("1", "q", Color.RED), new Item("2", "q", Color.DARK_BLUE)),
        await(items.search("q")));
  }

  @Test
  void anOptionalResultIsTheValueOrEmptyOnTheServersEmptyOptional() throws Exception {
    assertEquals(Optional.of(new Item("7", "found 7", Color.RED)), await(items.find("7")));
    assertEquals(Optional.empty(), await(items.find("missing")));
  }

  @Test
  void aTextBodyArrivesAsTheSameTextAndBytesAsTheSameBytes() throws Exception {
    assertEquals("n:héllo \"there\":13", await(items.note("n", "héllo \"there\"")));
    assertEquals(Integer.valueOf(3), await(items.size("b", new byte[] {0, -1, 7})));
  }

  @Test
  void aRouteTheServerLacksFailsWith404() throws Exception {
    HttpResponseException e = failure(stray.ghost("x"));
    assertEquals(404, e.status());
  }

  @Test
  void aValueTheServerCannotConvertFailsWithItsJson400() throws Exception {
    HttpResponseException e = failure(stray.echo("seven", "q"));
    assertEquals(400, e.status());
    assertEquals("application/json", e.response().headers().get("Content-Type"));
    assertEquals(
        "{\"status\":400,\"error\":\"Bad Request\",\"message\":\"Invalid path parameter"
            + " 'n': \\\"seven\\\" (For input string: \\\"seven\\\")\"}",
        await(e.response().string()));
  }

  @Test
  void aMissingRequiredValueFailsTheFutureBeforeSending() {
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () ->
                await(
                    items.echo(
                        1,
                        null,
                        Optional.empty(),
                        10,
                        List.of(),
                        LocalDate.of(2026, 1, 1),
                        TRACE,
                        Optional.empty(),
                        "s",
                        null)));
    assertInstanceOf(NullPointerException.class, e.getCause());
    assertEquals("query parameter 'q' is required but null", e.getCause().getMessage());
  }
}
