package io.beth.processor;

import static io.beth.processor.Sources.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.bootstrap.BethApplication;
import io.beth.bootstrap.BethOptions;
import io.beth.bootstrap.RunningApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An annotated application compiled by the processor and Dagger, started through its component on
 * port 0 and called with the JDK's HttpClient: bindings, results, conversion errors, 404/405.
 */
class RouterBehaviourTest {

  private static final String ID = "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f";

  static final JavaFileObject USERS =
      file(
          "Users",
          "@HttpRoute(path = \"/users\")",
          "public class Users {",
          "  public enum Role { ADMIN, GUEST }",
          "  public record User(String id, String name) {}",
          "  private final Greeter greeter;",
          "  @Inject public Users(Greeter greeter) { this.greeter = greeter; }",
          "  @HttpRoute(method = \"GET\", path = \"/{id}\")",
          "  public User user(@PathParam(\"id\") UUID id) { return new User(id.toString(), \"ada\"); }",
          "  @HttpRoute(method = \"GET\", path = \"/me\")",
          "  public HttpResponse me() { return HttpResponse.ok(greeter.greet(\"me\")); }",
          "  @HttpRoute(method = \"GET\", path = \"/count/{n}\")",
          "  public HttpResponse count(@PathParam int n, @QueryParam(\"scale\") Optional<Long> scale,",
          "      @QueryParam(value = \"unit\", defaultValue = \"m\") String unit,",
          "      @QueryParam(\"tag\") List<Role> tags, @HeaderParam(\"X-Flag\") Optional<Boolean> flag,",
          "      @CookieParam(value = \"session\", defaultValue = \"none\") String session) {",
          "    return HttpResponse.ok(n + \" \" + scale + \" \" + unit + \" \" + tags + \" \" + flag",
          "        + \" \" + session);",
          "  }",
          "  @HttpRoute(method = \"GET\", path = \"/search\")",
          "  public CompletableFuture<List<String>> search(@QueryParam(\"q\") String q) {",
          "    return CompletableFuture.completedFuture(List.of(q, q));",
          "  }",
          "  @HttpRoute(method = \"POST\")",
          "  public CompletableFuture<User> create(@Body User user) {",
          "    return CompletableFuture.supplyAsync(() -> new User(user.id(), user.name() + \"!\"));",
          "  }",
          "  @HttpRoute(method = \"DELETE\", path = \"/{id}\")",
          "  public void delete(@PathParam UUID id) {}",
          "  @HttpRoute(method = \"PUT\", path = \"/{id}/avatar\")",
          "  public HttpResponse upload(@PathParam UUID id, @Body Source<byte[]> body) {",
          "    return HttpResponse.builder().body(body).build();",
          "  }",
          "  @HttpRoute(method = \"GET\", path = \"/stream\")",
          "  public Source<String> stream() {",
          "    io.beth.stream.BufferedStream<String> s = io.beth.stream.Streams.buffered(4);",
          "    s.put(\"a\"); s.put(\"b\"); s.put(\"c\"); s.close();",
          "    return s;",
          "  }",
          "  @HttpRoute(method = \"GET\", path = \"/events\")",
          "  public Source<io.beth.http.ServerSentEvent> events() {",
          "    io.beth.stream.BufferedStream<io.beth.http.ServerSentEvent> s =",
          "        io.beth.stream.Streams.buffered(4);",
          "    s.put(io.beth.http.ServerSentEvent.of(\"tick\", \"1\")); s.close();",
          "    return s;",
          "  }",
          "  @HttpRoute(method = \"GET\", path = \"/fail\")",
          "  public CompletionStage<Void> fail() {",
          "    return CompletableFuture.failedFuture(new IllegalStateException(\"boom\"));",
          "  }",
          "}");

  static final JavaFileObject GREETER =
      file(
          "Greeter",
          "public class Greeter {",
          "  @Inject Greeter() {}",
          "  String greet(String who) { return \"hello \" + who; }",
          "}");

  static final JavaFileObject HEALTH =
      file(
          "Health",
          "public class Health {",
          "  @HttpRoute(method = \"GET\", path = \"/\")",
          "  public String root() { return \"ok\"; }",
          "}");

