package io.beth.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RouteCallTest {

  enum Shade {
    DARK {
      @Override
      public String toString() {
        return "dark!";
      }
    }
  }

  @Test
  void aSegmentKeepsOnlyUnreservedAndSafeCharacters() {
    assertEquals("plain-._~:@!$'()*,", RouteCall.encodeSegment("plain-._~:@!$'()*,"));
    assertEquals(
        "a%20b%2Fc%3Fd%25%23%2B%26%3D%3B%C3%A9", RouteCall.encodeSegment("a b/c?d%#+&=;é"));
    assertEquals("", RouteCall.encodeSegment(""));
  }

  @Test
  void dotSegmentsAreEncodedWhole() {
    assertEquals("%2E", RouteCall.encodeSegment("."));
    assertEquals("%2E%2E", RouteCall.encodeSegment(".."));
    assertEquals("...", RouteCall.encodeSegment("..."));
  }

  @Test
  void enumsAreWrittenByNameAndOtherValuesByValueOf() {
    assertEquals("DARK", RouteCall.text(Shade.DARK));
    assertEquals("2026-12-06", RouteCall.text(LocalDate.of(2026, 12, 6)));
    assertEquals("-3", RouteCall.text(-3));
  }
}
