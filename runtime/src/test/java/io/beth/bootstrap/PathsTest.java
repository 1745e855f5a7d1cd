package io.beth.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PathsTest {

  @Test
  void theRootHasNoSegments() {
    assertArrayEquals(new String[0], Paths.segments("/"));
    assertArrayEquals(new String[0], Paths.segments(""));
  }

  @Test
  void segmentsArePercentDecodedOneByOneSoAnEncodedSlashStaysInside() {
    assertArrayEquals(
        new String[] {"a", "b c", "x/y", "é"}, Paths.segments("/a/b%20c/x%2Fy/%C3%A9"));
  }

  @Test
  void aTrailingSlashIsAnEmptyLastSegment() {
    assertArrayEquals(new String[] {"a", ""}, Paths.segments("/a/"));
  }

  @Test
  void aMalformedEscapeIsABadParameter() {
    BadParameterException e =
        assertThrows(BadParameterException.class, () -> Paths.segments("/a/%zz"));
    assertEquals(400, e.status());
  }
}
