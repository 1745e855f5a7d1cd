package io.beth.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BethClientOptionsTest {

  /** A stand-in for a route interface. */
  interface Api {}

  private static final String API_PROPERTY = BethClientOptions.uriProperty(Api.class);

  @AfterEach
  void clear() {
    System.clearProperty(API_PROPERTY);
    System.clearProperty(BethClientOptions.URI_PROPERTY);
  }

  @Test
  void thePropertyOfAnInterfaceIsNamedAfterItsBinaryName() {
    assertEquals("beth.client.io.beth.bootstrap.BethClientOptionsTest$Api.uri", API_PROPERTY);
  }

  @Test
  void theMostSpecificBaseUriWinsProgrammaticBeforePropertyAtEachLevel() {
    System.setProperty(BethClientOptions.URI_PROPERTY, "http://default-property");
    assertEquals(
        URI.create("http://default-property"), BethClientOptions.defaults().baseUri(Api.class));
    BethClientOptions withDefault =
        BethClientOptions.builder().baseUri(URI.create("http://default")).build();
    assertEquals(URI.create("http://default"), withDefault.baseUri(Api.class));
    System.setProperty(API_PROPERTY, " http://api-property:81/v1 ");
    assertEquals(URI.create("http://api-property:81/v1"), withDefault.baseUri(Api.class));
    assertEquals(
        URI.create("https://api"),
        BethClientOptions.builder()
            .baseUri(URI.create("http://default"))
            .baseUri(Api.class, URI.create("https://api"))
            .build()
            .baseUri(Api.class));
  }

  @Test
  void withoutAnyBaseUriTheErrorSaysHowToSetOne() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> BethClientOptions.defaults().baseUri(Api.class));
    assertTrue(e.getMessage().contains(API_PROPERTY), e.getMessage());
    assertTrue(e.getMessage().contains("-Dbeth.client.uri="), e.getMessage());
  }

  @Test
  void baseUrisMustBeAbsoluteHttpWithoutQuery() {
    assertThrows(
        IllegalArgumentException.class,
        () -> BethClientOptions.builder().baseUri(URI.create("/relative")));
    assertThrows(
        IllegalArgumentException.class,
        () -> BethClientOptions.builder().baseUri(URI.create("ftp://host")));
    assertThrows(
        IllegalArgumentException.class,
        () -> BethClientOptions.builder().baseUri(Api.class, URI.create("http://host/?a=b")));
    System.setProperty(API_PROPERTY, "not a uri");
    assertThrows(
        IllegalArgumentException.class, () -> BethClientOptions.defaults().baseUri(Api.class));
  }
}
