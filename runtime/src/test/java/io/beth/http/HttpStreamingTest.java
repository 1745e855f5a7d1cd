package io.beth.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.stream.BufferedStream;
import io.beth.stream.Streams;
import io.beth.testing.HeapProbe;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bodies that stream both ways, with backpressure. */
class HttpStreamingTest {

  /** 1 GiB unless -Dbeth.test.uploadBytes says otherwise. */
  private static final long UPLOAD_BYTES = Long.getLong("beth.test.uploadBytes", 1L << 30);

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(Duration.ofSeconds(1)).join();
    }
  }

  private URI start(HttpHandler handler, HttpServerOptions.Builder options) {
    server = HttpServer.start(handler, options.host("127.0.0.1").build()).join();
    return URI.create("http://127.0.0.1:" + server.port());
  }

  /** Deterministic bytes: position i holds (i * 31) mod 251. */
  private static class PatternStream extends InputStream {
    private final long size;
    private long position;

    PatternStream(long size) {
      this.size = size;
    }

    @Override
    public int read() {
      return position < size ? (int) ((position++ * 31) % 251) : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (position >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - position);
      for (int i = 0; i < n; i++) {
        b[off + i] = (byte) ((position++ * 31) % 251);
      }
      return n;
    }
  }

  private static byte[] digest(InputStream in) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    byte[] buffer = new byte[64 * 1024];
    for (int n; (n = in.read(buffer)) >= 0; ) {
      md.update(buffer, 0, n);
    }
    return md.digest();
  }

  @Test
  void aLargeUploadIsEchoedAsItStreamsWithBoundedHeap() throws Exception {
    // The test JVM has -Xmx1g: holding the body would fail; a streamed echo does not. The JDK
    // client sends the whole body before it reads a response, so a socket does both at once.
    int port =
        server(
            HttpHandler.async(
                    request ->
                        CompletableFuture.completedFuture(
                            HttpResponse.builder().body(request.body()).build()))
                .nonBlocking());
    long start = System.nanoTime();
    long growth;
    long directGrowth;
    try (RawHttp http = new RawHttp(port);
        HeapProbe heap = new HeapProbe(250)) {
      CompletableFuture<Void> upload =
          CompletableFuture.runAsync(
              () -> {
                try (InputStream pattern = new PatternStream(UPLOAD_BYTES)) {
                  http.send(
                      "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: "
                          + UPLOAD_BYTES
                          + "\r\n\r\n");
                  pattern.transferTo(http.socket.getOutputStream());
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      InputStream body = http.readStreamingBody();
      byte[] received = digest(body);
      upload.get(60, TimeUnit.SECONDS);
      assertTrue(Arrays.equals(digest(new PatternStream(UPLOAD_BYTES)), received), "same bytes");
      growth = heap.maxGrowth();
      directGrowth = heap.maxDirectGrowth();
    }
    // Client and server share this JVM; what both keep alive at once stays small.
    assertTrue(growth < 64L << 20, "live heap grew by " + (growth >> 20) + " MiB");
    assertTrue(
        directGrowth < 64L << 20, "Netty's direct memory grew by " + (directGrowth >> 20) + " MiB");
    System.out.printf(
        "echoed %d MiB in %d ms; live heap growth %d MiB, direct %d MiB%n",
        UPLOAD_BYTES >> 20,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
        growth >> 20,
        directGrowth >> 20);
  }

  @Test
  void rawBodiesAreNettyBuffersTheConsumerReleases() throws Exception {
    URI base =
        start(
            request -> {
              AtomicLong total = new AtomicLong();
              CompletableFuture<HttpResponse> done = new CompletableFuture<>();
              io.beth.stream.Source<ByteBuf> body = request.rawBody();
              body.subscribe(
                  new java.util.concurrent.Flow.Subscriber<ByteBuf>() {
                    @Override
                    public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
                      s.request(Long.MAX_VALUE);
                    }

                    @Override
                    public void onNext(ByteBuf buf) {
                      total.addAndGet(buf.readableBytes());
                      buf.release();
                    }

                    @Override
                    public void onError(Throwable t) {
                      done.completeExceptionally(t);
                    }

                    @Override
                    public void onComplete() {
                      done.complete(HttpResponse.ok(Long.toString(total.get())));
                    }
                  });
              return done;
            },
            HttpServerOptions.builder().rawBodies(true));
    java.net.http.HttpResponse<String> response =
        client.send(
            java.net.http.HttpRequest.newBuilder(base)
                .POST(BodyPublishers.ofInputStream(() -> new PatternStream(5_000_000)))
                .build(),
            BodyHandlers.ofString());
    assertEquals("5000000", response.body());
  }

  @Test
  void aSlowReaderLeavesTheServerBufferBoundedAndItsDisconnectClosesTheSource() throws Exception {
    BufferedStream<byte[]> stream = BufferedStream.create(1);
    AtomicLong produced = new AtomicLong();
    CompletableFuture<Long> stalled = new CompletableFuture<>();
    int chunkSize = 64 * 1024;
    Thread producer =
        new Thread(
            () -> {
              byte[] chunk = new byte[chunkSize];
              while (true) {
                Boolean accepted = stream.put(chunk.clone(), Duration.ofSeconds(1)).join();
                if (!accepted) {
                  stalled.complete(produced.get()); // a whole second without room: backpressure
                  return;
                }
                produced.addAndGet(chunk.length);
              }
            });
    CompletableFuture<io.netty.channel.Channel> connection = new CompletableFuture<>();
    server =
        HttpServer.start(
                HttpHandler.sync(
                    request -> {
                      producer.start();
                      return HttpResponse.builder().body(stream).build();
                    }),
                HttpServerOptions.builder()
                    .host("127.0.0.1")
                    .pipelineHook(pipeline -> connection.complete(pipeline.channel()))
                    .build())
            .join();
    try (RawHttp http = new RawHttp(server.port(), 64 * 1024)) {
      http.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n"); // and never read
      long atStall = stalled.get(60, TimeUnit.SECONDS);
      assertTrue(
          atStall < 32L * 1024 * 1024,
          "producer stopped after " + atStall + " bytes, not endlessly");
      // What Netty holds for the socket: one chunk at most beyond the point where the channel
      // turns unwritable (the rest waits in the kernel's buffers, or was never produced).
      io.netty.channel.Channel channel = connection.get(5, TimeUnit.SECONDS);
      long pending =
          channel
              .eventLoop()
              .submit(() -> channel.unsafe().outboundBuffer().totalPendingWriteBytes())
              .get(5, TimeUnit.SECONDS);
      int highWater = channel.config().getWriteBufferHighWaterMark();
      assertTrue(pending > 0, "the client reads nothing, so something waits");
      assertTrue(
          pending <= highWater + chunkSize + 1024,
          pending + " bytes pending, high-water mark " + highWater);
    }
    stream.closed().toCompletableFuture().get(10, TimeUnit.SECONDS);
    producer.join(10_000);
  }

  @Test
  void anInputStreamBodyIsClosedWhenTheClientLeavesEarly() throws Exception {
    CompletableFuture<Void> closed = new CompletableFuture<>();
    int port =
        server(
            HttpHandler.sync(
                request ->
                    HttpResponse.builder()
                        .body(
                            new PatternStream(Long.MAX_VALUE) { // endless
                              @Override
                              public void close() {
                                closed.complete(null);
                              }
                            })
                        .build()));
    try (RawHttp http = new RawHttp(port, 16 * 1024)) {
      http.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
      InputStream body = http.readStreamingBody();
      assertEquals(4096, body.readNBytes(4096).length);
    } // unread bytes left behind: the close resets the connection
    closed.get(10, TimeUnit.SECONDS);
  }

  private int server(HttpHandler handler) {
    server =
        HttpServer.start(handler, HttpServerOptions.builder().host("127.0.0.1").build()).join();
    return server.port();
  }

  @Test
  void inputStreamBodiesAreReadOffTheLoopAndClosed() throws Exception {
    CompletableFuture<String> readOn = new CompletableFuture<>();
    CompletableFuture<Boolean> closed = new CompletableFuture<>();
    URI base =
        start(
            HttpHandler.sync(
                    request ->
                        HttpResponse.builder()
                            .body(
                                new PatternStream(300_000) {
                                  @Override
                                  public int read(byte[] b, int off, int len) {
                                    readOn.complete(Thread.currentThread().getName());
                                    return super.read(b, off, len);
                                  }

                                  @Override
                                  public void close() {
                                    closed.complete(true);
                                  }
                                })
                            .build())
                .nonBlocking(),
            HttpServerOptions.builder());
    java.net.http.HttpResponse<InputStream> response =
        client.send(
            java.net.http.HttpRequest.newBuilder(base).build(), BodyHandlers.ofInputStream());
    assertTrue(Arrays.equals(digest(new PatternStream(300_000)), digest(response.body())));
    assertTrue(!readOn.join().startsWith("beth-http-io"), "read on " + readOn.join());
    assertTrue(closed.get(5, TimeUnit.SECONDS));
  }

  @Test
  void serverSentEventsStreamWithKeepAliveComments() throws Exception {
    BufferedStream<ServerSentEvent> events = BufferedStream.create(8);
    URI base =
        start(
            HttpHandler.sync(request -> ServerSentEvents.response(events, Duration.ofMillis(100)))
                .nonBlocking(),
            HttpServerOptions.builder());
    java.net.http.HttpResponse<InputStream> response =
        client.send(
            java.net.http.HttpRequest.newBuilder(base).build(), BodyHandlers.ofInputStream());
    assertEquals(
        "text/event-stream; charset=utf-8", response.headers().firstValue("content-type").get());
    java.io.BufferedReader reader =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(response.body(), StandardCharsets.UTF_8));
    assertEquals(":", reader.readLine()); // a keep-alive comment, nothing was sent yet
    assertEquals("", reader.readLine());
    events.put(ServerSentEvent.builder().id("1").event("greeting").data("hello\nworld").build());
    String line;
    while ((line = reader.readLine()).equals(":") || line.isEmpty()) {
      // skip further keep-alives
    }
    assertEquals("id: 1", line);
    assertEquals("event: greeting", reader.readLine());
    assertEquals("data: hello", reader.readLine());
    assertEquals("data: world", reader.readLine());
    assertEquals("", reader.readLine());
    events.close();
    while ((line = reader.readLine()) != null) {
      assertTrue(line.equals(":") || line.isEmpty(), line);
    }
  }

  @Test
  void serverSentEventsSourceIsClosedWhenTheClientLeaves() throws Exception {
    BufferedStream<ServerSentEvent> events = BufferedStream.create(8);
    int port = server(HttpHandler.sync(request -> ServerSentEvents.response(events)).nonBlocking());
    try (RawHttp http = new RawHttp(port)) {
      http.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
      events.put(ServerSentEvent.of("first"));
      byte[] some = new byte[10];
      assertTrue(http.socket.getInputStream().read(some) > 0);
    }
    events.closed().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /**
   * Lines that are all there at once fill the write buffer inside one read: the flush that runs as
   * the channel turns unwritable drains it, and the writer must go on after the write in progress,
   * not from inside it (which sent a chunk header twice and released a buffer twice).
   */
  @Test
  void aStreamThatPassesTheWriteBufferLimitInOneReadArrivesIntact() throws Exception {
    List<String> lines = IntStream.range(0, 20_000).mapToObj(i -> "line " + i + "\n").toList();
    URI uri =
        start(
            HttpHandler.sync(
                    request -> HttpResponse.builder().body(Streams.fromIterable(lines)).build())
                .nonBlocking(),
            HttpServerOptions.builder());
    String expected = String.join("", lines);
    for (int round = 0; round < 5; round++) {
      java.net.http.HttpResponse<String> response =
          client
              .sendAsync(
                  java.net.http.HttpRequest.newBuilder(uri.resolve("/lines")).build(),
                  BodyHandlers.ofString())
              .get(30, TimeUnit.SECONDS);
      assertEquals(200, response.statusCode());
      assertEquals(expected, response.body(), "round " + round);
    }
  }

  @Test
  void aFailingResponseStreamClosesTheConnection() throws Exception {
    int port =
        server(
            HttpHandler.sync(
                request -> {
                  BufferedStream<String> body = BufferedStream.create(2);
                  body.put("partial");
                  body.fail(new IOException("producer broke"));
                  return HttpResponse.builder().body(body).build();
                }));
    try (RawHttp http = new RawHttp(port)) {
      http.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThrowsIo(http);
    }
  }

  private static void assertThrowsIo(RawHttp http) {
    try {
      http.read();
    } catch (IOException | RuntimeException expected) {
      return; // the chunked body ended without its terminator
    }
    throw new AssertionError("an incomplete response was read as complete");
  }
}
