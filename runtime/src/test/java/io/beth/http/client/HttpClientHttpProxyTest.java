package io.beth.http.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.http.ClientRequest;
import io.beth.http.ClientResponse;
import io.beth.http.ConnectTimeoutException;
import io.beth.http.HttpClient;
import io.beth.http.HttpClientOptions;
import io.beth.http.ProxyConnectException;
import io.beth.http.ProxyOptions;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client through Jetty 12 as an HTTP forward proxy: absolute-form requests for {@code http},
 * {@code CONNECT} tunnels for {@code https} (TLS to the origin's name, which only the proxy can
 * resolve), proxy authentication, failures, non-proxy hosts and pool separation.
 */
class HttpClientHttpProxyTest {

  /** A name no resolver knows: only the proxy maps it to the loopback origin. */
  private static final String ORIGIN_NAME = "origin.beth.test";

  private static final Map<String, String> HOSTS = Map.of(ORIGIN_NAME, "127.0.0.1");

  private static SelfSignedCertificate originCert;
  private static SelfSignedCertificate otherCert;

  private JettyOrigin origin;

  /** The {@code Via} header of every request the origin got ("-" when absent). */
  private final List<String> originVia = new CopyOnWriteArrayList<>();

  private JettyForwardProxy proxy;
  private HttpClient client;

  @BeforeAll
  static void certificates() throws Exception {
    originCert = new SelfSignedCertificate(ORIGIN_NAME, "EC", 256);
    otherCert = new SelfSignedCertificate("other.beth.test", "EC", 256);
  }

  @AfterAll
  static void deleteCertificates() {
    originCert.delete();
    otherCert.delete();
  }

  @BeforeEach
  void setUp() throws Exception {
    origin =
        JettyOrigin.start(
            (request, response) -> {
              String via = request.getHeaders().get("Via");
              originVia.add(via == null ? "-" : via);
              JettyOrigin.write(response, "origin says " + request.getHttpURI().getPathQuery());
            });
  }

  @AfterEach
  void tearDown() throws Exception {
    if (client != null) {
      client.close();
    }
    if (proxy != null) {
      proxy.close();
    }
    origin.close();
  }

  private static ProxyOptions.Builder viaJetty(JettyForwardProxy proxy) {
    return ProxyOptions.http("127.0.0.1", proxy.port()).bypassLoopback(false);
  }

  private HttpClient client(ProxyOptions proxyOptions) {
    client =
        HttpClient.create(
            HttpClientOptions.builder()
                .proxy(proxyOptions)
                .trustCertificates(originCert.cert())
                .build());
    return client;
  }

  private static String body(CompletableFuture<ClientResponse> response) throws Exception {
    return response.thenCompose(ClientResponse::string).get(10, TimeUnit.SECONDS);
  }

  private static String get(HttpClient client, URI uri) throws Exception {
    return body(client.send(ClientRequest.get(uri).build()));
  }

