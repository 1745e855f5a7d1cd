package io.beth.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.beth.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BadParameterExceptionTest {

  @Test
  void theResponseIsA400JsonErrorCarryingTheMessage() throws Exception {
    HttpResponse response =
        new BadParameterException("Missing query parameter 'q'", null).response();
    assertEquals(400, response.status());
    assertEquals("application/json", response.header("Content-Type"));
    assertArrayEquals(
        "{\"status\":400,\"error\":\"Bad Request\",\"message\":\"Missing query parameter 'q'\"}"
            .getBytes(StandardCharsets.UTF_8),
        (byte[]) response.body());
  }

  @Test
  void quotesBackslashesAndControlCharactersInTheMessageStayValidJson() throws Exception {
    String message = "Invalid header 'X': \"a\\b\"\n\t\u0001\u2028é";
    HttpResponse response = new BadParameterException(message, null).response();
    JsonNode node = new ObjectMapper().readTree((byte[]) response.body());
    assertEquals(400, node.get("status").asInt());
    assertEquals("Bad Request", node.get("error").asText());
    assertEquals(message, node.get("message").asText());
  }

  @Test
  void anUnsupportedBodyIsA415JsonErrorAndNoOtherStatusIsTaken() {
    HttpResponse response =
        new BadParameterException(415, "Unsupported body: text/csv", null).response();
    assertEquals(415, response.status());
    assertArrayEquals(
        ("{\"status\":415,\"error\":\"Unsupported Media Type\","
                + "\"message\":\"Unsupported body: text/csv\"}")
            .getBytes(StandardCharsets.UTF_8),
        (byte[]) response.body());
    assertThrows(IllegalArgumentException.class, () -> new BadParameterException(500, "x", null));
  }
}
