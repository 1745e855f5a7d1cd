package io.beth.http.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.http.ClientRequest;
import io.beth.http.ClientResponse;
import io.beth.http.Cookie;
import io.beth.http.CookieStore;
import io.beth.http.HttpClient;
import io.beth.http.HttpClientOptions;
import io.beth.http.InMemoryCookieStore;
import io.beth.http.ProxyOptions;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cookies set by independent servers stored and sent back by the client's cookie store: by path,
 * expiry, domain and host-only rules (names only a Jetty proxy resolves, to the loopback origin),
 * {@code Secure} over HTTPS, and a cookie store of the test's own.
 */
class HttpClientCookieTest {

  private MockWebServer server;
  private InMemoryCookieStore store;
  private HttpClient client;

  @BeforeEach
  void setUp() throws Exception {
    server = new MockWebServer();
    server.start(0);
    store = InMemoryCookieStore.create();
    client = HttpClient.create(HttpClientOptions.builder().cookieStore(store).build());
  }

  @AfterEach
  void tearDown() throws Exception {
    client.close();
    server.shutdown();
  }

  private URI uri(String path) {
    return server.url(path).uri();
  }

  private void get(HttpClient c, ClientRequest request) throws Exception {
    try (ClientResponse r = c.send(request).get(10, TimeUnit.SECONDS)) {
      r.bytes().get(10, TimeUnit.SECONDS);
    }
  }

  private RecordedRequest recorded() throws InterruptedException {
    return server.takeRequest(10, TimeUnit.SECONDS);
  }

  @Test
  void cookiesRoundTripByPathSecureAndExpiry() throws Exception {
    server.enqueue(
        new MockResponse()
            .addHeader("Set-Cookie", "session=abc; Path=/; HttpOnly")
            .addHeader("Set-Cookie", "scoped=1; Path=/admin")
            .addHeader("Set-Cookie", "https_only=s; Secure")
            .addHeader("Set-Cookie", "temporary=t; Max-Age=3600")
            .addHeader("Set-Cookie", "dropped=d; Max-Age=0"));
    server.enqueue(new MockResponse());
    server.enqueue(
        new MockResponse()
            .addHeader("Set-Cookie", "temporary=; Expires=Thu, 01 Jan 1970 00:00:00 GMT"));
    server.enqueue(new MockResponse());
    get(client, ClientRequest.get(uri("/login")).build());
    get(client, ClientRequest.get(uri("/admin/users")).build());
    get(client, ClientRequest.get(uri("/logout")).build());
    get(client, ClientRequest.get(uri("/page")).build());
    assertNull(recorded().getHeader("Cookie"));
    assertEquals("scoped=1; session=abc; temporary=t", recorded().getHeader("Cookie"));
    assertEquals("session=abc; temporary=t", recorded().getHeader("Cookie"));
    assertEquals("session=abc", recorded().getHeader("Cookie"));
  }

  @Test
  void aCookieSetByARedirectIsSentToItsTargetAfterTheRequestsOwnCookies() throws Exception {
    server.enqueue(
        new MockResponse()
            .setResponseCode(302)
            .setHeader("Location", "/home")
            .addHeader("Set-Cookie", "login=yes"));
    server.enqueue(new MockResponse());
    get(client, ClientRequest.get(uri("/start")).header("Cookie", "own=1").build());
    assertEquals("own=1", recorded().getHeader("Cookie"));
    assertEquals("own=1; login=yes", recorded().getHeader("Cookie"));
  }

  @Test
  void withoutAStoreCookiesAreNotKept() throws Exception {
    server.enqueue(new MockResponse().addHeader("Set-Cookie", "a=1"));
    server.enqueue(new MockResponse());
    try (HttpClient plain = HttpClient.create()) {
      get(plain, ClientRequest.get(uri("/")).build());
      get(plain, ClientRequest.get(uri("/")).build());
    }
    recorded();
    assertNull(recorded().getHeader("Cookie"));
  }