  /**
   * A record handler (its {@code @Inject} constructor called by the generated module), a method
   * path "/" that is the prefix itself, optional results, and text and byte bodies.
   */
  static final JavaFileObject NOTES =
      file(
          "Notes",
          "@HttpRoute(path = \"/notes\")",
          "public record Notes(Greeter greeter) {",
          "  @Inject public Notes {}",
          "  @HttpRoute(method = \"GET\", path = \"/\")",
          "  public String all() { return greeter.greet(\"notes\"); }",
          "  @HttpRoute(method = \"GET\", path = \"/{id}\")",
          "  public Optional<String> one(@PathParam String id) {",
          "    return id.equals(\"none\") ? Optional.empty() : Optional.of(\"note \" + id);",
          "  }",
          "  @HttpRoute(method = \"GET\", path = \"/{id}/later\")",
          "  public CompletableFuture<Optional<String>> later(@PathParam String id) {",
          "    return CompletableFuture.supplyAsync(() -> one(id));",
          "  }",
          "  @HttpRoute(method = \"POST\", path = \"/text\")",
          "  public String text(@Body String text) { return text.length() + \":\" + text; }",
          "  @HttpRoute(method = \"POST\", path = \"/bytes\")",
          "  public int bytes(@Body byte[] data) { return data.length; }",
          "}");

  private static RunningApplication running;
  private static HttpClient client;

  @BeforeAll
  static void start() throws Exception {
    CompiledApplication app =
        CompiledApplication.compile(USERS, GREETER, HEALTH, NOTES, Sources.APP, Sources.MAIN);
    @SuppressWarnings("unchecked")
    Supplier<BethApplication> main = app.newInstance("test.Main", Supplier.class);
    running = main.get().start(BethOptions.builder().httpPort(0).build()).get(30, TimeUnit.SECONDS);
    client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  @AfterAll
  static void stop() throws Exception {
    if (running != null) {
      running.stop(Duration.ofSeconds(5)).get(30, TimeUnit.SECONDS);
    }
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + running.address("http").getPort() + path);
  }

