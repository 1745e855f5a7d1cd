package io.beth.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.http.ClientRequest;
import io.beth.http.ClientResponse;
import io.beth.http.HttpClient;
import io.beth.http.HttpClientOptions;
import io.beth.http.ProxyConnectException;
import io.beth.http.ProxyOptions;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Beth's {@link HttpClient} through tinyproxy to JDK origins: {@code http} in absolute form, {@code
 * https} through {@code CONNECT}, tinyproxy's Basic authentication, and its refusal of a CONNECT to
 * a port it does not allow.
 */
class TinyproxyTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @TempDir static Path dir;

  private static SelfSignedCertificate cert;
  private static JdkOrigin plain;
  private static JdkOrigin tls;
  private static PeerProcess tinyproxy;

  @BeforeAll
  static void start() throws Exception {
    cert = new SelfSignedCertificate("localhost", "EC", 256);
    plain = JdkOrigin.http();
    tls = JdkOrigin.https(cert);
    tinyproxy = Tinyproxy.start(dir, List.of(tls.port()), null, null);
  }

  @AfterAll
  static void stop() {
    try {
      if (tinyproxy != null) {
        tinyproxy.close();
      }
    } finally {
      if (plain != null) {
        plain.close();
      }
      if (tls != null) {
        tls.close();
      }
      cert.delete();
    }
  }

  private static HttpClient client(ProxyOptions proxy) {
    return HttpClient.create(
        HttpClientOptions.builder().proxy(proxy).trustCertificates(cert.cert()).build());
  }

  private static ProxyOptions.Builder through(PeerProcess proxy) {
    return ProxyOptions.http("127.0.0.1", proxy.port()).bypassLoopback(false);
  }

  private static String get(HttpClient client, URI uri) throws Exception {
    return client
        .send(ClientRequest.get(uri).build())
        .thenCompose(ClientResponse::string)
        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  private static Throwable failure(HttpClient client, URI uri) {
    return assertThrows(
            ExecutionException.class,
            () ->
                client
                    .send(ClientRequest.get(uri).build())
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
        .getCause();
  }

  @Test
  void plainHttpReachesTheOriginThroughTinyproxyInAbsoluteForm() throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + plain.port() + "/tiny/plain?x=1");
    try (HttpClient client = client(through(tinyproxy).build())) {
      assertEquals("origin says /tiny/plain?x=1", get(client, uri));
    }
    tinyproxy.awaitLines(
        Pattern.compile("Request .*: GET " + Pattern.quote(uri.toString()) + " HTTP/1\\.1"),
        1,
        TIMEOUT);
    String seen =
        plain.requests.stream()
            .filter(r -> r.startsWith("GET /tiny/plain?x=1 "))
            .findFirst()
            .orElseThrow();
    assertTrue(seen.contains("tinyproxy"), "the origin got it from tinyproxy: " + seen);
  }

  @Test
  void httpsReachesTheOriginThroughATinyproxyConnectTunnel() throws Exception {
    URI uri = URI.create("https://localhost:" + tls.port() + "/tiny/secure");
    try (HttpClient client = client(through(tinyproxy).build())) {
      assertEquals("origin says /tiny/secure", get(client, uri));
      assertEquals("origin says /tiny/secure", get(client, uri));
      assertEquals(1, client.poolStats().open(), "one tunnel, reused");
    }
    tinyproxy.awaitLines(
        Pattern.compile("Request .*: CONNECT localhost:" + tls.port() + " HTTP/1\\.1"), 1, TIMEOUT);
    // inside the tunnel: origin-form, without tinyproxy's Via
    assertEquals(List.of("GET /tiny/secure via=-", "GET /tiny/secure via=-"), tls.requests);
  }

  @Test
  void aConnectToAPortTinyproxyDoesNotAllowFailsWithProxyConnectException() throws Exception {
    URI uri = URI.create("https://localhost:" + plain.port() + "/tiny/denied");
    try (HttpClient client = client(through(tinyproxy).build())) {
      ProxyConnectException e = assertInstanceOf(ProxyConnectException.class, failure(client, uri));
      assertTrue(e.reason().contains("403"), e.getMessage());
      assertEquals(0, client.poolStats().open());
    }
    assertTrue(plain.requests.stream().noneMatch(r -> r.contains("/tiny/denied")));
  }

  @Test
  void tinyproxysBasicAuthenticationIsAnsweredWithTheProxyCredentials() throws Exception {
    Path authDir = dir.resolve("auth");
    java.nio.file.Files.createDirectories(authDir);
    try (PeerProcess guarded = Tinyproxy.start(authDir, List.of(tls.port()), "alice", "s3cret")) {
      URI http = URI.create("http://127.0.0.1:" + plain.port() + "/tiny/auth");
      URI https = URI.create("https://localhost:" + tls.port() + "/tiny/auth");
      try (HttpClient client = client(through(guarded).build())) {
        for (URI uri : List.of(http, https)) {
          ProxyConnectException e =
              assertInstanceOf(ProxyConnectException.class, failure(client, uri));
          assertTrue(e.reason().contains("407"), e.getMessage());
        }
      }
      try (HttpClient client = client(through(guarded).credentials("alice", "s3cret").build())) {
        assertEquals("origin says /tiny/auth", get(client, http));
        assertEquals("origin says /tiny/auth", get(client, https));
      }
    }
  }
}
