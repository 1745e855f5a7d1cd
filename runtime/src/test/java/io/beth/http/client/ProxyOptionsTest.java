package io.beth.http.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.http.ProxyOptions;
import org.junit.jupiter.api.Test;

/** Which hosts a {@link ProxyOptions} sends through the proxy, and what it accepts. */
class ProxyOptionsTest {

  @Test
  void directAppliesToNoHost() {
    assertFalse(ProxyOptions.direct().appliesTo("example.com"));
    assertTrue(ProxyOptions.direct().isDirect());
  }

  @Test
  void loopbackHostsBypassTheProxyUnlessSwitchedOff() {
    ProxyOptions proxy = ProxyOptions.http("proxy", 3128).build();
    for (String host :
        new String[] {
          "localhost",
          "LOCALHOST",
          "api.localhost",
          "127.0.0.1",
          "127.1.2.3",
          "::1",
          "[::1]",
          "0:0:0:0:0:0:0:1"
        }) {
      assertFalse(proxy.appliesTo(host), host);
    }
    assertTrue(proxy.appliesTo("example.com"));
    assertTrue(proxy.appliesTo("128.0.0.1"));
    assertTrue(proxy.appliesTo("localhost.example.com"));
    ProxyOptions all = proxy.toBuilder().bypassLoopback(false).build();
    assertTrue(all.appliesTo("localhost"));
    assertTrue(all.appliesTo("127.0.0.1"));
    assertTrue(all.appliesTo("[::1]"));
  }

  @Test
  void nonProxyHostsMatchExactNamesAndSuffixWildcards() {
    ProxyOptions proxy =
        ProxyOptions.socks5("proxy", 1080)
            .nonProxyHosts("Intranet.Example", "*.corp.example", "10.0.0.7")
            .build();
    assertFalse(proxy.appliesTo("intranet.example"));
    assertFalse(proxy.appliesTo("INTRANET.EXAMPLE."));
    assertFalse(proxy.appliesTo("a.corp.example"));
    assertFalse(proxy.appliesTo("a.b.corp.example"));
    assertFalse(proxy.appliesTo("10.0.0.7"));
    assertTrue(proxy.appliesTo("corp.example"), "*.suffix matches names below it only");
    assertTrue(proxy.appliesTo("xcorp.example"));
    assertTrue(proxy.appliesTo("www.intranet.example"));
    assertTrue(proxy.appliesTo("10.0.0.8"));
    assertFalse(ProxyOptions.http("p", 1).nonProxyHosts("*").build().appliesTo("any.where"));
  }

  @Test
  void badPatternsPortsAndCredentialsAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ProxyOptions.http("p", 1).nonProxyHosts("a*.example"));
    assertThrows(
        IllegalArgumentException.class, () -> ProxyOptions.http("p", 1).nonProxyHosts("*.a.*"));
    assertThrows(IllegalArgumentException.class, () -> ProxyOptions.http("p", 1).nonProxyHosts(""));
    assertThrows(IllegalArgumentException.class, () -> ProxyOptions.http("p", 0));
    assertThrows(IllegalArgumentException.class, () -> ProxyOptions.socks5("p", 65536));
    assertThrows(IllegalArgumentException.class, () -> ProxyOptions.http(" ", 80));
    assertThrows(
        IllegalArgumentException.class, () -> ProxyOptions.http("p", 1).credentials("a:b", "c"));
    assertThrows(
        IllegalArgumentException.class,
        () -> ProxyOptions.socks5("p", 1).credentials("u", "x".repeat(256)));
    assertThrows(NullPointerException.class, () -> ProxyOptions.http(null, 1));
  }

  @Test
  void toStringNamesTheProxyAndUserButNeverThePassword() {
    ProxyOptions proxy =
        ProxyOptions.http("proxy.example", 3128).credentials("alice", "s3cret").build();
    assertEquals("HTTP proxy proxy.example:3128 (user alice)", proxy.toString());
    assertEquals("SOCKS5 proxy [::1]:1080", ProxyOptions.socks5("[::1]", 1080).build().toString());
  }

  @Test
  void optionsAreValuesAndDifferByCredentials() {
    ProxyOptions a = ProxyOptions.http("p", 1).credentials("u", "1").build();
    assertEquals(a, a.toBuilder().build());
    assertEquals(a.hashCode(), a.toBuilder().build().hashCode());
    assertNotEquals(a, ProxyOptions.http("p", 1).credentials("u", "2").build());
    assertNotEquals(a, ProxyOptions.socks5("p", 1).credentials("u", "1").build());
  }
}