  private static HttpResponse<String> send(
      String method, String path, String body, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(20))
            .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.build(), BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path, String... headers) throws Exception {
    return send("GET", path, null, headers);
  }

  @Test
  void aPathParameterIsConvertedAndAValueIsEncodedAsJson() throws Exception {
    HttpResponse<String> response = get("/users/" + ID);
    assertEquals(200, response.statusCode());
    assertEquals("{\"id\":\"" + ID + "\",\"name\":\"ada\"}", response.body());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
  }

  @Test
  void aLiteralSegmentWinsOverAPlaceholderAndHandlersAreInjected() throws Exception {
    HttpResponse<String> response = get("/users/me");
    assertEquals(200, response.statusCode());
    assertEquals("hello me", response.body());
  }

  @Test
  void theRootPathIsARoute() throws Exception {
    HttpResponse<String> response = get("/");
    assertEquals(200, response.statusCode());
    assertEquals("\"ok\"", response.body());
  }

  @Test
  void queryHeaderAndCookieValuesBindWithOptionalsDefaultsAndLists() throws Exception {
    HttpResponse<String> response =
        get(
            "/users/count/3?scale=2&tag=ADMIN&tag=GUEST",
            "X-Flag",
            "true",
            "Cookie",
            "session=abc");
    assertEquals(200, response.statusCode());
    assertEquals("3 Optional[2] m [ADMIN, GUEST] Optional[true] abc", response.body());
    HttpResponse<String> bare = get("/users/count/4");
    assertEquals("4 Optional.empty m [] Optional.empty none", bare.body());
  }

  @Test
  void aValueThatDoesNotConvertIsA400JsonErrorNamingTheParameter() throws Exception {
    HttpResponse<String> badId = get("/users/not-a-uuid");
    assertEquals(400, badId.statusCode());
    assertEquals("application/json", badId.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(
        "{\"status\":400,\"error\":\"Bad Request\",\"message\":\"Invalid path"
            + " parameter 'id': \\\"not-a-uuid\\\" (Invalid UUID string: not-a-uuid)\"}",
        badId.body());
    HttpResponse<String> badTag = get("/users/count/1?tag=ROOT");
    assertEquals(400, badTag.statusCode());
    assertTrue(badTag.body().contains("query parameter 'tag'"), badTag.body());
    HttpResponse<String> badFlag = get("/users/count/1", "X-Flag", "maybe");
    assertEquals(400, badFlag.statusCode());
    assertTrue(badFlag.body().contains("header 'X-Flag'"), badFlag.body());
  }

  @Test
  void aMissingRequiredQueryParameterIsA400() throws Exception {
    HttpResponse<String> response = get("/users/search");
    assertEquals(400, response.statusCode());
    assertTrue(response.body().contains("Missing query parameter 'q'"), response.body());
    assertEquals("[\"x\",\"x\"]", get("/users/search?q=x").body());
  }

  @Test
  void aJsonBodyIsDecodedAndAFutureValueEncoded() throws Exception {
    HttpResponse<String> response =
        send(
            "POST", "/users", "{\"id\":\"1\",\"name\":\"bo\"}", "Content-Type", "application/json");
    assertEquals(200, response.statusCode());
    assertEquals("{\"id\":\"1\",\"name\":\"bo!\"}", response.body());
  }

  @Test
  void aBodyThatDoesNotDecodeIsA400() throws Exception {
    HttpResponse<String> response =
        send("POST", "/users", "{nope", "Content-Type", "application/json");
    assertEquals(400, response.statusCode());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(
        "{\"status\":400,\"error\":\"Bad Request\",\"message\":\"Invalid body for"
            + " parameter 'user': the body is not a valid User in application/json\"}",
        response.body());
  }

  @Test
  void anEmptyJsonBodyIsA400NamingTheParameterWithoutTheCodecsWording() throws Exception {
    HttpResponse<String> response = send("POST", "/users", "", "Content-Type", "application/json");
    assertEquals(400, response.statusCode());
    assertEquals(
        "{\"status\":400,\"error\":\"Bad Request\",\"message\":\"Missing body for"
            + " parameter 'user': the request has no body (expected User)\"}",
        response.body());
  }

  @Test
  void aTextBodyBindsToStringInItsCharsetWhateverItsTypeAndBytesToByteArray() throws Exception {
    HttpRequest latin =
        HttpRequest.newBuilder(uri("/notes/text"))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "text/plain; charset=ISO-8859-1")
            .POST(
                BodyPublishers.ofByteArray("d\u00e9j\u00e0".getBytes(StandardCharsets.ISO_8859_1)))
            .build();
    HttpResponse<String> text = client.send(latin, BodyHandlers.ofString());
    assertEquals(200, text.statusCode());
    assertEquals("\"4:d\u00e9j\u00e0\"", text.body());
    HttpResponse<String> json =
        send("POST", "/notes/text", "\"x\"", "Content-Type", "application/json");
    assertEquals("\"3:\\\"x\\\"\"", json.body());
    HttpRequest raw =
        HttpRequest.newBuilder(uri("/notes/bytes"))
            .timeout(Duration.ofSeconds(20))
            .POST(BodyPublishers.ofByteArray(new byte[] {0, -1, 7, 8}))
            .build();
    assertEquals("4", client.send(raw, BodyHandlers.ofString()).body());
  }

  @Test
  void anOptionalResultIsItsValueOr404WhenEmptyAlsoInAFuture() throws Exception {
    assertEquals("\"note 7\"", get("/notes/7").body());
    HttpResponse<String> none = get("/notes/none");
    assertEquals(404, none.statusCode());
    assertEquals("", none.body());
    assertEquals("\"note 8\"", get("/notes/8/later").body());
    assertEquals(404, get("/notes/none/later").statusCode());
  }

  @Test
  void aRecordHandlerIsInjectedAndARootPathUnderAPrefixIsThePrefix() throws Exception {
    HttpResponse<String> response = get("/notes");
    assertEquals(200, response.statusCode());
    assertEquals("\"hello notes\"", response.body());
    assertEquals(404, get("/notes/").statusCode());
  }

  @Test
  void aBodyOfATypeNoCodecReadsIs415() throws Exception {
    HttpResponse<String> response =
        send("POST", "/users", "id=1&name=bo", "Content-Type", "application/x-www-form-urlencoded");
    assertEquals(415, response.statusCode());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(
        response
            .body()
            .startsWith(
                "{\"status\":415,\"error\":\"Unsupported Media Type\","
                    + "\"message\":\"Unsupported body for parameter 'user': no codec reads the content"
                    + " type "
                    + "application/x-www-form-urlencoded"),
        response.body());
  }

  @Test
  void aVoidRouteAnswers204() throws Exception {
    assertEquals(204, send("DELETE", "/users/" + ID, null).statusCode());
  }

  @Test
  void theBodyStreamIsHandedOverUnread() throws Exception {
    HttpResponse<String> response = send("PUT", "/users/" + ID + "/avatar", "pixels");
    assertEquals(200, response.statusCode());
    assertEquals("pixels", response.body());
  }

  @Test
  void aStreamResultIsSentInChunks() throws Exception {
    HttpResponse<String> response = get("/users/stream");
    assertEquals(200, response.statusCode());
    assertEquals("abc", response.body());
    assertEquals("chunked", response.headers().firstValue("Transfer-Encoding").orElse("(none)"));
  }

  @Test
  void aStreamOfServerSentEventsIsAnEventStream() throws Exception {
    HttpResponse<String> response = get("/users/events");
    assertEquals(200, response.statusCode());
    assertTrue(
        response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/event-stream"),
        response.headers().toString());
    assertTrue(response.body().contains("event: tick\ndata: 1\n\n"), response.body());
  }

  @Test
  void anUnknownPathIs404() throws Exception {
    assertEquals(404, get("/nothing").statusCode());
    assertEquals(404, get("/users/" + ID + "/avatar/x").statusCode());
    assertEquals(404, get("/users/").statusCode());
  }

  @Test
  void aKnownPathWithAnotherMethodIs405WithAllow() throws Exception {
    HttpResponse<String> response = send("PATCH", "/users/" + ID, null);
    assertEquals(405, response.statusCode());
    assertEquals(
        "DELETE, GET, HEAD, OPTIONS", response.headers().firstValue("Allow").orElseThrow());
  }

  @Test
  void optionsListsTheMethodsAndHeadRunsTheGetRoute() throws Exception {
    HttpResponse<String> options = send("OPTIONS", "/users", null);
    assertEquals(204, options.statusCode());
    assertEquals("OPTIONS, POST", options.headers().firstValue("Allow").orElseThrow());
    HttpResponse<String> head = send("HEAD", "/users/me", null);
    assertEquals(200, head.statusCode());
    assertEquals("", head.body());
  }

  @Test
  void aFailedFutureIsA500() throws Exception {
    assertEquals(500, get("/users/fail").statusCode());
  }

  @Test
  void theHttpPortComesFromTheSystemPropertyWhenNotSetProgrammatically() throws Exception {
    CompiledApplication app = CompiledApplication.compile(HEALTH, Sources.APP, Sources.MAIN);
    @SuppressWarnings("unchecked")
    Supplier<BethApplication> main = app.newInstance("test.Main", Supplier.class);
    System.setProperty(BethOptions.HTTP_PORT_PROPERTY, "0");
    RunningApplication other;
    try {
      other = main.get().start().get(30, TimeUnit.SECONDS);
    } finally {
      System.clearProperty(BethOptions.HTTP_PORT_PROPERTY);
    }
    try {
      int port = other.address("http").getPort();
      assertTrue(port > 0 && port != BethApplication.DEFAULT_HTTP_PORT, "port " + port);
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                  .timeout(Duration.ofSeconds(20))
                  .build(),
              BodyHandlers.ofString());
      assertEquals("\"ok\"", response.body());
    } finally {
      other.stop(Duration.ofSeconds(5)).get(30, TimeUnit.SECONDS);
    }
  }
}
