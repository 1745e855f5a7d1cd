package io.beth.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParamsTest {

  @Test
  void aMissingRequiredValueNamesTheParameter() {
    BadParameterException e =
        assertThrows(
            BadParameterException.class,
            () -> Params.required(null, "query parameter", "page", Integer::parseInt));
    assertEquals("Missing query parameter 'page'", e.getMessage());
  }

  @Test
  void aValueThatDoesNotConvertNamesTheParameterAndTheValue() {
    BadParameterException e =
        assertThrows(
            BadParameterException.class,
            () -> Params.required("x", "header", "X-Count", Integer::parseInt));
    assertTrue(e.getMessage().startsWith("Invalid header 'X-Count': \"x\""), e.getMessage());
  }

  @Test
  void defaultsOptionalsAndListsApplyWhenAbsent() {
    assertEquals(
        Integer.valueOf(7),
        Params.<Integer>orDefault(null, "7", "query parameter", "n", Integer::parseInt));
    assertEquals(Optional.empty(), Params.optional(null, "cookie", "c", Params::text));
    assertEquals(List.of(), Params.list(List.of(), null, "query parameter", "t", Params::text));
    assertEquals(List.of("d"), Params.list(List.of(), "d", "query parameter", "t", Params::text));
    assertEquals(
        List.of(1, 2),
        Params.list(List.of("1", "2"), null, "query parameter", "t", Integer::parseInt));
  }

  @Test
  void booleansAndCharsAreStrict() {
    assertEquals(Boolean.TRUE, Params.parseBoolean("TRUE"));
    assertThrows(IllegalArgumentException.class, () -> Params.parseBoolean("yes"));
    assertEquals('x', Params.parseChar("x"));
    assertThrows(IllegalArgumentException.class, () -> Params.parseChar("xy"));
  }
}
