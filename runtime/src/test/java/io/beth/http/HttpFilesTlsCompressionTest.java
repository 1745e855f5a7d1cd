package io.beth.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files (zero-copy or chunked), TLS, response compression and request decompression. */
class HttpFilesTlsCompressionTest {

  @TempDir static Path dir;
  private static Path binary;
  private static Path text;
  private static byte[] binaryBytes;
  private static final SelfSignedTls TLS = SelfSignedTls.create();

  private HttpServer server;

  @BeforeAll
  static void writeFiles() throws Exception {
    binaryBytes = new byte[3 * 1024 * 1024 + 17];
    new Random(7).nextBytes(binaryBytes);
    binary = Files.write(dir.resolve("data.bin"), binaryBytes);
    text = Files.writeString(dir.resolve("page.html"), "<p>hello</p>\n".repeat(2000));
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(Duration.ofSeconds(1)).join();
    }
  }

  private static HttpHandler files() {
    return HttpHandler.sync(
        request -> {
          switch (request.path()) {
            case "/data.bin":
              return HttpResponse.builder().body(binary).build();
            case "/page.html":
              return HttpResponse.builder().body(text.toFile()).build();
            case "/small":
              return HttpResponse.ok("tiny");
            case "/png":
              return HttpResponse.builder().contentType("image/png").body(new byte[5000]).build();
            case "/stream":
              io.beth.stream.BufferedStream<String> s = io.beth.stream.BufferedStream.create(3);
              s.put("streamed ".repeat(100));
              s.put("text ".repeat(100));
              s.close();
              return HttpResponse.builder().contentType("text/plain").body(s).build();
            default:
              return HttpResponse.builder().body(dir.resolve("missing")).build();
          }
        });
  }

  private URI start(HttpServerOptions.Builder options) {
    server = HttpServer.start(files(), options.build()).join();
    String scheme =
        options.build().sslContext() != null ? "https://localhost:" : "http://127.0.0.1:";
    return URI.create(scheme + server.port());
  }

  private static java.net.http.HttpResponse<byte[]> get(
      HttpClient client, URI uri, String... headers) throws Exception {
    java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(uri);
    if (headers.length > 0) {
      b.headers(headers);
    }
    return client.send(b.build(), BodyHandlers.ofByteArray());
  }

  private static HttpClient plain() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  @Test
  void filesAreServedWithTheirLengthAndType() throws Exception {
    URI base = start(HttpServerOptions.builder().host("127.0.0.1"));
    java.net.http.HttpResponse<byte[]> response = get(plain(), base.resolve("/data.bin"));
    assertArrayEquals(binaryBytes, response.body());
    assertEquals(
        Long.toString(binaryBytes.length), response.headers().firstValue("content-length").get());
    assertEquals("application/octet-stream", response.headers().firstValue("content-type").get());
    java.net.http.HttpResponse<byte[]> html = get(plain(), base.resolve("/page.html"));
    assertEquals("text/html; charset=utf-8", html.headers().firstValue("content-type").get());
    assertArrayEquals(Files.readAllBytes(text), html.body());
  }

  @Test
  void aMissingFileIs404() throws Exception {
    URI base = start(HttpServerOptions.builder().host("127.0.0.1"));
    assertEquals(404, get(plain(), base.resolve("/nothing")).statusCode());
  }

  @Test
  void tlsServesFilesAndTextWithASelfSignedCertificate() throws Exception {
    URI base = start(HttpServerOptions.builder().sslContext(TLS.serverContext()));
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(TLS.jdkClientContext())
            .build();
    assertArrayEquals(binaryBytes, get(client, base.resolve("/data.bin")).body());
    assertEquals(
        "tiny", new String(get(client, base.resolve("/small")).body(), StandardCharsets.UTF_8));
  }

  @Test
  void requestsOverTlsSayHttps() throws Exception {
    server =
        HttpServer.start(
                HttpHandler.sync(request -> HttpResponse.ok(request.scheme())),
                HttpServerOptions.builder().sslContext(TLS.serverContext()).build())
            .join();
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(TLS.jdkClientContext())
            .build();
    assertEquals(
        "https",
        new String(
            get(client, URI.create("https://localhost:" + server.port())).body(),
            StandardCharsets.UTF_8));
  }

  @Test
  void responsesAreCompressedWhenAcceptedLargeEnoughAndOfACompressibleType() throws Exception {
    URI base =
        start(
            HttpServerOptions.builder()
                .host("127.0.0.1")
                .compression(true)
                .compressionMinSize(100));
    java.net.http.HttpResponse<byte[]> page =
        get(plain(), base.resolve("/page.html"), "Accept-Encoding", "gzip");
    assertEquals("gzip", page.headers().firstValue("content-encoding").orElse(null));
    assertTrue(page.body().length < Files.size(text) / 4);
    assertArrayEquals(
        Files.readAllBytes(text),
        new GZIPInputStream(new java.io.ByteArrayInputStream(page.body())).readAllBytes());

    java.net.http.HttpResponse<byte[]> stream =
        get(plain(), base.resolve("/stream"), "Accept-Encoding", "deflate");
    assertEquals("deflate", stream.headers().firstValue("content-encoding").orElse(null));
    assertEquals(
        "streamed ".repeat(100) + "text ".repeat(100),
        new String(
            new InflaterInputStream(new java.io.ByteArrayInputStream(stream.body())).readAllBytes(),
            StandardCharsets.UTF_8));

    assertFalse(
        get(plain(), base.resolve("/small"), "Accept-Encoding", "gzip")
            .headers()
            .firstValue("content-encoding")
            .isPresent(),
        "below the minimum size");
    assertFalse(
        get(plain(), base.resolve("/png"), "Accept-Encoding", "gzip")
            .headers()
            .firstValue("content-encoding")
            .isPresent(),
        "already compressed type");
    assertFalse(
        get(plain(), base.resolve("/page.html"))
            .headers()
            .firstValue("content-encoding")
            .isPresent(),
        "not accepted");
    java.net.http.HttpResponse<byte[]> binary =
        get(plain(), base.resolve("/data.bin"), "Accept-Encoding", "gzip");
    assertFalse(binary.headers().firstValue("content-encoding").isPresent());
    assertArrayEquals(binaryBytes, binary.body());
  }

  @Test
  void compressedFilesUnderTlsToo() throws Exception {
    URI base = start(HttpServerOptions.builder().sslContext(TLS.serverContext()).compression(true));
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(TLS.jdkClientContext())
            .build();
    java.net.http.HttpResponse<byte[]> page =
        get(client, base.resolve("/page.html"), "Accept-Encoding", "gzip");
    assertEquals("gzip", page.headers().firstValue("content-encoding").orElse(null));
    assertArrayEquals(
        Files.readAllBytes(text),
        new GZIPInputStream(new java.io.ByteArrayInputStream(page.body())).readAllBytes());
  }

  @Test
  void gzippedRequestBodiesAreDecoded() throws Exception {
    server =
        HttpServer.start(
                request -> request.bodyString().thenApply(HttpResponse::ok),
                HttpServerOptions.builder().host("127.0.0.1").build())
            .join();
    ByteArrayOutputStream gz = gzip("compressed request");
    java.net.http.HttpResponse<String> response =
        plain()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port()))
                    .header("Content-Encoding", "gzip")
                    .POST(BodyPublishers.ofByteArray(gz.toByteArray()))
                    .build(),
                BodyHandlers.ofString());
    assertEquals("compressed request", response.body());

    // one keep-alive connection: coded and uncoded requests in turn, each body as it was sent
    java.net.http.HttpClient client = plain();
    URI uri = URI.create("http://127.0.0.1:" + server.port());
    for (int i = 0; i < 3; i++) {
      assertEquals(
          "compressed request",
          client
              .send(
                  java.net.http.HttpRequest.newBuilder(uri)
                      .header("Content-Encoding", "gzip")
                      .POST(BodyPublishers.ofByteArray(gz.toByteArray()))
                      .build(),
                  BodyHandlers.ofString())
              .body());
      assertEquals(
          "plain " + i,
          client
              .send(
                  java.net.http.HttpRequest.newBuilder(uri)
                      .POST(BodyPublishers.ofString("plain " + i))
                      .build(),
                  BodyHandlers.ofString())
              .body());
      assertEquals(
          "identity " + i,
          client
              .send(
                  java.net.http.HttpRequest.newBuilder(uri)
                      .header("Content-Encoding", "identity")
                      .POST(BodyPublishers.ofString("identity " + i))
                      .build(),
                  BodyHandlers.ofString())
              .body());
    }
  }

  /** A gzip transfer coding before chunked ({@code Transfer-Encoding: gzip, chunked}) is undone. */
  @Test
  void gzipTransferCodedRequestBodiesAreDecoded() throws Exception {
    server =
        HttpServer.start(
                request -> request.bodyString().thenApply(HttpResponse::ok),
                HttpServerOptions.builder().host("127.0.0.1").build())
            .join();
    ByteArrayOutputStream gz = gzip("transfer-coded request");
    try (RawHttp http = new RawHttp(server.port())) {
      http.send(
          "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"
              + Integer.toHexString(gz.size())
              + "\r\n");
      http.send(gz.toByteArray());
      http.send("\r\n0\r\n\r\n");
      RawHttp.Response response = http.read();
      assertEquals(200, response.status);
      assertEquals("transfer-coded request", response.body);
    }
  }

  /** What the HTTP encoder passes on towards the socket, by class, on every connection. */
  private static final class WrittenTypes extends io.netty.channel.ChannelOutboundHandlerAdapter {
    final java.util.Set<Class<?>> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public boolean isSharable() {
      return true;
    }

    @Override
    public void write(
        io.netty.channel.ChannelHandlerContext ctx,
        Object msg,
        io.netty.channel.ChannelPromise promise) {
      seen.add(
          msg instanceof io.netty.channel.FileRegion
              ? io.netty.channel.FileRegion.class
              : msg.getClass());
      ctx.write(msg, promise);
    }

    boolean fileRegions() {
      return seen.contains(io.netty.channel.FileRegion.class);
    }
  }

  private static HttpServerOptions.Builder recording(
      HttpServerOptions.Builder options, WrittenTypes written) {
    // before the encoder: sees what it writes, as the transport (or TLS) will receive it
    return options.pipelineHook(p -> p.addBefore("encoder", "written-types", written));
  }

  @Test
  void filesAreSentAsAFileRegionOnPlainConnectionsOnly() throws Exception {
    WrittenTypes plainWrites = new WrittenTypes();
    URI base = start(recording(HttpServerOptions.builder().host("127.0.0.1"), plainWrites));
    assertArrayEquals(binaryBytes, get(plain(), base.resolve("/data.bin")).body());
    assertTrue(plainWrites.fileRegions(), "zero-copy: " + plainWrites.seen);
    server.stop(Duration.ofSeconds(1)).join();

    WrittenTypes tlsWrites = new WrittenTypes();
    base = start(recording(HttpServerOptions.builder().sslContext(TLS.serverContext()), tlsWrites));
    HttpClient tls =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(TLS.jdkClientContext())
            .build();
    assertArrayEquals(binaryBytes, get(tls, base.resolve("/data.bin")).body());
    assertFalse(tlsWrites.seen.isEmpty());
    assertFalse(tlsWrites.fileRegions(), "TLS encrypts in memory: " + tlsWrites.seen);
    server.stop(Duration.ofSeconds(1)).join();

    WrittenTypes compressedWrites = new WrittenTypes();
    base =
        start(
            recording(
                HttpServerOptions.builder().host("127.0.0.1").compression(true), compressedWrites));
    java.net.http.HttpResponse<byte[]> page =
        get(plain(), base.resolve("/page.html"), "Accept-Encoding", "gzip");
    assertEquals("gzip", page.headers().firstValue("content-encoding").orElse(null));
    assertArrayEquals(
        Files.readAllBytes(text),
        new GZIPInputStream(new java.io.ByteArrayInputStream(page.body())).readAllBytes());
    assertFalse(compressedWrites.seen.isEmpty());
    assertFalse(compressedWrites.fileRegions(), "compressed in memory: " + compressedWrites.seen);
  }

  @Test
  void withCompressionOnAFileStillGoesZeroCopyToAClientThatTakesNoCoding() throws Exception {
    WrittenTypes written = new WrittenTypes();
    URI base =
        start(recording(HttpServerOptions.builder().host("127.0.0.1").compression(true), written));
    for (String acceptEncoding : new String[] {null, "identity", "gzip;q=0, deflate;q=0"}) {
      written.seen.clear();
      java.net.http.HttpResponse<byte[]> page =
          acceptEncoding == null
              ? get(plain(), base.resolve("/page.html"))
              : get(plain(), base.resolve("/page.html"), "Accept-Encoding", acceptEncoding);
      assertFalse(page.headers().firstValue("content-encoding").isPresent(), acceptEncoding);
      assertArrayEquals(Files.readAllBytes(text), page.body(), acceptEncoding);
      assertTrue(written.fileRegions(), "zero-copy for " + acceptEncoding + ": " + written.seen);
    }
    written.seen.clear();
    java.net.http.HttpResponse<byte[]> gzipped =
        get(plain(), base.resolve("/page.html"), "Accept-Encoding", "identity, gzip;q=0.5");
    assertEquals("gzip", gzipped.headers().firstValue("content-encoding").orElse(null));
    assertFalse(written.fileRegions(), "compressed in memory: " + written.seen);
  }

  @Test
  void aCustomCompressiblePredicateDecidesWhatIsCompressed() throws Exception {
    java.util.Set<String> asked = java.util.concurrent.ConcurrentHashMap.newKeySet();
    URI base =
        start(
            HttpServerOptions.builder()
                .host("127.0.0.1")
                .compression(true)
                .compressionMinSize(100)
                .compressible(type -> asked.add(type) && type.equals("image/png")));
    java.net.http.HttpResponse<byte[]> png =
        get(plain(), base.resolve("/png"), "Accept-Encoding", "gzip");
    assertEquals(
        "gzip",
        png.headers().firstValue("content-encoding").orElse(null),
        "compressed although the default would not");
    assertArrayEquals(
        new byte[5000],
        new GZIPInputStream(new java.io.ByteArrayInputStream(png.body())).readAllBytes());
    java.net.http.HttpResponse<byte[]> page =
        get(plain(), base.resolve("/page.html"), "Accept-Encoding", "gzip");
    assertFalse(
        page.headers().firstValue("content-encoding").isPresent(),
        "not compressed although the default would");
    assertArrayEquals(Files.readAllBytes(text), page.body());
    assertTrue(asked.contains("image/png") && asked.contains("text/html"), asked.toString());
  }

  @Test
  void deflatedRequestBodiesAreDecoded() throws Exception {
    server =
        HttpServer.start(
                request -> request.bodyString().thenApply(HttpResponse::ok),
                HttpServerOptions.builder().host("127.0.0.1").build())
            .join();
    ByteArrayOutputStream deflated = new ByteArrayOutputStream();
    try (java.util.zip.DeflaterOutputStream out =
        new java.util.zip.DeflaterOutputStream(deflated)) {
      out.write("deflated request".getBytes(StandardCharsets.UTF_8));
    }
    java.net.http.HttpResponse<String> response =
        plain()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port()))
                    .header("Content-Encoding", "deflate")
                    .POST(BodyPublishers.ofByteArray(deflated.toByteArray()))
                    .build(),
                BodyHandlers.ofString());
    assertEquals("deflated request", response.body());
  }

  private static ByteArrayOutputStream gzip(String text) throws Exception {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return gz;
  }

  static byte[] readAll(InputStream in) throws Exception {
    return in.readAllBytes();
  }
}
