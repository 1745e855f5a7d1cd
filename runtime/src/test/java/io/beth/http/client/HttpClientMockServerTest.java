package io.beth.http.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.http.ClientRequest;
import io.beth.http.ClientResponse;
import io.beth.http.HttpClient;
import io.beth.http.HttpClientOptions;
import io.beth.http.HttpResponseException;
import io.beth.http.HttpTimeoutException;
import io.beth.http.PoolAcquireTimeoutException;
import io.beth.http.ReadTimeoutException;
import io.beth.http.RequestTimeoutException;
import io.beth.http.TooManyRedirectsException;
import io.beth.stream.Streams;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client against OkHttp's MockWebServer, an independent HTTP/1.1 server. */
class HttpClientMockServerTest {

  private MockWebServer server;
  private HttpClient client;

  @BeforeEach
  void setUp() throws Exception {
    server = new MockWebServer();
    server.start(0);
    client =
        HttpClient.create(
            HttpClientOptions.builder().readIdleTimeout(Duration.ofSeconds(10)).build());
  }

  @AfterEach
  void tearDown() throws Exception {
    client.close();
    server.shutdown();
  }

  private URI uri(String path) {
    return server.url(path).uri();
  }

  private static <T> T await(CompletableFuture<T> f) throws Exception {
    return f.get(10, TimeUnit.SECONDS);
  }

  private static Throwable failure(CompletableFuture<?> f) {
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
    return e.getCause();
  }

  private RecordedRequest recorded() throws InterruptedException {
    RecordedRequest r = server.takeRequest(10, TimeUnit.SECONDS);
    assertTrue(r != null, "the server saw no request");
    return r;
  }

  @Test
  void getMergesQueryParametersAndSendsHeaders() throws Exception {
    server.enqueue(
        new MockResponse()
            .setBody("héllo")
            .setHeader("Content-Type", "text/plain; charset=ISO-8859-1")
            .setBody(new Buffer().write("héllo".getBytes(StandardCharsets.ISO_8859_1))));
    ClientResponse response =
        await(
            client.send(
                ClientRequest.get(uri("/p?a=1"))
                    .query("b", "x y&z")
                    .query("c", "é")
                    .accept("text/plain")
                    .bearerAuth("t0k")
                    .build()));
    assertEquals(200, response.status());
    assertEquals("héllo", await(response.string()));
    RecordedRequest r = recorded();
    assertEquals("/p?a=1&b=x%20y%26z&c=%C3%A9", r.getPath());
    assertEquals("text/plain", r.getHeader("Accept"));
    assertEquals("Bearer t0k", r.getHeader("Authorization"));
    assertEquals(
        "localhost:" + server.getPort(), r.getHeader("Host").replace("127.0.0.1", "localhost"));
  }

  @Test
  void formParametersAreUrlEncoded() throws Exception {
    server.enqueue(new MockResponse());
    await(
            client.send(
                ClientRequest.post(uri("/f"))
                    .form("name", "a b")
                    .form("x", "&=")
                    .basicAuth("user", "pass")
                    .build()))
        .close();
    RecordedRequest r = recorded();
    assertEquals("POST", r.getMethod());
    assertEquals("application/x-www-form-urlencoded", r.getHeader("Content-Type"));
    assertEquals("name=a+b&x=%26%3D", r.getBody().readUtf8());
    assertEquals("Basic dXNlcjpwYXNz", r.getHeader("Authorization"));
  }

