package io.beth.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CodecsTest {

  @Test
  void jsonIsTheDefaultAndReadsJsonTypesAndUntypedBodies() throws Exception {
    Codecs codecs = Codecs.defaults();
    assertEquals("application/json", codecs.encoder().mediaType());
    byte[] body = "{\"a\":[1,2]}".getBytes(StandardCharsets.UTF_8);
    Object decoded =
        codecs.decode(
            "application/json; charset=utf-8",
            body,
            new TypeToken<Map<String, List<Integer>>>() {}.type());
    assertEquals(Map.of("a", List.of(1, 2)), decoded);
    assertEquals(
        Map.of("a", List.of(1, 2)),
        codecs.decode(
            "application/problem+json",
            body,
            new TypeToken<Map<String, List<Integer>>>() {}.type()));
    assertEquals(
        Map.of("a", List.of(1, 2)),
        codecs.decode(null, body, new TypeToken<Map<String, List<Integer>>>() {}.type()));
    assertArrayEquals(body, codecs.encoder().encode(Map.of("a", List.of(1, 2))));
  }

  @Test
  void aContentTypeNoCodecReadsIsRefused() {
    assertThrows(
        Codecs.UnsupportedMediaTypeException.class,
        () -> Codecs.defaults().decode("text/csv", new byte[0], String.class));
  }
}
