package io.beth.processor;

import static io.beth.processor.ClientSources.fixture;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.http.HttpClient;
import io.beth.http.HttpResponse;
import io.beth.http.HttpResponseException;
import io.beth.processor.client.Color;
import io.beth.processor.client.Item;
import io.beth.processor.client.ItemsApi;
import io.beth.stream.Streams;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generated client of {@link ItemsApi} against OkHttp's MockWebServer, an independent origin:
 * the exact requests it sends (method, path and query encoding, headers, cookies, bodies and their
 * content types) and how it reads what comes back.
 */
class ClientWireFormatTest {

  private static final UUID TRACE = UUID.fromString("3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f");

  private static CompiledApplication app;
  private MockWebServer server;
  private HttpClient http;
  private ItemsApi items;

  @BeforeAll
  static void compile() {
    app = CompiledApplication.compile(fixture("ItemsApi"));
  }

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start(0);
    http = HttpClient.create();
    items = app.client(ItemsApi.class, http, server.url("/base/").uri());
  }

  @AfterEach
  void stop() throws Exception {
    http.close();
    server.shutdown();
  }

  private static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  private RecordedRequest recorded() throws InterruptedException {
    RecordedRequest request = server.takeRequest(20, TimeUnit.SECONDS);
    assertEquals(1, server.getRequestCount());
    return request;
  }

  private static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }

  @Test
  void aPathValueIsOnePercentEncodedSegmentAfterTheBasePath() throws Exception {
    server.enqueue(json("{\"id\":\"x\",\"name\":\"n\",\"color\":\"RED\"}"));
    assertEquals(new Item("x", "n", Color.RED), await(items.item("a b/c?d%é#")));
    RecordedRequest request = recorded();
    assertEquals("GET", request.getMethod());
    assertEquals("/base/items/a%20b%2Fc%3Fd%25%C3%A9%23", request.getPath());
    assertEquals("application/json", request.getHeader("Accept"));
    assertEquals(0, request.getBodySize());
  }

  @Test
  void dotSegmentsAreEncodedSoNothingRemovesThem() throws Exception {
    server.enqueue(json("{\"id\":\"..\",\"name\":\"n\",\"color\":\"RED\"}"));
    await(items.item(".."));
    assertEquals("/base/items/%2E%2E", recorded().getPath());
  }

  @Test
  void queryHeaderAndCookieValuesAreWrittenInParameterOrder() throws Exception {
    server.enqueue(json("\"ok\""));
    assertEquals(
        "ok",
        await(
            items.echo(
                7,
                "x y&z=+é",
                Optional.of(2),
                25,
                List.of(Color.RED, Color.DARK_BLUE),
                LocalDate.of(2026, 12, 6),
                TRACE,
                Optional.of(true),
                "abc",
                "dark")));
    RecordedRequest request = recorded();
    assertEquals("GET", request.getMethod());
    assertEquals(
        "/base/items/7/echo?q=x%20y%26z%3D%2B%C3%A9&page=2&size=25&color=RED"
            + "&color=DARK_BLUE&day=2026-12-06",
        request.getPath());
    assertEquals(TRACE.toString(), request.getHeader("X-Trace"));
    assertEquals(List.of("true"), request.getHeaders().values("X-Flag"));
    assertEquals(List.of("session=abc; theme=dark"), request.getHeaders().values("Cookie"));
  }

  @Test
  void absentOptionalValuesAreLeftOutAndPrimitivesAlwaysSent() throws Exception {
    server.enqueue(json("\"ok\""));
    await(
        items.echo(
            1,
            "q",
            Optional.empty(),
            10,
            List.of(),
            LocalDate.of(2026, 1, 31),
            TRACE,
            Optional.empty(),
            "s",
            null));
    RecordedRequest request = recorded();
    assertEquals("/base/items/1/echo?q=q&size=10&day=2026-01-31", request.getPath());
    assertNull(request.getHeader("X-Flag"));
    assertEquals(List.of("session=s"), request.getHeaders().values("Cookie"));
  }

  @Test
  void aBodyIsEncodedAsJsonWithItsContentType() throws Exception {
    server.enqueue(json("{\"id\":\"9\",\"name\":\"pen!\",\"color\":\"DARK_BLUE\"}"));
    assertEquals(
        new Item("9", "pen!", Color.DARK_BLUE),
        await(items.create(new Item("9", "pen", Color.DARK_BLUE))));
    RecordedRequest request = recorded();
    assertEquals("POST", request.getMethod());
    assertEquals("/base/items", request.getPath());
    assertEquals("application/json", request.getHeader("Content-Type"));
    assertEquals(
        "{\"id\":\"9\",\"name\":\"pen\",\"color\":\"DARK_BLUE\"}", request.getBody().readUtf8());
  }

  @Test
  void aStreamedBodyIsSentChunkedAsOctetStream() throws Exception {
    server.enqueue(json("\"AQI=\""));
    assertArrayEquals(
        new byte[] {1, 2},
        await(
            items.upload(
                "f", Streams.fromIterable(List.of("ab".getBytes(UTF_8), "cd".getBytes(UTF_8))))));
    RecordedRequest request = recorded();
    assertEquals("PUT", request.getMethod());
    assertEquals("/base/items/f/blob", request.getPath());
    assertEquals("application/octet-stream", request.getHeader("Content-Type"));
    assertEquals("chunked", request.getHeader("Transfer-Encoding"));
    assertEquals("abcd", request.getBody().readUtf8());
  }

  @Test
  void aTextBodyIsSentAsUtf8PlainTextAndBytesAsOctetStream() throws Exception {
    server.enqueue(json("\"ok\""));
    assertEquals("ok", await(items.note("n", "héllo \"there\"")));
    RecordedRequest text = server.takeRequest(20, TimeUnit.SECONDS);
    assertEquals("/base/items/n/note", text.getPath());
    assertEquals("text/plain; charset=utf-8", text.getHeader("Content-Type"));
    assertEquals("héllo \"there\"", text.getBody().readUtf8());
    server.enqueue(json("3"));
    assertEquals(Integer.valueOf(3), await(items.size("b", new byte[] {0, -1, 7})));
    RecordedRequest bytes = server.takeRequest(20, TimeUnit.SECONDS);
    assertEquals("application/octet-stream", bytes.getHeader("Content-Type"));
    assertArrayEquals(new byte[] {0, -1, 7}, bytes.getBody().readByteArray());
  }

  @Test
  void anOptionalResultIsEmptyOn404AndOnAnEmptyBodyAndFailsOnOtherErrors() throws Exception {
    server.enqueue(json("{\"id\":\"x\",\"name\":\"n\",\"color\":\"RED\"}"));
    assertEquals(Optional.of(new Item("x", "n", Color.RED)), await(items.find("x")));
    server.enqueue(new MockResponse().setResponseCode(404).setBody("no such item"));
    assertEquals(Optional.empty(), await(items.find("y")));
    server.enqueue(new MockResponse().setResponseCode(204));
    assertEquals(Optional.empty(), await(items.find("z")));
    server.enqueue(new MockResponse().setResponseCode(500).setBody("boom"));
    ExecutionException e = assertThrows(ExecutionException.class, () -> await(items.find("w")));
    assertEquals(500, assertInstanceOf(HttpResponseException.class, e.getCause()).status());
    assertEquals("/base/items/x/found", server.takeRequest(20, TimeUnit.SECONDS).getPath());
  }

  @Test
  void aVoidRouteSendsNoBodyAndCompletesWithNull() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(204));
    assertNull(await(items.delete("9")));
    RecordedRequest request = recorded();
    assertEquals("DELETE", request.getMethod());
    assertEquals("/base/items/9", request.getPath());
    assertNull(request.getHeader("Accept"));
  }

  @Test
  void anErrorStatusFailsWithTheResponseAndItsBody() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(503).setBody("down"));
    ExecutionException e = assertThrows(ExecutionException.class, () -> await(items.item("1")));
    HttpResponseException error = assertInstanceOf(HttpResponseException.class, e.getCause());
    assertEquals(503, error.status());
    assertEquals("down", await(error.response().string()));
  }

  @Test
  void aResponseRouteGetsAnyStatusWithoutFailing() throws Exception {
    server.enqueue(
        new MockResponse().setResponseCode(404).setHeader("X-Why", "gone").setBody("nothing"));
    HttpResponse response = await(items.raw("1"));
    assertEquals(404, response.status());
    assertEquals("gone", response.header("X-Why"));
    assertArrayEquals("nothing".getBytes(UTF_8), (byte[]) response.body());
    assertEquals("/base/items/1/raw", recorded().getPath());
  }

  @Test
  void aValueThatCannotBeSentFailsTheFutureAndSendsNothing() throws Exception {
    ExecutionException missing =
        assertThrows(
            ExecutionException.class,
            () ->
                await(
                    items.echo(
                        1,
                        "q",
                        Optional.empty(),
                        10,
                        List.of(),
                        LocalDate.of(2026, 1, 1),
                        null,
                        Optional.empty(),
                        "s",
                        null)));
    assertEquals("header 'X-Trace' is required but null", missing.getCause().getMessage());
    ExecutionException cookie =
        assertThrows(
            ExecutionException.class,
            () ->
                await(
                    items.echo(
                        1,
                        "q",
                        Optional.empty(),
                        10,
                        List.of(),
                        LocalDate.of(2026, 1, 1),
                        TRACE,
                        Optional.empty(),
                        "a; b",
                        null)));
    assertInstanceOf(IllegalArgumentException.class, cookie.getCause());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void cancellingTheFutureBeforeTheResponseAbortsTheExchangeAndItsConnection() throws Exception {
    try (ServerSocket origin = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      origin.setSoTimeout(20_000);
      ItemsApi silent =
          app.client(ItemsApi.class, http, URI.create("http://127.0.0.1:" + origin.getLocalPort()));
      CompletableFuture<Item> call = silent.item("1");
      try (Socket socket = origin.accept()) {
        socket.setSoTimeout(20_000);
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        assertEquals("GET /items/1 HTTP/1.1", in.readLine());
        while (!in.readLine().isEmpty()) {
          // the rest of the request head
        }
        assertTrue(call.cancel(true));
        assertEquals(-1, in.read(), "the client closed the connection");
      }
    }
  }
}
