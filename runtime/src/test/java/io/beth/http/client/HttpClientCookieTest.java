package io.beth.http.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.beth.http.ClientRequest;
import io.beth.http.ClientResponse;
import io.beth.http.HttpClient;
import io.beth.http.HttpClientOptions;
import io.beth.http.InMemoryCookieStore;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cookies set by MockWebServer stored and sent back by the client's cookie store. */
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
    server.enqueue(new MockResponse()
        .addHeader("Set-Cookie", "session=abc; Path=/; HttpOnly")
        .addHeader("Set-Cookie", "scoped=1; Path=/admin")
        .addHeader("Set-Cookie", "https_only=s; Secure")
        .addHeader("Set-Cookie", "temporary=t; Max-Age=3600")
        .addHeader("Set-Cookie", "dropped=d; Max-Age=0"));
    server.enqueue(new MockResponse());
    server.enqueue(new MockResponse()
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
    server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", "/home")
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
}