  private static Throwable failure(CompletableFuture<?> f) {
    return assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS)).getCause();
  }

  @Test
  void plainHttpIsSentToTheProxyInAbsoluteForm() throws Exception {
    proxy = JettyForwardProxy.start(HOSTS);
    client(viaJetty(proxy).build());
    URI uri = origin.uri("/hello?x=1");
    assertEquals("origin says /hello?x=1", get(client, uri));
    assertEquals(List.of("GET http://127.0.0.1:" + origin.port() + "/hello?x=1"), proxy.seen);
    assertEquals(1, originVia.size());
    assertTrue(originVia.get(0).contains("1.1"), "the origin got it from the proxy: " + originVia);
  }

  @Test
  void anOriginNameIsResolvedByTheProxyNotByTheClient() throws Exception {
    proxy = JettyForwardProxy.start(HOSTS);
    client(viaJetty(proxy).build());
    URI uri = URI.create("http://" + ORIGIN_NAME + ":" + origin.port() + "/named");
    assertEquals("origin says /named", get(client, uri));
    assertEquals(List.of("GET " + uri), proxy.seen);
  }

  @Test
  void sequentialRequestsThroughTheProxyReuseOneConnection() throws Exception {
    proxy = JettyForwardProxy.start(HOSTS);
    client(viaJetty(proxy).build());
    for (int i = 0; i < 3; i++) {
      assertEquals("origin says /seq" + i, get(client, origin.uri("/seq" + i)));
    }
    assertEquals(3, proxy.seen.size());
    assertEquals(1, client.poolStats().open(), client.poolStats().toString());
  }

  @Test
  void httpsGoesThroughAConnectTunnelWithTlsToTheOrigin() throws Exception {
    proxy = JettyForwardProxy.start(HOSTS);
    client(viaJetty(proxy).build());
    try (TlsOrigin tls = new TlsOrigin(originCert)) {
      tls.server.enqueue(new MockResponse().setBody("secret"));
      tls.server.enqueue(new MockResponse().setBody("again"));
      URI uri = URI.create("https://" + ORIGIN_NAME + ":" + tls.port() + "/s");
      assertEquals("secret", get(client, uri));
      assertEquals("again", get(client, uri));
      // one tunnel, reused; the origin got origin-form requests and the origin's name by SNI
      assertEquals(List.of("CONNECT " + ORIGIN_NAME + ":" + tls.port()), proxy.seen);
      assertEquals(List.of(ORIGIN_NAME), tls.sniNames);
      assertEquals(
          "GET /s HTTP/1.1", tls.server.takeRequest(10, TimeUnit.SECONDS).getRequestLine());
      assertEquals(
          ORIGIN_NAME + ":" + tls.port(),
          tls.server.takeRequest(10, TimeUnit.SECONDS).getHeader("Host"));
    }
  }

  @Test
  void theOriginsCertificateIsCheckedAgainstTheOriginsNameThroughTheTunnel() throws Exception {
    proxy = JettyForwardProxy.start(HOSTS);
    client =
        HttpClient.create(
            HttpClientOptions.builder()
                .proxy(viaJetty(proxy).build())
                .trustCertificates(otherCert.cert())
                .build());
    try (TlsOrigin tls = new TlsOrigin(otherCert)) {
      URI uri = URI.create("https://" + ORIGIN_NAME + ":" + tls.port() + "/");
      Throwable t = failure(client.send(ClientRequest.get(uri).build()));
      assertInstanceOf(SSLException.class, t);
      assertEquals(List.of("CONNECT " + ORIGIN_NAME + ":" + tls.port()), proxy.seen);
    }
    assertEquals(0, client.poolStats().open());
  }

  @Test
  void withoutCredentialsAnAuthenticatingProxyFailsWithProxyConnectException() throws Exception {
    proxy = JettyForwardProxy.startWithCredentials("alice", "s3cret", HOSTS);
    client(viaJetty(proxy).build());
    Throwable plain = failure(client.send(ClientRequest.get(origin.uri("/p")).build()));
    ProxyConnectException e = assertInstanceOf(ProxyConnectException.class, plain);
    assertTrue(e.reason().contains("407"), e.getMessage());
    assertTrue(e.getMessage().contains("127.0.0.1:" + proxy.port()), e.getMessage());
    assertEquals("127.0.0.1:" + origin.port(), e.destination());

    try (TlsOrigin tls = new TlsOrigin(originCert)) {
      URI uri = URI.create("https://" + ORIGIN_NAME + ":" + tls.port() + "/");
      Throwable tunnel = failure(client.send(ClientRequest.get(uri).build()));
      ProxyConnectException c = assertInstanceOf(ProxyConnectException.class, tunnel);
      assertTrue(c.reason().contains("407"), c.getMessage());
      assertEquals(0, tls.server.getRequestCount());
    }
    assertEquals(List.of(), originVia);
    // the failed tunnel is closed; the plain 407 was a whole response on a healthy connection to
    // the proxy, which may wait in the pool: nothing is in use
    assertEquals(
        client.poolStats().idle(), client.poolStats().open(), client.poolStats().toString());
  }

  @Test
  void withCredentialsAnAuthenticatingProxyLetsPlainAndTunnelledRequestsThrough() throws Exception {
    proxy = JettyForwardProxy.startWithCredentials("alice", "s3cret", HOSTS);
    client(viaJetty(proxy).credentials("alice", "s3cret").build());
    assertEquals("origin says /p", get(client, origin.uri("/p")));
    try (TlsOrigin tls = new TlsOrigin(originCert)) {
      tls.server.enqueue(new MockResponse().setBody("secret"));
      URI uri = URI.create("https://" + ORIGIN_NAME + ":" + tls.port() + "/");
      assertEquals("secret", get(client, uri));
      // the credentials are for the proxy: the origin never sees them
      assertNull(tls.server.takeRequest(10, TimeUnit.SECONDS).getHeader("Proxy-Authorization"));
    }
    assertEquals(2, proxy.seen.size(), proxy.seen.toString());
  }

  @Test
  void wrongCredentialsFailWithProxyConnectException() throws Exception {
    proxy = JettyForwardProxy.startWithCredentials("alice", "s3cret", HOSTS);
    client(viaJetty(proxy).credentials("alice", "wrong").build());
    Throwable t = failure(client.send(ClientRequest.get(origin.uri("/p")).build()));
    assertInstanceOf(ProxyConnectException.class, t);
    assertEquals(List.of(), originVia);
  }

  @Test
  void aConnectAnsweredWithAnErrorFailsWithProxyConnectException() throws Exception {
    proxy = JettyForwardProxy.start(HOSTS);
    client(viaJetty(proxy).build());
    // a name the proxy cannot resolve: it answers the CONNECT with an error status
    URI uri = URI.create("https://nowhere.beth.test:443/");
    ProxyConnectException e =
        assertInstanceOf(
            ProxyConnectException.class, failure(client.send(ClientRequest.get(uri).build())));
    assertTrue(e.reason().startsWith("status: "), e.getMessage());
    assertEquals("nowhere.beth.test:443", e.destination());
    assertEquals(List.of("CONNECT nowhere.beth.test:443"), proxy.seen);
    assertEquals(0, client.poolStats().open());
  }

  @Test
  void aProxyThatRefusesConnectionsFailsWithProxyConnectException() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    client(ProxyOptions.http("127.0.0.1", closedPort).bypassLoopback(false).build());
    for (URI uri : List.of(origin.uri("/x"), URI.create("https://" + ORIGIN_NAME + ":1/"))) {
      ProxyConnectException e =
          assertInstanceOf(
              ProxyConnectException.class, failure(client.send(ClientRequest.get(uri).build())));
      assertTrue(e.getMessage().contains("127.0.0.1:" + closedPort), e.getMessage());
      assertTrue(e.reason().toLowerCase().contains("refused"), e.getMessage());
    }
    assertEquals(0, client.poolStats().open());
    assertEquals(List.of(), originVia);
  }

  @Test
  void aProxyThatNeverAnswersTheConnectFailsWithTheConnectTimeout() throws Exception {
    // a listening socket nobody accepts from: the kernel completes the TCP handshake, the CONNECT
    // then goes unanswered
    try (ServerSocket silent = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
      client =
          HttpClient.create(
              HttpClientOptions.builder()
                  .proxy(
                      ProxyOptions.http("127.0.0.1", silent.getLocalPort())
                          .bypassLoopback(false)
                          .build())
                  .connectTimeout(java.time.Duration.ofMillis(300))
                  .build());
      URI uri = URI.create("https://" + ORIGIN_NAME + ":443/");
      ConnectTimeoutException e =
          assertInstanceOf(
              ConnectTimeoutException.class, failure(client.send(ClientRequest.get(uri).build())));
      assertTrue(
          e.getMessage().contains("HTTP proxy 127.0.0.1:" + silent.getLocalPort()), e.getMessage());
      assertEquals(0, client.poolStats().open());
    }
  }

  @Test
  void loopbackOriginsBypassTheProxyByDefault() throws Exception {
    proxy = JettyForwardProxy.start(HOSTS);
    client(ProxyOptions.http("127.0.0.1", proxy.port()).build());
    assertEquals("origin says /direct", get(client, origin.uri("/direct")));
    assertEquals(List.of(), proxy.seen);
    assertEquals(List.of("-"), originVia);
  }

  @Test
  void nonProxyHostsAreReachedDirectly() throws Exception {
    proxy = JettyForwardProxy.start(HOSTS);
    client(viaJetty(proxy).nonProxyHosts("*.beth.test", "127.0.0.1").build());
    assertEquals("origin says /a", get(client, origin.uri("/a")));
    assertEquals(
        "origin says /b", get(client, URI.create("http://localhost:" + origin.port() + "/b")));
    // localhost is neither loopback-bypassed (switched off) nor listed: proxied
    assertEquals(List.of("GET http://localhost:" + origin.port() + "/b"), proxy.seen);
    assertEquals("-", originVia.get(0));
    assertTrue(originVia.get(1).contains("1.1"), originVia.toString());
  }

  @Test
  void proxiedAndDirectConnectionsToOneOriginAreNeverShared() throws Exception {
    proxy = JettyForwardProxy.start(HOSTS);
    client(viaJetty(proxy).build());
    try (JettyForwardProxy second = JettyForwardProxy.start(HOSTS)) {
      ProxyOptions other = viaJetty(second).build();
      for (int round = 0; round < 2; round++) {
        assertEquals("origin says /via1", get(client, origin.uri("/via1")));
        assertEquals(
            "origin says /direct",
            body(
                client.send(
                    ClientRequest.get(origin.uri("/direct"))
                        .proxy(ProxyOptions.direct())
                        .build())));
        assertEquals(
            "origin says /via2",
            body(client.send(ClientRequest.get(origin.uri("/via2")).proxy(other).build())));
      }
      String base = "GET http://127.0.0.1:" + origin.port();
      assertEquals(List.of(base + "/via1", base + "/via1"), proxy.seen);
      assertEquals(List.of(base + "/via2", base + "/via2"), second.seen);
      // one kept-alive connection per (origin, proxy): three, each reused once
      assertEquals(3, client.poolStats().open(), client.poolStats().toString());
      assertEquals(
          List.of(false, true, false, false, true, false),
          originVia.stream().map(v -> v.equals("-")).toList());
    }
  }
}
