package io.beth.processor;

import static io.beth.processor.Sources.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.bootstrap.BethApplication;
import io.beth.bootstrap.BethOptions;
import io.beth.bootstrap.RunningApplication;
import io.beth.http.HttpServerOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code @NonBlocking} routes run inline on the event loop; every other route runs on the server's
 * executor, so that a route that blocks never stalls the connections of its event loop.
 */
class NonBlockingRoutesTest {

  static final JavaFileObject ROUTES =
      file(
          "Routes",
          "public class Routes {",
          "  public static final CountDownLatch WAITING = new CountDownLatch(1);",
          "  private final CountDownLatch released = new CountDownLatch(1);",
          "  @Inject Routes() {}",
          "  static String where() {",
          "    return Thread.currentThread() instanceof io.netty.util.concurrent.FastThreadLocalThread",
          "        ? \"event loop\" : \"executor\";",
          "  }",
          "  @HttpRoute(method = \"GET\", path = \"/inline\") @NonBlocking",
          "  public String inline() { return where(); }",
          "  @HttpRoute(method = \"GET\", path = \"/blocking\")",
          "  public String blocking() { return where(); }",
          "  @HttpRoute(method = \"GET\", path = \"/wait\")",
          "  public String waitForRelease() throws InterruptedException {",
          "    WAITING.countDown();",
          "    return released.await(20, TimeUnit.SECONDS) ? \"released\" : \"timed out\";",
          "  }",
          "  @HttpRoute(method = \"POST\", path = \"/release\") @NonBlocking",
          "  public String release() { released.countDown(); return where(); }",
          "}");

  static final JavaFileObject FAST =
      file(
          "Fast",
          "@NonBlocking",
          "public class Fast {",
          "  @Inject Fast() {}",
          "  @HttpRoute(method = \"GET\", path = \"/fast\")",
          "  public CompletableFuture<String> fast() {",
          "    return CompletableFuture.completedFuture(Routes.where());",
          "  }",
          "}");

  /** The compiled {@code Routes.WAITING}: counted down by {@code GET /wait} before it blocks. */
  private static CountDownLatch started;

  private static RunningApplication running;
  private static HttpClient client;

  @BeforeAll
  static void start() throws Exception {
    CompiledApplication app = CompiledApplication.compile(ROUTES, FAST, Sources.APP, Sources.MAIN);
    started = (CountDownLatch) app.loadClass("test.Routes").getField("WAITING").get(null);
    @SuppressWarnings("unchecked")
    Supplier<BethApplication> main = app.newInstance("test.Main", Supplier.class);
    // One event loop: a route that blocked it would stall every other request.
    running =
        main.get()
            .start(
                BethOptions.builder()
                    .http(HttpServerOptions.builder().ioThreads(1).build())
                    .httpPort(0)
                    .build())
            .get(30, TimeUnit.SECONDS);
    client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  @AfterAll
  static void stop() throws Exception {
    if (running != null) {
      running.stop(Duration.ofSeconds(5)).get(30, TimeUnit.SECONDS);
    }
  }

  private static HttpRequest request(String method, String path) {
    return HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + running.address("http").getPort() + path))
        .timeout(Duration.ofSeconds(30))
        .method(method, HttpRequest.BodyPublishers.noBody())
        .build();
  }

  private static String body(String method, String path) throws Exception {
    HttpResponse<String> response = client.send(request(method, path), BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  @Test
  void aNonBlockingRouteRunsOnTheEventLoop() throws Exception {
    assertEquals("\"event loop\"", body("GET", "/inline"));
  }

  @Test
  void aRouteNotDeclaredNonBlockingRunsOnTheExecutor() throws Exception {
    assertEquals("\"executor\"", body("GET", "/blocking"));
  }

  @Test
  void nonBlockingOnTheTypeCoversEveryRouteOfIt() throws Exception {
    assertEquals("\"event loop\"", body("GET", "/fast"));
  }

  @Test
  void aBlockedRouteLeavesTheEventLoopFreeForOtherRequests() throws Exception {
    CompletableFuture<HttpResponse<String>> waiting =
        client.sendAsync(request("GET", "/wait"), BodyHandlers.ofString());
    assertTrue(started.await(30, TimeUnit.SECONDS), "GET /wait did not run");
    // Served by the only event loop while /wait blocks its executor thread.
    assertEquals("\"event loop\"", body("POST", "/release"));
    HttpResponse<String> released = waiting.get(30, TimeUnit.SECONDS);
    assertEquals("\"released\"", released.body());
  }
}