  @Test
  void aDomainCookieReachesSiblingHostsAndAHostOnlyCookieDoesNot() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    try (JettyOrigin origin =
            JettyOrigin.start(
                (request, response) -> {
                  String path = request.getHttpURI().getPath();
                  String cookie = request.getHeaders().get("Cookie");
                  seen.add(path + " " + (cookie == null ? "-" : cookie));
                  if (path.equals("/set")) {
                    response.getHeaders().add("Set-Cookie", "shared=1; Domain=beth.test; Path=/");
                    response.getHeaders().add("Set-Cookie", "mine=2; Path=/");
                  }
                  JettyOrigin.write(response, "ok");
                });
        // the names resolve only in the proxy (to the loopback origin); the client keeps them
        JettyForwardProxy proxy =
            JettyForwardProxy.start(
                Map.of(
                    "a.beth.test",
                    "127.0.0.1",
                    "b.beth.test",
                    "127.0.0.1",
                    "c.other.test",
                    "127.0.0.1"));
        HttpClient viaProxy =
            HttpClient.create(
                HttpClientOptions.builder()
                    .cookieStore(store)
                    .proxy(
                        ProxyOptions.http("127.0.0.1", proxy.port()).bypassLoopback(false).build())
                    .build())) {
      int port = origin.port();
      get(viaProxy, ClientRequest.get(URI.create("http://a.beth.test:" + port + "/set")).build());
      get(viaProxy, ClientRequest.get(URI.create("http://a.beth.test:" + port + "/a")).build());
      get(viaProxy, ClientRequest.get(URI.create("http://b.beth.test:" + port + "/b")).build());
      get(viaProxy, ClientRequest.get(URI.create("http://c.other.test:" + port + "/c")).build());
      assertEquals(List.of("/set -", "/a shared=1; mine=2", "/b shared=1", "/c -"), seen);
    }
  }

  @Test
  void aSecureCookieIsSentOverHttpsOnly() throws Exception {
    SelfSignedCertificate cert = new SelfSignedCertificate("localhost", "EC", 256);
    try (TlsOrigin tls = new TlsOrigin(cert);
        HttpClient c =
            HttpClient.create(
                HttpClientOptions.builder()
                    .cookieStore(store)
                    .trustCertificates(cert.cert())
                    .build())) {
      tls.server.enqueue(
          new MockResponse()
              .addHeader("Set-Cookie", "token=s; Secure; Path=/")
              .addHeader("Set-Cookie", "plain=p; Path=/"));
      tls.server.enqueue(new MockResponse());
      server.enqueue(new MockResponse());
      URI https = URI.create("https://localhost:" + tls.port());
      get(c, ClientRequest.get(https.resolve("/login")).build());
      // the same host over plain HTTP (cookies ignore the port): the Secure cookie stays home
      get(
          c,
          ClientRequest.get(URI.create("http://localhost:" + server.getPort() + "/plain")).build());
      get(c, ClientRequest.get(https.resolve("/next")).build());
      assertNull(tls.server.takeRequest(10, TimeUnit.SECONDS).getHeader("Cookie"));
      assertEquals("plain=p", recorded().getHeader("Cookie"));
      assertEquals(
          Set.of("token=s", "plain=p"),
          cookies(tls.server.takeRequest(10, TimeUnit.SECONDS).getHeader("Cookie")));
    } finally {
      cert.delete();
    }
  }

  private static Set<String> cookies(String header) {
    return header == null ? Set.of() : new TreeSet<>(Arrays.asList(header.split("; ")));
  }

  /** A store of the test's own: records what the client hands it, always sends one cookie. */
  static final class RecordingStore implements CookieStore {
    final List<String> saved = new CopyOnWriteArrayList<>();
    final List<URI> asked = new CopyOnWriteArrayList<>();

    @Override
    public void saveFromResponse(URI uri, List<Cookie> cookies) {
      for (Cookie c : cookies) {
        saved.add(uri.getPath() + " " + c.name() + "=" + c.value());
      }
    }

    @Override
    public List<Cookie> loadForRequest(URI uri) {
      asked.add(uri);
      List<Cookie> out = new ArrayList<>();
      out.add(Cookie.builder("fixed", "f").build());
      return out;
    }
  }

  @Test
  void aCustomCookieStoreIsAskedAndToldForEveryExchangeRedirectsIncluded() throws Exception {
    RecordingStore custom = new RecordingStore();
    server.enqueue(
        new MockResponse()
            .setResponseCode(302)
            .setHeader("Location", "/home")
            .addHeader("Set-Cookie", "a=1"));
    server.enqueue(new MockResponse().addHeader("Set-Cookie", "b=2"));
    try (HttpClient c =
        HttpClient.create(HttpClientOptions.builder().cookieStore(custom).build())) {
      get(c, ClientRequest.get(uri("/start")).header("Cookie", "own=0").build());
    }
    assertEquals(List.of(uri("/start"), uri("/home")), custom.asked);
    assertEquals(List.of("/start a=1", "/home b=2"), custom.saved);
    assertEquals("own=0; fixed=f", recorded().getHeader("Cookie"));
    RecordedRequest home = recorded();
    assertEquals("/home", home.getPath());
    assertTrue(home.getHeader("Cookie").endsWith("fixed=f"), home.getHeader("Cookie"));
  }
}
