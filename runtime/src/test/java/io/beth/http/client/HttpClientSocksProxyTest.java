package io.beth.http.client;

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
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client through an independent SOCKS5 server (bbottema's java-socks-proxy-server): plain and
 * TLS requests through the tunnel, username/password authentication, failures.
 */
class HttpClientSocksProxyTest {

  private static SelfSignedCertificate localhostCert;

  private JettyOrigin origin;
  private final List<String> originPaths = new CopyOnWriteArrayList<>();
  private SocksProxy socks;
  private HttpClient client;

  @BeforeAll
  static void certificates() throws Exception {
    localhostCert = new SelfSignedCertificate("localhost", "EC", 256);
  }

  @AfterAll
  static void deleteCertificates() {
    localhostCert.delete();
  }

  @BeforeEach
  void setUp() throws Exception {
    origin =
        JettyOrigin.start(
            (request, response) -> {
              originPaths.add(request.getHttpURI().getPathQuery());
              JettyOrigin.write(response, "origin says " + request.getHttpURI().getPathQuery());
            });
  }

  @AfterEach
  void tearDown() throws Exception {
    if (client != null) {
      client.close();
    }
    if (socks != null) {
      socks.close();
    }
    origin.close();
  }

  private HttpClient client(ProxyOptions proxy) {
    client =
        HttpClient.create(
            HttpClientOptions.builder()
                .proxy(proxy)
                .trustCertificates(localhostCert.cert())
                .build());
    return client;
  }

  private static String get(HttpClient client, URI uri) throws Exception {
    return client
        .send(ClientRequest.get(uri).build())
        .thenCompose(ClientResponse::string)
        .get(10, TimeUnit.SECONDS);
  }

  private static Throwable failure(CompletableFuture<?> f) {
    return assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS)).getCause();
  }

  private URI originUri(String path) {
    return URI.create("http://localhost:" + origin.port() + path);
  }

  @Test
  void plainHttpGoesThroughTheSocksTunnelInOriginForm() throws Exception {
    socks = SocksProxy.start();
    client(ProxyOptions.socks5("127.0.0.1", socks.port()).bypassLoopback(false).build());
    assertEquals("origin says /a?b=c", get(client, originUri("/a?b=c")));
    assertEquals("origin says /d", get(client, originUri("/d")));
    assertEquals(List.of("/a?b=c", "/d"), originPaths);
    assertEquals(1, socks.accepted.get(), "one tunnel, reused");
    assertEquals(1, client.poolStats().open());
  }

  @Test
  void httpsGoesThroughTheSocksTunnelWithTheOriginsCertificateChecked() throws Exception {
    socks = SocksProxy.start();
    client(ProxyOptions.socks5("127.0.0.1", socks.port()).bypassLoopback(false).build());
    try (TlsOrigin tls = new TlsOrigin(localhostCert)) {
      tls.server.enqueue(new MockResponse().setBody("secret"));
      assertEquals("secret", get(client, URI.create("https://localhost:" + tls.port() + "/s")));
      assertEquals(
          "GET /s HTTP/1.1", tls.server.takeRequest(10, TimeUnit.SECONDS).getRequestLine());
    }
    assertEquals(1, socks.accepted.get());
  }

  @Test
  void usernameAndPasswordAreSentToTheSocksServer() throws Exception {
    socks = SocksProxy.startWithCredentials("bob", "pa55");
    client(
        ProxyOptions.socks5("127.0.0.1", socks.port())
            .credentials("bob", "pa55")
            .bypassLoopback(false)
            .build());
    assertEquals("origin says /auth", get(client, originUri("/auth")));
    assertEquals(1, socks.accepted.get());
  }

  @Test
  void rejectedSocksCredentialsFailWithProxyConnectException() throws Exception {
    socks = SocksProxy.startWithCredentials("bob", "pa55");
    client(
        ProxyOptions.socks5("127.0.0.1", socks.port())
            .credentials("bob", "wrong")
            .bypassLoopback(false)
            .build());
    ProxyConnectException e =
        assertInstanceOf(
            ProxyConnectException.class,
            failure(client.send(ClientRequest.get(originUri("/auth")).build())));
    assertTrue(e.getMessage().contains("SOCKS5 proxy 127.0.0.1:" + socks.port()), e.getMessage());
    assertTrue(e.reason().toLowerCase().contains("auth"), e.getMessage());
    assertEquals(List.of(), originPaths);
    assertEquals(0, client.poolStats().open());
  }

  @Test
  void aSocksServerDemandingCredentialsRefusesAClientWithout() throws Exception {
    socks = SocksProxy.startWithCredentials("bob", "pa55");
    client(ProxyOptions.socks5("127.0.0.1", socks.port()).bypassLoopback(false).build());
    assertInstanceOf(
        ProxyConnectException.class,
        failure(client.send(ClientRequest.get(originUri("/auth")).build())));
    assertEquals(List.of(), originPaths);
    assertEquals(0, client.poolStats().open());
  }

  @Test
  void aSocksServerThatIsNotListeningFailsWithProxyConnectException() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    client(ProxyOptions.socks5("127.0.0.1", closedPort).bypassLoopback(false).build());
    ProxyConnectException e =
        assertInstanceOf(
            ProxyConnectException.class,
            failure(client.send(ClientRequest.get(originUri("/x")).build())));
    assertTrue(e.reason().toLowerCase().contains("refused"), e.getMessage());
    assertEquals(0, client.poolStats().open());
  }

  @Test
  void aSocksTunnelToAClosedPortFailsWithProxyConnectException() throws Exception {
    socks = SocksProxy.start();
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    client(ProxyOptions.socks5("127.0.0.1", socks.port()).bypassLoopback(false).build());
    ProxyConnectException e =
        assertInstanceOf(
            ProxyConnectException.class,
            failure(
                client.send(
                    ClientRequest.get(URI.create("http://localhost:" + closedPort + "/"))
                        .build())));
    assertEquals("localhost:" + closedPort, e.destination());
    assertEquals(0, client.poolStats().open());
  }
}
