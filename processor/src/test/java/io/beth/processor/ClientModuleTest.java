package io.beth.processor;

import static io.beth.processor.ClientSources.fixture;
import static io.beth.processor.ClientSources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.beth.bootstrap.BethApplication;
import io.beth.bootstrap.BethClientOptions;
import io.beth.bootstrap.BethOptions;
import io.beth.bootstrap.RunningApplication;
import io.beth.http.HttpClient;
import io.beth.processor.client.Color;
import io.beth.processor.client.Item;
import io.beth.processor.client.ItemsApi;
import io.beth.processor.client.StrayApi;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generated {@code <Api>_BethClientModule}s in Dagger components: the client is injected with
 * the component's {@link HttpClient} and {@link BethClientOptions}, or the shared client and the
 * system properties, beside other client modules and the application's own {@code BethModule}.
 */
class ClientModuleTest {

  private static final String ITEMS_PROPERTY = BethClientOptions.uriProperty(ItemsApi.class);

  private static CompiledApplication app;
  private MockWebServer server;

  @BeforeAll
  static void compile() {
    app =
        CompiledApplication.compile(
            fixture("ItemsApi"),
            fixture("ItemsServer"),
            fixture("StrayApi"),
            source(
                "OptionsApp",
                "@dagger.Component(modules = ItemsApi_BethClientModule.class)",
                "interface OptionsApp {",
                "  ItemsApi items();",
                "  @dagger.Component.Factory interface Factory {",
                "    OptionsApp create(@dagger.BindsInstance io.beth.bootstrap.BethClientOptions o,",
                "        @dagger.BindsInstance io.beth.http.HttpClient client);",
                "  }",
                "}"),
            source(
                "OptionsMain",
                "public class OptionsMain implements java.util.function.BiFunction<",
                "    io.beth.bootstrap.BethClientOptions, io.beth.http.HttpClient, ItemsApi> {",
                "  public ItemsApi apply(io.beth.bootstrap.BethClientOptions o,",
                "      io.beth.http.HttpClient c) {",
                "    return DaggerOptionsApp.factory().create(o, c).items();",
                "  }",
                "}"),
            source(
                "FullApp",
                "@dagger.Component(modules = {BethModule.class, ItemsApi_BethClientModule.class,",
                "    StrayApi_BethClientModule.class})",
                "interface FullApp {",
                "  io.beth.bootstrap.BethApplication beth();",
                "  ItemsApi items();",
                "  StrayApi stray();",
                "}"),
            source(
                "FullMain",
                "public class FullMain implements",
                "    java.util.function.Function<String, Object> {",
                "  private final FullApp app = DaggerFullApp.create();",
                "  public Object apply(String what) {",
                "    return switch (what) {",
                "      case \"beth\" -> app.beth();",
                "      case \"items\" -> app.items();",
                "      default -> app.stray();",
                "    };",
                "  }",
                "}"));
  }

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start(0);
  }

  @AfterEach
  void stop() throws Exception {
    System.clearProperty(ITEMS_PROPERTY);
    System.clearProperty(BethClientOptions.URI_PROPERTY);
    server.shutdown();
  }

  private static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  @Test
  void theClientIsInjectedWithTheComponentsOptionsAndHttpClient() throws Exception {
    @SuppressWarnings("unchecked")
    BiFunction<BethClientOptions, HttpClient, ItemsApi> main =
        app.newInstance(ClientSources.PACKAGE + ".OptionsMain", BiFunction.class);
    server.enqueue(
        new MockResponse()
            .setHeader("Content-Type", "application/json")
            .setBody("{\"id\":\"1\",\"name\":\"one\",\"color\":\"RED\"}"));
    try (HttpClient http = HttpClient.create()) {
      ItemsApi items =
          main.apply(
              BethClientOptions.builder()
                  .baseUri(URI.create("http://127.0.0.1:1/ignored"))
                  .baseUri(ItemsApi.class, server.url("/v1").uri())
                  .build(),
              http);
      assertEquals(new Item("1", "one", Color.RED), await(items.item("1")));
    }
    assertEquals("/v1/items/1", server.takeRequest(20, TimeUnit.SECONDS).getPath());
  }

  @Test
  void oneComponentServesAnInterfaceAndCallsItWithBaseUrisFromSystemProperties() throws Exception {
    Function<String, Object> component = fullApp();
    RunningApplication running =
        ((BethApplication) component.apply("beth"))
            .start(BethOptions.builder().httpPort(0).build())
            .get(30, TimeUnit.SECONDS);
    try {
      System.setProperty(ITEMS_PROPERTY, "http://127.0.0.1:" + running.address("http").getPort());
      System.setProperty(BethClientOptions.URI_PROPERTY, server.url("/").toString());
      ItemsApi items = (ItemsApi) component.apply("items");
      assertEquals(new Item("7", "item 7", Color.RED), await(items.item("7")));
      server.enqueue(
          new MockResponse().setHeader("Content-Type", "application/json").setBody("\"boo\""));
      StrayApi stray = (StrayApi) component.apply("stray");
      assertEquals("boo", await(stray.ghost("g")));
      assertEquals("/ghosts/g", server.takeRequest(20, TimeUnit.SECONDS).getPath());
    } finally {
      running.stop(Duration.ofSeconds(5)).get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void withoutABaseUriProvidingTheClientFailsSayingHowToConfigureOne() throws Exception {
    Function<String, Object> component = fullApp();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> component.apply("items"));
    assertEquals(
        "No base URI for the client of io.beth.processor.client.ItemsApi: set"
            + " BethClientOptions.builder().baseUri(ItemsApi.class, uri), the system property"
            + " beth.client.io.beth.processor.client.ItemsApi.uri, or a default for every client with"
            + " BethClientOptions.builder().baseUri(uri) or -Dbeth.client.uri=http://host:port",
        e.getMessage());
  }

  private static Function<String, Object> fullApp() throws ReflectiveOperationException {
    @SuppressWarnings("unchecked")
    Function<String, Object> main =
        app.newInstance(ClientSources.PACKAGE + ".FullMain", Function.class);
    return main;
  }
}
