package io.beth.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.codec.Codecs;
import io.beth.codec.TypeToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Request bodies decoded by a codec, and how their failures are answered. */
class HttpServerBodiesTest {

  record Point(String name, int x) {}

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private HttpServer server;
  private final CompletableFuture<Throwable> failure = new CompletableFuture<>();

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(Duration.ofSeconds(1)).join();
    }
  }

  /** Answers with the decoded point; records the failure a decoding ended with. */
  private URI start() {
    server =
        HttpServer.start(
                request -> {
                  CompletableFuture<?> decoded;
                  switch (request.path()) {
                    case "/list":
                      decoded = request.body(new TypeToken<List<Point>>() {});
                      break;
                    case "/small":
                      decoded = request.body(Point.class, Codecs.defaults(), 16);
                      break;
                    default:
                      decoded = request.body(Point.class);
                  }
                  return decoded
                      .whenComplete(
                          (value, error) -> {
                            if (error != null) {
                              failure.complete(error);
                            }
                          })
                      .thenApply(value -> HttpResponse.ok(value.toString()));
                },
                HttpServerOptions.builder().host("127.0.0.1").build())
            .join();
    return URI.create("http://127.0.0.1:" + server.port());
  }

  private java.net.http.HttpResponse<String> post(URI uri, String type, String body)
      throws Exception {
    return client.send(
        java.net.http.HttpRequest.newBuilder(uri)
            .header("Content-Type", type)
            .POST(BodyPublishers.ofString(body))
            .build(),
        BodyHandlers.ofString());
  }

  private HttpStatusException failedWith() throws Exception {
    Throwable error = failure.get(5, TimeUnit.SECONDS);
    assertFalse(error instanceof CompletionException, "the future fails with the cause itself");
    return (HttpStatusException) error;
  }

  @Test
  void aJsonBodyIsDecodedIntoARecordAndAGenericType() throws Exception {
    URI base = start();
    java.net.http.HttpResponse<String> one =
        post(base, "application/json; charset=utf-8", "{\"name\":\"a\",\"x\":3}");
    assertEquals(200, one.statusCode());
    assertEquals(new Point("a", 3).toString(), one.body());
    java.net.http.HttpResponse<String> list =
        post(
            base.resolve("/list"),
            "application/json",
            "[{\"name\":\"b\",\"x\":1},{\"name\":\"c\",\"x\":2}]");
    assertEquals(List.of(new Point("b", 1), new Point("c", 2)).toString(), list.body());
  }

  @Test
  void aContentTypeNoCodecReadsIs415() throws Exception {
    java.net.http.HttpResponse<String> response = post(start(), "text/plain", "{\"x\":1}");
    assertEquals(415, response.statusCode());
    assertEquals(415, failedWith().status());
  }

  @Test
  void aContentTypeNoCodecReadsIsRefusedBeforeTheBodyIsRead() throws Exception {
    // over the 10 MiB default limit: reading it first would make this a 413
    java.net.http.HttpResponse<String> response = post(start(), "text/csv", "x".repeat(12 << 20));
    assertEquals(415, response.statusCode());
    assertEquals(415, failedWith().status());
  }

  @Test
  void anUndecodableBodyIs400WithAShortReasonThatStaysOffTheWire() throws Exception {
    java.net.http.HttpResponse<String> response =
        post(start(), "application/json", "{\"name\": [not json");
    assertEquals(400, response.statusCode());
    assertEquals("Bad Request", response.body());
    HttpStatusException e = failedWith();
    assertEquals(400, e.status());
    assertTrue(e.getMessage().startsWith("cannot decode the request body as "), e.getMessage());
    assertTrue(e.getMessage().contains("Point"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    assertTrue(e.getCause() instanceof java.io.IOException, "the codec's error is the cause");
  }

  @Test
  void aBodyOverTheLimitIs413() throws Exception {
    java.net.http.HttpResponse<String> response =
        post(start().resolve("/small"), "application/json", "{\"name\":\"long enough\",\"x\":3}");
    assertEquals(413, response.statusCode());
    assertEquals(413, failedWith().status());
  }
}
