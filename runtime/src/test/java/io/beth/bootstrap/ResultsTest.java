package io.beth.bootstrap;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.beth.codec.Codecs;
import io.beth.codec.TypeToken;
import io.beth.http.HttpRequest;
import io.beth.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How generated routers decode bodies and answer optional results. */
class ResultsTest {

  /** A body type. */
  public record User(String name, int age) {}

  private static HttpRequest post(String contentType) {
    return HttpRequest.builder()
        .method("POST")
        .uri("/users")
        .header("Content-Type", contentType)
        .build();
  }

  private static String message(BadParameterException e) {
    return new String((byte[]) e.response().body(), UTF_8);
  }

  @Test
  void aBodyThatDecodesIsTheValue() {
    assertEquals(
        new User("ada", 36),
        Results.decode(
            post("application/json"),
            "{\"name\":\"ada\",\"age\":36}".getBytes(UTF_8),
            User.class,
            Codecs.defaults(),
            "user"));
  }

  @Test
  void anEmptyBodyIsA400NamingTheParameterAndTheExpectedType() {
    BadParameterException e =
        assertThrows(
            BadParameterException.class,
            () ->
                Results.decode(
                    post("application/json"), new byte[0], User.class, Codecs.defaults(), "user"));
    assertEquals(400, e.status());
    assertEquals(
        "Missing body for parameter 'user': the request has no body (expected User)",
        e.getMessage());
    assertNotNull(e.getCause(), "the codec's failure stays as the cause, for the logs");
  }

  @Test
  void aMalformedBodyIsA400WithoutTheCodecsWording() {
    BadParameterException e =
        assertThrows(
            BadParameterException.class,
            () ->
                Results.decode(
                    post("application/json; charset=utf-8"),
                    "{\"name\":".getBytes(UTF_8),
                    new TypeToken<List<User>>() {}.type(),
                    Codecs.defaults(),
                    "users"));
    assertEquals(
        "Invalid body for parameter 'users': the body is not a valid List<User> in"
            + " application/json",
        e.getMessage());
    assertEquals(
        "{\"status\":400,\"error\":\"Bad Request\",\"message\":\"Invalid body for"
            + " parameter 'users': the body is not a valid List<User> in application/json\"}",
        message(e));
  }

  @Test
  void aBodyNoCodecReadsIs415NamingTheParameter() {
    BadParameterException e =
        assertThrows(
            BadParameterException.class,
            () ->
                Results.decode(
                    post("text/csv"),
                    "a,b".getBytes(UTF_8),
                    User.class,
                    Codecs.defaults(),
                    "user"));
    assertEquals(415, e.status());
    assertEquals(
        "Unsupported body for parameter 'user': no codec reads the content type text/csv",
        e.getMessage());
  }

  @Test
  void typesAreDescribedBySimpleNames() {
    assertEquals(
        "Map<String, User[]>", Results.describe(new TypeToken<Map<String, User[]>>() {}.type()));
    assertEquals("int[]", Results.describe(int[].class));
  }

  @Test
  void anOptionalResultIsItsValueEncodedOr404() throws Exception {
    HttpResponse present =
        Results.encodeOptional(Optional.of(new User("bo", 3)), Codecs.defaults())
            .get(5, TimeUnit.SECONDS);
    assertEquals(200, present.status());
    assertArrayEquals("{\"name\":\"bo\",\"age\":3}".getBytes(UTF_8), (byte[]) present.body());
    assertEquals(
        404,
        Results.encodeOptional(Optional.empty(), Codecs.defaults())
            .get(5, TimeUnit.SECONDS)
            .status());
    assertEquals(
        404,
        Results.encodeOptionalLater(
                CompletableFuture.completedFuture(Optional.empty()), Codecs.defaults())
            .toCompletableFuture()
            .get(5, TimeUnit.SECONDS)
            .status());
    assertEquals(
        200,
        Results.encodeOptionalLater(
                CompletableFuture.supplyAsync(() -> Optional.of("x")), Codecs.defaults())
            .toCompletableFuture()
            .get(5, TimeUnit.SECONDS)
            .status());
  }
}
