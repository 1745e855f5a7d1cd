package io.beth.peers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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

/** Every HTTP route of the example application, run as a process, through curl. */
class CurlTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir static Path dir;

  private static ExampleApp app;

  @BeforeAll
  static void startExample() throws Exception {
    app = ExampleApp.start(dir);
  }

  @AfterAll
  static void stopExample() throws Exception {
    try {
      app.stopAndAssertCleanExit();
    } finally {
      app.close();
    }
  }

  private static Command.Result curl(String... args) throws Exception {
    String[] command = new String[args.length + 1];
    command[0] = Peer.CURL.path();
    System.arraycopy(args, 0, command, 1, args.length);
    return Command.run(dir, (Path) null, TIMEOUT, command).assertSuccess();
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }

  @Test
  void helloTwiceOnOneKeepAliveConnection() throws Exception {
    Command.Result result = curl("-sv", "--http1.1", app.url("/hello"), app.url("/hello"));
    assertEquals("hello!hello!", result.out());
    assertEquals(1, count(result.stderr(), "* Connected to"), result.stderr());
    assertTrue(result.stderr().contains("Re-using existing connection"), result.stderr());
    assertEquals(2, count(result.stderr(), "< HTTP/1.1 200 OK"), result.stderr());
    assertTrue(result.stderr().contains("< Content-Type: text/plain"), result.stderr());
  }

  @Test
  void delayedAnswersThroughAFutureAfterTheDelay() throws Exception {
    Command.Result result =
        curl("-s", "-w", "\n%{http_code} %{time_total}", app.url("/delayed?ms=300"));
    String[] parts = result.out().split("\n");
    assertEquals("waited 300 ms", parts[0]);
    String[] statusAndTime = parts[1].split(" ");
    assertEquals("200", statusAndTime[0]);
    assertTrue(Double.parseDouble(statusAndTime[1]) >= 0.3, result.out());
  }

  @Test
  void manyDelayedAnswersWaitTogetherWithoutAThreadEach() throws Exception {
    // 200 requests each answered after 1 s, all at once: done in about 1 s, not 200, and the
    // process gains no thread per waiting request (the OS's count, read from /proc).
    int requests = 200;
    List<String> args =
        new ArrayList<>(
            List.of(
                "-s",
                "--parallel",
                "--parallel-immediate",
                "--parallel-max",
                String.valueOf(requests),
                "-w",
                "[%{http_code}]"));
    for (int i = 0; i < requests; i++) {
      args.add(app.url("/delayed?ms=1000"));
    }
    int threadsBefore = app.threads();
    long start = System.nanoTime();
    CompletableFuture<Command.Result> run =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return curl(args.toArray(String[]::new));
              } catch (Exception e) {
                throw new CompletionException(e);
              }
            });
    int mostThreads = threadsBefore;
    Command.Result result = null;
    while (result == null) {
      mostThreads = Math.max(mostThreads, app.threads());
      try {
        result = run.get(20, TimeUnit.MILLISECONDS); // a sample of the thread count every 20 ms
      } catch (TimeoutException stillWaiting) {
        // sample again
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    // Parallel transfers write their bodies and statuses as each ends, so they are counted.
    assertEquals(requests, count(result.out(), "waited 1000 ms"), result.out());
    assertEquals(requests, count(result.out(), "[200]"), result.out());
    assertTrue(seconds < 20, "200 concurrent 1 s answers took " + seconds + " s");
    System.out.printf(
        "%d concurrent /delayed answers in %.2f s; threads %d -> %d%n",
        requests, seconds, threadsBefore, mostThreads);
    assertTrue(
        mostThreads - threadsBefore < requests / 4,
        "threads grew from " + threadsBefore + " to " + mostThreads + " while requests waited");
  }

  @Test
  void streamIsSentAsChunks() throws Exception {
    Command.Result raw = curl("-sv", "--raw", app.url("/stream?count=4"));
    assertTrue(raw.stderr().toLowerCase().contains("< transfer-encoding: chunked"), raw.stderr());
    // The raw body: each line in a chunk of its own size, then the zero-length last chunk.
    String expectedLines =
        IntStream.range(0, 4).mapToObj(i -> "chunk " + i + "\n").collect(Collectors.joining());
    Matcher chunk = Pattern.compile("([0-9a-fA-F]+)\r\n").matcher(raw.out());
    StringBuilder decoded = new StringBuilder();
    int at = 0;
    int chunks = 0;
    while (chunk.find(at) && chunk.start() == at) {
      int size = Integer.parseInt(chunk.group(1), 16);
      if (size == 0) {
        assertEquals("\r\n", raw.out().substring(chunk.end()), "after the last chunk");
        break;
      }
      decoded.append(raw.out(), chunk.end(), chunk.end() + size);
      at = chunk.end() + size + 2;
      chunks++;
    }
    assertEquals(expectedLines, decoded.toString(), raw.out());
    assertTrue(chunks >= 1, raw.out());

    Command.Result decodedByCurl = curl("-s", app.url("/stream?count=1000"));
    assertEquals(
        IntStream.range(0, 1000).mapToObj(i -> "chunk " + i + "\n").collect(Collectors.joining()),
        decodedByCurl.out());
  }

  @Test
  void eventsAreServerSentEventsThenTheStreamEnds() throws Exception {
    Path headers = dir.resolve("events-headers.txt");
    Command.Result result =
        curl(
            "-sN",
            "-H",
            "Accept: text/event-stream",
            "-D",
            headers.toString(),
            app.url("/events?count=3"));
    assertEquals("data: 0\n\ndata: 1\n\ndata: 2\n\n", result.out().replace("\r\n", "\n"));
    String head = Files.readString(headers).toLowerCase();
    assertTrue(head.contains("content-type: text/event-stream"), head);
  }

  @Test
  void echoStreamsALargeBodyBackWithItsContentType() throws Exception {
    byte[] body = new byte[24 * 1024 * 1024];
    new Random(8).nextBytes(body);
    Path upload = dir.resolve("upload.bin");
    Path echoed = dir.resolve("echoed.bin");
    Path headers = dir.resolve("echo-headers.txt");
    Files.write(upload, body);
    Command.Result result =
        curl(
            "-sv",
            "--data-binary",
            "@" + upload,
            "-H",
            "Content-Type: application/x-peer-test",
            "-D",
            headers.toString(),
            "-o",
            echoed.toString(),
            app.url("/echo"));
    // curl asks before sending a large body; the server says go on.
    assertTrue(result.stderr().contains("> Expect: 100-continue"), result.stderr());
    assertTrue(result.stderr().contains("< HTTP/1.1 100 Continue"), result.stderr());
    assertTrue(
        Files.readString(headers).contains("Content-Type: application/x-peer-test"),
        Files.readString(headers));
    assertArrayEquals(body, Files.readAllBytes(echoed));
  }

  @Test
  void echoStreamsABodyTwiceTheSizeOfTheServersHeap() throws Exception {
    // The example runs with -Xmx256m; 512 MiB through it only fits if it streams.
    long size = 512L * 1024 * 1024;
    Path upload = dir.resolve("heap-upload.bin");
    Path echoed = dir.resolve("heap-echoed.bin");
    Path headers = dir.resolve("heap-echo-headers.txt");
    try {
      byte[] sent = writeRandomFile(upload, size, 10);
      curl(
          "-s",
          "-T",
          upload.toString(),
          "-X",
          "POST",
          "-H",
          "Content-Type: application/x-large-peer-test",
          "-D",
          headers.toString(),
          "-o",
          echoed.toString(),
          app.url("/echo"));
      assertTrue(
          Files.readString(headers).contains("Content-Type: application/x-large-peer-test"),
          Files.readString(headers));
      assertEquals(size, Files.size(echoed));
      assertArrayEquals(sent, sha256(echoed), "the echoed body differs from the upload");
    } finally {
      Files.deleteIfExists(upload);
      Files.deleteIfExists(echoed);
    }
  }

  /** Writes {@code size} random bytes to {@code file}; their SHA-256. */
  private static byte[] writeRandomFile(Path file, long size, long seed) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    Random random = new Random(seed);
    byte[] block = new byte[1024 * 1024];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long written = 0; written < size; written += block.length) {
        random.nextBytes(block);
        int n = (int) Math.min(block.length, size - written);
        out.write(block, 0, n);
        digest.update(block, 0, n);
      }
    }
    return digest.digest();
  }

  private static byte[] sha256(Path file) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      byte[] block = new byte[1024 * 1024];
      for (int n; (n = in.read(block)) > 0; ) {
        digest.update(block, 0, n);
      }
    }
    return digest.digest();
  }

  @Test
  void echoTakesAChunkedUpload() throws Exception {
    byte[] body = new byte[2 * 1024 * 1024 + 17];
    new Random(9).nextBytes(body);
    Path upload = dir.resolve("chunked-upload.bin");
    Path echoed = dir.resolve("chunked-echoed.bin");
    Files.write(upload, body);
    Command.Result result =
        curl(
            "-sv",
            "--data-binary",
            "@" + upload,
            "-H",
            "Transfer-Encoding: chunked",
            "-H",
            "Content-Type: application/octet-stream",
            "-o",
            echoed.toString(),
            app.url("/echo"));
    assertTrue(result.stderr().contains("> Transfer-Encoding: chunked"), result.stderr());
    assertArrayEquals(body, Files.readAllBytes(echoed));
  }

  @Test
  void usersAnswerJsonAndABadIdA400WithAJsonError() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Command.Result user = curl("-s", "-w", "\n%{http_code} %{content_type}", app.url("/users/7"));
    String[] parts = user.out().split("\n");
    JsonNode node = json.readTree(parts[0]);
    assertEquals(7, node.get("id").asLong());
    assertEquals("user-7", node.get("name").asText());
    assertEquals("200 application/json", parts[1]);

    Command.Result bad =
        curl("-s", "-w", "\n%{http_code} %{content_type}", app.url("/users/seven"));
    String[] badParts = bad.out().split("\n");
    JsonNode error = json.readTree(badParts[0]);
    assertEquals(400, error.get("status").asInt(), bad.out());
    assertEquals("Bad Request", error.get("error").asText(), bad.out());
    assertTrue(
        error.get("message").asText().startsWith("Invalid path parameter 'id': \"seven\""),
        bad.out());
    assertEquals("400 application/json", badParts[1]);
  }

  @Test
  void anUnknownPathIs404() throws Exception {
    Command.Result result =
        curl("-s", "-o", "/dev/null", "-w", "%{http_code}", app.url("/no/such/route"));
    assertEquals("404", result.out());
  }

  @Test
  void headAnswersHeadersWithoutABody() throws Exception {
    Command.Result result = curl("-sI", app.url("/hello"));
    String head = result.out().toLowerCase();
    assertTrue(head.startsWith("http/1.1 200"), result.out());
    assertTrue(head.contains("content-length: 6"), result.out());
    assertEquals("", result.out().substring(result.out().indexOf("\r\n\r\n") + 4));
  }
}
