package io.beth.peers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.http.ClientRequest;
import io.beth.http.ClientResponse;
import io.beth.http.HttpClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Beth's {@link HttpClient} against nginx as the origin: static files, gzip, chunked, keep-alive.
 */
class NginxOriginTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String LOCATIONS =
      String.join(
          "\n",
          "    location /plain/ { gzip off; }",
          "    location /gzip/ { gzip on; gzip_types text/plain; gzip_min_length 1; gzip_comp_level 6; }",
          // sub_filter rewrites the body as it passes, so nginx no longer knows its length:
          // chunked.
          "    location /sub/ { gzip off; sub_filter 'PLACEHOLDER' 'replaced'; sub_filter_once off;",
          "                     sub_filter_types text/plain; }");

  @TempDir static Path dir;

  private static PeerProcess nginx;
  private static HttpClient client;
  private static byte[] binary;
  private static String text;
  private static String template;

  @BeforeAll
  static void startNginx() throws Exception {
    Path www = Nginx.www(dir);
    binary = new byte[3 * 1024 * 1024 + 11];
    new Random(3).nextBytes(binary);
    Files.createDirectories(www.resolve("plain"));
    Files.write(www.resolve("plain/data.bin"), binary);
    Files.writeString(www.resolve("plain/small.txt"), "small\n");
    byte[] large = new byte[20 * 1024 * 1024];
    new Random(4).nextBytes(large);
    Files.write(www.resolve("plain/large.bin"), large);

    text =
        IntStream.range(0, 20_000)
            .mapToObj(i -> "line " + i + " of a compressible text\n")
            .collect(Collectors.joining());
    Files.createDirectories(www.resolve("gzip"));
    Files.writeString(www.resolve("gzip/words.txt"), text);

    template =
        IntStream.range(0, 30_000)
            .mapToObj(i -> "row " + i + " PLACEHOLDER\n")
            .collect(Collectors.joining());
    Files.createDirectories(www.resolve("sub"));
    Files.writeString(www.resolve("sub/rows.txt"), template);

    nginx = Nginx.start(dir, LOCATIONS);
    client = HttpClient.create();
  }

  @AfterAll
  static void stop() {
    try {
      if (client != null) {
        client.close();
      }
    } finally {
      if (nginx != null) {
        nginx.close();
      }
    }
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + nginx.port() + path);
  }

  private static ClientResponse get(HttpClient client, String path) throws Exception {
    try {
      return client
          .send(ClientRequest.get(uri(path)).build())
          .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError(
          "no response to GET "
              + path
              + " within "
              + TIMEOUT
              + "; pool "
              + client.poolStats()
              + "; nginx:\n"
              + nginx.output(),
          e);
    }
  }

  /** The access log line of {@code uri} (unique per test), once nginx wrote it. */
  private static String logLine(String uri) throws InterruptedException {
    return nginx
        .awaitLines(Pattern.compile("ACCESS .* uri=" + Pattern.quote(uri) + " "), 1, TIMEOUT)
        .get(0);
  }

  private static String field(String logLine, String name) {
    Matcher m = Pattern.compile("\\b" + name + "=(\\S*)").matcher(logLine);
    assertTrue(m.find(), logLine);
    return m.group(1);
  }

  @Test
  void aStaticFileArrivesWholeWithItsLength() throws Exception {
    try (ClientResponse response = get(client, "/plain/data.bin")) {
      assertEquals(200, response.status());
      assertEquals(Integer.toString(binary.length), response.headers().get("Content-Length"));
      assertArrayEquals(binary, response.bytes().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
    }
    String log = logLine("/plain/data.bin");
    assertEquals("200", field(log, "status"));
    assertEquals("-", field(log, "gzip"));
  }

  @Test
  void gzipFromNginxIsDecodedByTheClient() throws Exception {
    try (ClientResponse response = get(client, "/gzip/words.txt")) {
      assertEquals(200, response.status());
      assertEquals(text, response.string().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
    }
    String log = logLine("/gzip/words.txt");
    // nginx compressed it (the client asked for gzip) and, not knowing the length, chunked it.
    assertNotEquals("-", field(log, "gzip"), log);
    assertTrue(Double.parseDouble(field(log, "gzip")) > 4, log);
    assertTrue(Long.parseLong(field(log, "bytes")) < text.length() / 4, log);
    assertEquals("chunked", field(log, "te"), log);
  }

  @Test
  void aChunkedBodyIsReassembled() throws Exception {
    try (ClientResponse response = get(client, "/sub/rows.txt")) {
      assertEquals(200, response.status());
      assertEquals(
          template.replace("PLACEHOLDER", "replaced"),
          response.string().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
    }
    String log = logLine("/sub/rows.txt");
    assertEquals("chunked", field(log, "te"), log);
    assertEquals("-", field(log, "gzip"), log);
  }

  @Test
  void sequentialRequestsReuseOneKeepAliveConnection() throws Exception {
    try (HttpClient own = HttpClient.create()) {
      for (int i = 0; i < 5; i++) {
        try (ClientResponse response = get(own, "/plain/small.txt?keepalive=" + i)) {
          assertEquals("small\n", response.string().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        }
      }
      assertEquals(1, own.poolStats().open(), own.poolStats().toString());
    }
    List<String> lines =
        nginx.awaitLines(Pattern.compile("uri=/plain/small.txt\\?keepalive="), 5, TIMEOUT);
    String connection = field(lines.get(0), "conn");
    for (int i = 0; i < 5; i++) {
      String line = lines.get(i);
      assertEquals("/plain/small.txt?keepalive=" + i, field(line, "uri"), line);
      assertEquals(connection, field(line, "conn"), "one connection for all: " + lines);
      assertEquals(Integer.toString(i + 1), field(line, "req"), "request count: " + lines);
    }
  }

  @Test
  void aLargeBodyIsTakenChunkByChunkBeyondTheAggregationLimit() throws Exception {
    byte[] expected = Files.readAllBytes(dir.resolve("www/plain/large.bin"));
    assertTrue(expected.length > ClientResponse.DEFAULT_LIMIT);
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    long received = 0;
    int chunks = 0;
    try (ClientResponse response = get(client, "/plain/large.bin")) {
      for (byte[] chunk;
          (chunk = response.body().take().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) != null; ) {
        digest.update(chunk);
        received += chunk.length;
        chunks++;
      }
    }
    assertEquals(expected.length, received);
    assertTrue(chunks > 1, "chunks: " + chunks);
    assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(expected), digest.digest());
  }
}