  @Test
  void jsonBodyIsEncodedAndResponsesDecoded() throws Exception {
    server.enqueue(
        new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"n\":42}"));
    ClientResponse response =
        await(client.send(ClientRequest.post(uri("/j")).json(Map.of("k", "v")).build()));
    Map<?, ?> decoded = await(response.json(Map.class));
    assertEquals(42, decoded.get("n"));
    RecordedRequest r = recorded();
    assertEquals("application/json", r.getHeader("Content-Type"));
    assertEquals("{\"k\":\"v\"}", r.getBody().readUtf8());
  }

  @Test
  void aStreamBodyIsSentChunked() throws Exception {
    server.enqueue(new MockResponse());
    await(
            client.send(
                ClientRequest.post(uri("/s"))
                    .body(Streams.fromIterable(List.of("one,", "two,", "three")))
                    .build()))
        .close();
    RecordedRequest r = recorded();
    assertEquals("chunked", r.getHeader("Transfer-Encoding"));
    assertEquals("one,two,three", r.getBody().readUtf8());
  }

  @Test
  void gzipResponsesAreDecodedTransparently() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write("compressed text".getBytes(StandardCharsets.UTF_8));
    }
    server.enqueue(
        new MockResponse()
            .setHeader("Content-Encoding", "gzip")
            .setBody(new Buffer().write(out.toByteArray())));
    ClientResponse response = await(HttpClient.get(uri("/gz")));
    assertEquals("compressed text", await(response.string()));
    assertTrue(recorded().getHeader("Accept-Encoding").contains("gzip"));
  }

  @Test
  void sequentialRequestsReuseOnePooledConnection() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse().setBody("r" + i));
    }
    for (int i = 0; i < 3; i++) {
      assertEquals(
          "r" + i, await(await(client.send(ClientRequest.get(uri("/")).build())).string()));
    }
    assertEquals(0, recorded().getSequenceNumber());
    assertEquals(1, recorded().getSequenceNumber());
    assertEquals(2, recorded().getSequenceNumber());
    assertEquals(1, client.poolStats().open());
    assertEquals(1, client.poolStats().idle());
  }

  @Test
  void aFullPoolMakesRequestsWaitThenTimeOut() throws Exception {
    try (HttpClient small =
        HttpClient.create(
            HttpClientOptions.builder()
                .maxConnectionsPerHost(1)
                .poolAcquireTimeout(Duration.ofSeconds(2))
                .build())) {
      server.enqueue(new MockResponse().setBody(new Buffer().write(new byte[4 * 1024 * 1024])));
      server.enqueue(new MockResponse().setBody("second"));
      server.enqueue(new MockResponse().setBody("third"));
      ClientResponse first = await(small.send(ClientRequest.get(uri("/1")).build()));
      // the first body is mostly unread, so its connection is still in use
      CompletableFuture<ClientResponse> waiting = small.send(ClientRequest.get(uri("/2")).build());
      assertInstanceOf(PoolAcquireTimeoutException.class, failure(waiting));
      CompletableFuture<ClientResponse> queued = small.send(ClientRequest.get(uri("/3")).build());
      assertEquals(1, small.poolStats().pending());
      assertEquals(4 * 1024 * 1024, await(first.bytes()).length);
      assertEquals("second", await(await(queued).string()));
      assertEquals(1, small.poolStats().open());
    }
  }

  @Test
  void aSlowResponseHeadFailsWithTheReadTimeout() throws Exception {
    try (HttpClient c =
        HttpClient.create(
            HttpClientOptions.builder().readIdleTimeout(Duration.ofMillis(200)).build())) {
      server.enqueue(new MockResponse().setHeadersDelay(3, TimeUnit.SECONDS));
      assertInstanceOf(
          ReadTimeoutException.class, failure(c.send(ClientRequest.get(uri("/slow")).build())));
    }
  }

  @Test
  void theWholeExchangeIsBoundedByTheRequestTimeout() throws Exception {
    server.enqueue(new MockResponse().setHeadersDelay(3, TimeUnit.SECONDS));
    assertInstanceOf(
        RequestTimeoutException.class,
        failure(
            client.send(ClientRequest.get(uri("/slow")).timeout(Duration.ofMillis(200)).build())));
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void getRedirectsAreFollowed(int status) throws Exception {
    server.enqueue(new MockResponse().setResponseCode(status).setHeader("Location", "/target"));
    server.enqueue(new MockResponse().setBody("arrived"));
    ClientResponse response = await(client.send(ClientRequest.get(uri("/start")).build()));
    assertEquals(200, response.status());
    assertEquals("arrived", await(response.string()));
    assertEquals(uri("/target"), response.uri());
    assertEquals("/start", recorded().getPath());
    assertEquals("/target", recorded().getPath());
  }

  @Test
  void a303AfterAPostIsFollowedWithAGetWithoutBody() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(303).setHeader("Location", "/done"));
    server.enqueue(new MockResponse().setBody("ok"));
    ClientResponse response =
        await(
            client.send(
                ClientRequest.post(uri("/submit"))
                    .body("payload")
                    .contentType("text/plain")
                    .build()));
    assertEquals("ok", await(response.string()));
    assertEquals("POST", recorded().getMethod());
    RecordedRequest follow = recorded();
    assertEquals("GET", follow.getMethod());
    assertEquals(0, follow.getBodySize());
    assertNull(follow.getHeader("Content-Type"));
  }

  @Test
  void a307AfterAPostIsNotFollowed() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(307).setHeader("Location", "/elsewhere"));
    ClientResponse response =
        await(client.send(ClientRequest.post(uri("/submit")).body("payload").build()));
    assertEquals(307, response.status());
    response.close();
  }

  @Test
  void oneRedirectMoreThanTheMaximumFailsWithTheLastRedirectResponse() throws Exception {
    try (HttpClient c = HttpClient.create(HttpClientOptions.builder().maxRedirects(2).build())) {
      for (int i = 1; i <= 3; i++) {
        server.enqueue(
            new MockResponse()
                .setResponseCode(302)
                .setHeader("Location", "/loop" + i)
                .setBody("redirect " + i));
      }
      server.enqueue(new MockResponse().setBody("must not be reached"));
      Throwable t = failure(c.send(ClientRequest.get(uri("/loop0")).build()));
      TooManyRedirectsException e = assertInstanceOf(TooManyRedirectsException.class, t);
      assertEquals(2, e.redirects());
      ClientResponse last = e.response();
      assertEquals(302, last.status());
      assertEquals("/loop3", last.headers().get("Location"));
      assertEquals(uri("/loop2"), last.uri());
      assertEquals("redirect 3", await(last.string()), "the body of the last redirect is kept");
      assertTrue(e.getMessage().contains("/loop3"), e.getMessage());
      assertEquals(3, server.getRequestCount());
    }
  }

  @Test
  void exactlyTheMaximumOfRedirectsIsFollowed() throws Exception {
    try (HttpClient c = HttpClient.create(HttpClientOptions.builder().maxRedirects(2).build())) {
      server.enqueue(new MockResponse().setResponseCode(301).setHeader("Location", "/b"));
      server.enqueue(new MockResponse().setResponseCode(307).setHeader("Location", "/c"));
      server.enqueue(new MockResponse().setBody("arrived"));
      ClientResponse response = await(c.send(ClientRequest.get(uri("/a")).build()));
      assertEquals("arrived", await(response.string()));
      assertEquals(3, server.getRequestCount());
    }
  }

  @Test
  void aRedirectLimitOfZeroFailsTheFirstRedirect() throws Exception {
    try (HttpClient c = HttpClient.create(HttpClientOptions.builder().maxRedirects(0).build())) {
      server.enqueue(new MockResponse().setResponseCode(308).setHeader("Location", "/b"));
      Throwable t = failure(c.send(ClientRequest.get(uri("/a")).build()));
      TooManyRedirectsException e = assertInstanceOf(TooManyRedirectsException.class, t);
      assertEquals(308, e.response().status());
      e.response().close();
      assertEquals(1, server.getRequestCount());
    }
  }

  @Test
  void aRedirectNotFollowedIsTheResponseEvenAtTheLimit() throws Exception {
    try (HttpClient c = HttpClient.create(HttpClientOptions.builder().maxRedirects(0).build())) {
      // a 307 after a POST is not followed (redirectUnsafeMethods is off): no limit is reached
      server.enqueue(new MockResponse().setResponseCode(307).setHeader("Location", "/b"));
      ClientResponse response = await(c.send(ClientRequest.post(uri("/a")).body("x").build()));
      assertEquals(307, response.status());
      response.close();
    }
  }

  @Test
  void aCrossOriginRedirectDropsAuthorization() throws Exception {
    try (MockWebServer other = new MockWebServer()) {
      other.start(0);
      other.enqueue(new MockResponse().setBody("there"));
      server.enqueue(
          new MockResponse()
              .setResponseCode(302)
              .setHeader("Location", other.url("/x").toString()));
      ClientResponse response =
          await(
              client.send(
                  ClientRequest.get(uri("/here"))
                      .bearerAuth("secret")
                      .header("X-Kept", "yes")
                      .build()));
      assertEquals("there", await(response.string()));
      assertEquals("Bearer secret", recorded().getHeader("Authorization"));
      RecordedRequest there = other.takeRequest(10, TimeUnit.SECONDS);
      assertNull(there.getHeader("Authorization"));
      assertEquals("yes", there.getHeader("X-Kept"));
    }
  }

  @Test
  void errorStatusesFailTheFutureWithTheResponseUnlessSwitchedOff() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(404).setBody("missing"));
    server.enqueue(new MockResponse().setResponseCode(503).setBody("down"));
    Throwable t = failure(client.send(ClientRequest.get(uri("/a")).build()));
    HttpResponseException e = assertInstanceOf(HttpResponseException.class, t);
    assertEquals(404, e.status());
    assertEquals("missing", await(e.response().string()));
    ClientResponse r =
        await(client.send(ClientRequest.get(uri("/b")).errorStatusFails(false).build()));
    assertEquals(503, r.status());
    assertEquals("down", await(r.string()));
  }

  @Test
  void aConnectionDroppedMidBodyFailsTheBodyStream() throws Exception {
    server.enqueue(
        new MockResponse()
            .setBody(new Buffer().write(new byte[256 * 1024]))
            .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
    ClientResponse response = await(client.send(ClientRequest.get(uri("/big")).build()));
    Throwable t = failure(response.bytes());
    assertInstanceOf(java.io.IOException.class, t);
    assertFalse(t instanceof HttpTimeoutException, "the drop, not a timeout: " + t);
  }

  @Test
  void aConnectionDroppedMidChunkedBodyFailsTheBodyStream() throws Exception {
    server.enqueue(
        new MockResponse()
            .setChunkedBody(new Buffer().write(new byte[256 * 1024]), 8 * 1024)
            .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
    ClientResponse response = await(client.send(ClientRequest.get(uri("/chunked")).build()));
    assertEquals("chunked", response.headers().get("Transfer-Encoding"));
    Throwable t = failure(response.bytes());
    assertInstanceOf(java.io.IOException.class, t);
    assertFalse(t instanceof HttpTimeoutException, "the drop, not a timeout: " + t);
  }

  @Test
  void closingTheBodyEarlyClosesTheConnectionAndTheNextRequestUsesANewOne() throws Exception {
    server.enqueue(
        new MockResponse()
            .setBody(new Buffer().write(new byte[1024 * 1024]))
            .throttleBody(16 * 1024, 100, TimeUnit.MILLISECONDS));
    server.enqueue(new MockResponse().setBody("next"));
    ClientResponse response = await(client.send(ClientRequest.get(uri("/big")).build()));
    response.body().take().get(10, TimeUnit.SECONDS);
    response.close();
    assertEquals("next", await(await(client.send(ClientRequest.get(uri("/n")).build())).string()));
    assertEquals(0, recorded().getSequenceNumber());
    assertEquals(0, recorded().getSequenceNumber());
  }

  @Test
  void cancellingTheFutureAbortsTheExchange() throws Exception {
    server.enqueue(new MockResponse().setHeadersDelay(2, TimeUnit.SECONDS));
    server.enqueue(new MockResponse().setBody("after"));
    CompletableFuture<ClientResponse> f = client.send(ClientRequest.get(uri("/c")).build());
    recorded();
    assertTrue(f.cancel(true));
    assertEquals("after", await(await(client.send(ClientRequest.get(uri("/d")).build())).string()));
  }

  @Test
  void aClientCanSwitchErrorStatusesOffAndARequestBackOn() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(500).setBody("broken"));
    server.enqueue(new MockResponse().setResponseCode(404));
    try (HttpClient lenient =
        HttpClient.create(HttpClientOptions.builder().errorStatusFails(false).build())) {
      ClientResponse r = await(lenient.send(ClientRequest.get(uri("/a")).build()));
      assertEquals(500, r.status());
      assertEquals("broken", await(r.string()));
      Throwable t =
          failure(lenient.send(ClientRequest.get(uri("/b")).errorStatusFails(true).build()));
      assertEquals(404, assertInstanceOf(HttpResponseException.class, t).status());
    }
  }

  @Test
  void deflateResponsesAreDecodedTransparently() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (java.util.zip.DeflaterOutputStream deflate = new java.util.zip.DeflaterOutputStream(out)) {
      deflate.write("deflated text".getBytes(StandardCharsets.UTF_8));
    }
    server.enqueue(
        new MockResponse()
            .setHeader("Content-Encoding", "deflate")
            .setBody(new Buffer().write(out.toByteArray())));
    assertEquals(
        "deflated text", await(await(client.send(ClientRequest.get(uri("/d")).build())).string()));
  }
}
