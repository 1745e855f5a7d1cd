package io.beth.http.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.http.ClientRequest;
import io.beth.http.ClientResponse;
import io.beth.http.ConnectTimeoutException;
import io.beth.http.HttpClient;
import io.beth.http.HttpClientOptions;
import io.beth.http.RequestTimeoutException;
import io.beth.stream.BufferedStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When the read-idle, whole-request and TLS-handshake timeouts start and what they fail, against
 * MockWebServer and a raw socket that never speaks.
 */
class HttpClientTimeoutTest {

  private MockWebServer server;

  @BeforeEach
  void setUp() throws Exception {
    server = new MockWebServer();
    server.start(0);
  }

  @AfterEach
  void tearDown() throws Exception {
    server.shutdown();
  }

  private URI uri(String path) {
    return server.url(path).uri();
  }

  private static <T> T await(CompletableFuture<T> f) throws Exception {
    return f.get(10, TimeUnit.SECONDS);
  }

  private static Throwable failure(CompletableFuture<?> f) {
    return assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS)).getCause();
  }

  @Test
  void aConnectionIdleInThePoolLongerThanTheReadTimeoutStillServesASlowResponse() throws Exception {
    server.enqueue(new MockResponse().setBody("first"));
    server.enqueue(
        new MockResponse().setBody("second").setHeadersDelay(900, TimeUnit.MILLISECONDS));
    try (HttpClient c =
        HttpClient.create(
            HttpClientOptions.builder().readIdleTimeout(Duration.ofMillis(1500)).build())) {
      assertEquals("first", await(await(c.send(ClientRequest.get(uri("/1")).build())).string()));
      // The scenario: the connection sits in the pool for longer than the read-idle timeout.
      Thread.sleep(2500);
      assertEquals("second", await(await(c.send(ClientRequest.get(uri("/2")).build())).string()));
    }
    assertEquals(0, server.takeRequest(10, TimeUnit.SECONDS).getSequenceNumber());
    assertEquals(
        1,
        server.takeRequest(10, TimeUnit.SECONDS).getSequenceNumber(),
        "the second request reused the pooled connection");
  }

  @Test
  void timeoutsTooLongToCountInNanosecondsAreKeptAsTheLongestThatCanBe() throws Exception {
    server.enqueue(new MockResponse().setBody("patient"));
    Duration forever = Duration.ofDays(200_000); // more nanoseconds than a long holds
    try (HttpClient c =
        HttpClient.create(
            HttpClientOptions.builder()
                .readIdleTimeout(forever)
                .requestTimeout(forever)
                .connectTimeout(forever)
                .poolAcquireTimeout(forever)
                .build())) {
      ClientResponse response =
          await(c.send(ClientRequest.get(uri("/patient")).timeout(forever).build()));
      assertEquals("patient", await(response.string()));
    }
  }

  @Test
  void anUploadLongerThanTheReadTimeoutSucceeds() throws Exception {
    // MockWebServer reads the whole body before it answers: the server sends nothing meanwhile.
    server.enqueue(new MockResponse().setBody("received"));
    slowUploadSucceeds(false);
  }

  @Test
  void anInterimContinueDoesNotStartTheReadTimeoutDuringTheUpload() throws Exception {
    // The server says 100 Continue at once, then reads the body: only the final answer is due.
    server.enqueue(
        new MockResponse()
            .setBody("received")
            .setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.CONTINUE_ALWAYS));
    slowUploadSucceeds(true);
  }

  private void slowUploadSucceeds(boolean expectContinue) throws Exception {
    int chunks = 15;
    byte[] chunk = new byte[1024];
    Arrays.fill(chunk, (byte) 'u');
    BufferedStream<byte[]> upload = BufferedStream.create(4);
    ScheduledExecutorService feeder = Executors.newSingleThreadScheduledExecutor();
    AtomicInteger sent = new AtomicInteger();
    try (HttpClient c =
        HttpClient.create(
            HttpClientOptions.builder().readIdleTimeout(Duration.ofMillis(500)).build())) {
      // The scenario: a chunk every 100 ms, so the upload lasts about three read-idle timeouts.
      feeder.scheduleAtFixedRate(
          () -> {
            if (sent.incrementAndGet() <= chunks) {
              upload.put(chunk);
            } else {
              upload.close();
            }
          },
          0,
          100,
          TimeUnit.MILLISECONDS);
      ClientRequest.Builder request = ClientRequest.post(uri("/upload")).body(upload);
      if (expectContinue) {
        request.header("Expect", "100-continue");
      }
      CompletableFuture<ClientResponse> response = c.send(request.build());
      assertEquals("received", await(await(response).string()));
    } finally {
      feeder.shutdownNow();
    }
    RecordedRequest r = server.takeRequest(10, TimeUnit.SECONDS);
    assertEquals(chunks * chunk.length, r.getBodySize());
  }

  @Test
  void theRequestTimeoutFailsABodyStillArriving() throws Exception {
    server.enqueue(new MockResponse().setBody("warm-up"));
    // headers at once, then 1 KiB every 100 ms: the 64 KiB body would take over six seconds
    server.enqueue(
        new MockResponse()
            .setBody(new Buffer().write(new byte[64 * 1024]))
            .throttleBody(1024, 100, TimeUnit.MILLISECONDS));
    try (HttpClient c = HttpClient.create()) {
      // a first exchange loads the classes and opens the connection: the timed one only waits
      // for the server
      assertEquals("warm-up", await(await(c.send(ClientRequest.get(uri("/")).build())).string()));
      ClientResponse response =
          await(
              c.send(ClientRequest.get(uri("/slow-body")).timeout(Duration.ofMillis(300)).build()));
      assertEquals(200, response.status());
      assertInstanceOf(RequestTimeoutException.class, failure(response.bytes()));
    }
  }

  @Test
  void aTlsHandshakeThatNeverCompletesFailsWithTheConnectTimeout() throws Exception {
    // The kernel accepts the TCP connection into the backlog; nobody ever answers the ClientHello.
    try (ServerSocket silent = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        HttpClient c =
            HttpClient.create(
                HttpClientOptions.builder().connectTimeout(Duration.ofMillis(300)).build())) {
      URI target = URI.create("https://127.0.0.1:" + silent.getLocalPort() + "/");
      long start = System.nanoTime();
      Throwable t = failure(c.send(ClientRequest.get(target).build()));
      assertInstanceOf(ConnectTimeoutException.class, t);
      assertTrue(
          System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5),
          "bounded by the connect timeout, not the default handshake timeout");
      assertEquals(0, c.poolStats().open());
    }
  }
}
