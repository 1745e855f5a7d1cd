package io.beth.http.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.http.ClientRequest;
import io.beth.http.ClientResponse;
import io.beth.http.HttpClient;
import io.beth.http.HttpClientOptions;
import io.beth.stream.Streams;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The method and body rules of each redirect status, against MockWebServer. */
class HttpClientRedirectTest {

  private MockWebServer server;
  private HttpClient client;
  private HttpClient unsafe;

  @BeforeEach
  void setUp() throws Exception {
    server = new MockWebServer();
    server.start(0);
    client = HttpClient.create();
    unsafe = HttpClient.create(HttpClientOptions.builder().redirectUnsafeMethods(true).build());
  }

  @AfterEach
  void tearDown() throws Exception {
    client.close();
    unsafe.close();
    server.shutdown();
  }

  private URI uri(String path) {
    return server.url(path).uri();
  }

  private ClientResponse send(HttpClient c, ClientRequest request) throws Exception {
    ClientResponse r = c.send(request).get(10, TimeUnit.SECONDS);
    r.bytes().get(10, TimeUnit.SECONDS);
    return r;
  }

  private RecordedRequest recorded() throws InterruptedException {
    RecordedRequest r = server.takeRequest(10, TimeUnit.SECONDS);
    assertTrue(r != null, "the server saw no request");
    return r;
  }

  private void redirectThenOk(int status) {
    server.enqueue(new MockResponse().setResponseCode(status).setHeader("Location", "/target"));
    server.enqueue(new MockResponse().setBody("arrived"));
  }

  private static ClientRequest post(URI uri) {
    return ClientRequest.post(uri).body("payload").contentType("text/plain").build();
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303})
  void aPostRedirectedBy301302Or303BecomesAGetWithoutBody(int status) throws Exception {
    redirectThenOk(status);
    assertEquals(200, send(client, post(uri("/form"))).status());
    assertEquals("POST", recorded().getMethod());
    RecordedRequest follow = recorded();
    assertEquals("GET", follow.getMethod());
    assertEquals("/target", follow.getPath());
    assertEquals(0, follow.getBodySize());
    assertNull(follow.getHeader("Content-Type"));
    assertNull(follow.getHeader("Content-Length"));
  }

  @ParameterizedTest
  @ValueSource(ints = {307, 308})
  void aPostRedirectedBy307Or308IsReturnedByDefault(int status) throws Exception {
    redirectThenOk(status);
    assertEquals(status, send(client, post(uri("/form"))).status());
    assertEquals(1, server.getRequestCount());
  }

  @ParameterizedTest
  @ValueSource(ints = {307, 308})
  void aPostRedirectedBy307Or308RepeatsMethodAndBodyWhenUnsafeRedirectsAreOn(int status)
      throws Exception {
    redirectThenOk(status);
    assertEquals(200, send(unsafe, post(uri("/form"))).status());
    recorded();
    RecordedRequest follow = recorded();
    assertEquals("POST", follow.getMethod());
    assertEquals("/target", follow.getPath());
    assertEquals("payload", follow.getBody().readUtf8());
    assertEquals("text/plain", follow.getHeader("Content-Type"));
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void aHeadIsFollowedAsAHead(int status) throws Exception {
    server.enqueue(new MockResponse().setResponseCode(status).setHeader("Location", "/target"));
    server.enqueue(new MockResponse());
    ClientResponse r = send(client, ClientRequest.builder("HEAD", uri("/h")).build());
    assertEquals(200, r.status());
    recorded();
    assertEquals("HEAD", recorded().getMethod());
  }

  @Test
  void aPutRedirectedBy303BecomesAGetAndBy301RepeatsOnlyWhenUnsafeRedirectsAreOn()
      throws Exception {
    redirectThenOk(303);
    send(client, ClientRequest.put(uri("/p")).body("data").build());
    recorded();
    assertEquals("GET", recorded().getMethod());

    server.enqueue(new MockResponse().setResponseCode(301).setHeader("Location", "/target"));
    assertEquals(301, send(client, ClientRequest.put(uri("/p")).body("data").build()).status());
    recorded();

    redirectThenOk(301);
    send(unsafe, ClientRequest.put(uri("/p")).body("data").build());
    recorded();
    RecordedRequest follow = recorded();
    assertEquals("PUT", follow.getMethod());
    assertEquals("data", follow.getBody().readUtf8());
  }

  @Test
  void aStreamedBodyCannotBeSentTwiceSoIts307IsReturned() throws Exception {
    redirectThenOk(307);
    ClientResponse r =
        send(
            unsafe,
            ClientRequest.post(uri("/s")).body(Streams.fromIterable(List.of("a", "b"))).build());
    assertEquals(307, r.status());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aCrossOriginRedirectDropsAuthorizationAndCookieButKeepsOtherHeaders() throws Exception {
    try (MockWebServer other = new MockWebServer()) {
      other.start(0);
      other.enqueue(new MockResponse());
      server.enqueue(
          new MockResponse()
              .setResponseCode(307)
              .setHeader("Location", other.url("/x").toString()));
      send(
          client,
          ClientRequest.get(uri("/here"))
              .basicAuth("u", "p")
              .header("Cookie", "sid=1")
              .header("X-Kept", "yes")
              .build());
      RecordedRequest first = recorded();
      assertEquals("sid=1", first.getHeader("Cookie"));
      RecordedRequest there = other.takeRequest(10, TimeUnit.SECONDS);
      assertNull(there.getHeader("Authorization"));
      assertNull(there.getHeader("Cookie"));
      assertEquals("yes", there.getHeader("X-Kept"));
    }
  }

  @Test
  void aSameOriginRedirectKeepsAuthorization() throws Exception {
    redirectThenOk(302);
    send(client, ClientRequest.get(uri("/a")).bearerAuth("t").build());
    recorded();
    assertEquals("Bearer t", recorded().getHeader("Authorization"));
  }
}
