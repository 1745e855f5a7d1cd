package io.beth.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BethOptionsTest {

  @AfterEach
  void clearProperty() {
    System.clearProperty(BethOptions.HTTP_PORT_PROPERTY);
  }

  @Test
  void theDefaultPortAppliesWithoutOverrides() {
    assertEquals(BethApplication.DEFAULT_HTTP_PORT, BethOptions.defaults().httpPort());
  }

  @Test
  void theSystemPropertyOverridesTheDefaultAndTheBuilderOverridesBoth() {
    System.setProperty(BethOptions.HTTP_PORT_PROPERTY, "9001");
    assertEquals(9001, BethOptions.defaults().httpPort());
    assertEquals(0, BethOptions.builder().httpPort(0).build().httpPort());
    assertEquals(0, BethOptions.builder().httpPort(0).build().httpOptions().port());
  }

  @Test
  void aPortOutOfRangeIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> BethOptions.builder().httpPort(65536));
    System.setProperty(BethOptions.HTTP_PORT_PROPERTY, "70000");
    assertThrows(IllegalArgumentException.class, () -> BethOptions.defaults().httpPort());
    System.setProperty(BethOptions.HTTP_PORT_PROPERTY, "http");
    assertThrows(IllegalArgumentException.class, () -> BethOptions.defaults().httpPort());
  }
}
