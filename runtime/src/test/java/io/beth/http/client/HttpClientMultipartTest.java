package io.beth.http.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.http.ClientRequest;
import io.beth.http.HttpClient;
import io.beth.http.Multipart;
import io.beth.testing.HeapProbe;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Multipart requests parsed by Jetty's own {@code multipart/form-data} parser. */
class HttpClientMultipartTest {

  @TempDir Path dir;

  private JettyOrigin jetty;
  private HttpClient client;

  @BeforeEach
  void setUp() throws Exception {
    Path uploads = Files.createDirectories(dir.resolve("jetty"));
    jetty =
        JettyOrigin.start(
            (request, response) -> {
              String boundary =
                  MultiPart.extractBoundary(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
              MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
              parser.setFilesDirectory(uploads);
              parser.setMaxMemoryFileSize(64 * 1024);
              StringBuilder description =
                  new StringBuilder(request.getHeaders().get(HttpHeader.TRANSFER_ENCODING) + "\n");
              try (MultiPartFormData.Parts parts =
                  parser.parse(request).get(60, TimeUnit.SECONDS)) {
                for (MultiPart.Part part : parts) {
                  long[] lengthAndCrc =
                      lengthAndCrc(Content.Source.asInputStream(part.createContentSource()));
                  description
                      .append(part.getName())
                      .append('|')
                      .append(part.getFileName())
                      .append('|')
                      .append(part.getHeaders().get(HttpHeader.CONTENT_TYPE))
                      .append('|')
                      .append(lengthAndCrc[0])
                      .append('|')
                      .append(lengthAndCrc[1]);
                  if (lengthAndCrc[0] < 100) {
                    description.append('|').append(part.getContentAsString(StandardCharsets.UTF_8));
                  }
                  description.append('\n');
                }
              }
              JettyOrigin.write(response, description.toString());
            });
    client = HttpClient.create();
  }

  @AfterEach
  void tearDown() throws Exception {
    client.close();
    jetty.close();
  }

  private static long[] lengthAndCrc(InputStream in) throws IOException {
    try (in) {
      CRC32 crc = new CRC32();
      byte[] buffer = new byte[64 * 1024];
      long length = 0;
      for (int n; (n = in.read(buffer)) >= 0; ) {
        crc.update(buffer, 0, n);
        length += n;
      }
      return new long[] {length, crc.getValue()};
    }
  }

  private static long crc(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return crc.getValue();
  }

  private String send(Multipart multipart) throws Exception {
    return client
        .send(ClientRequest.post(jetty.uri("/upload")).multipart(multipart).build())
        .thenCompose(r -> r.string())
        .get(120, TimeUnit.SECONDS);
  }

  @Test
  void textBytesAndFilePartsArriveWithNamesFilenamesAndContentTypes() throws Exception {
    byte[] image = new byte[3000];
    new Random(1).nextBytes(image);
    byte[] csv = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
    Path file = Files.write(dir.resolve("table.csv"), csv);
    String described =
        send(
            Multipart.builder()
                .text("title", "Grüße \"quoted\"")
                .bytes("image", "photo.png", "image/png", image)
                .file("table", file, "text/csv")
                .file("raw", file)
                .part(
                    Multipart.Part.file(
                        "renamed", "other name.txt", "text/plain; charset=UTF-8", file))
                .build());
    byte[] title = "Grüße \"quoted\"".getBytes(StandardCharsets.UTF_8);
    assertEquals(
        "chunked\n"
            + "title|null|null|"
            + title.length
            + "|"
            + crc(title)
            + "|Grüße \"quoted\"\n"
            + "image|photo.png|image/png|3000|"
            + crc(image)
            + "\n"
            + "table|table.csv|text/csv|8|"
            + crc(csv)
            + "|a,b\n1,2\n\n"
            + "raw|table.csv|application/octet-stream|8|"
            + crc(csv)
            + "|a,b\n1,2\n\n"
            + "renamed|other name.txt|text/plain; charset=UTF-8|8|"
            + crc(csv)
            + "|a,b\n1,2\n\n",
        described);
  }

  @Test
  void aQuoteInAFieldNameIsEscapedSoThePartStillParses() throws Exception {
    String described =
        send(
            Multipart.builder()
                .text("say \"hi\"", "x")
                .bytes("f", "a\"b.txt", "text/plain", new byte[] {'y'})
                .build());
    assertTrue(described.contains("say %22hi%22|null|null|1|"), described);
    assertTrue(described.contains("f|a%22b.txt|text/plain|1|"), described);
  }

  @Test
  void aLargeFilePartIsStreamedFromDiskWithBoundedHeap() throws Exception {
    long size = 128L * 1024 * 1024;
    Path big = dir.resolve("big.bin");
    CRC32 crc = new CRC32();
    byte[] block = new byte[1024 * 1024];
    Random random = new Random(7);
    try (OutputStream out = Files.newOutputStream(big)) {
      for (long written = 0; written < size; written += block.length) {
        random.nextBytes(block);
        crc.update(block);
        out.write(block);
      }
    }
    String described;
    long growth;
    try (HeapProbe heap = new HeapProbe(100)) {
      described =
          send(
              Multipart.builder()
                  .text("before", "1")
                  .file("big", big, "application/octet-stream")
                  .text("after", "2")
                  .build());
      growth = heap.maxGrowth();
    }
    assertTrue(
        described.contains(
            "big|big.bin|application/octet-stream|" + size + "|" + crc.getValue() + "\n"),
        described);
    assertTrue(described.contains("before|null|null|1|"), described);
    assertTrue(described.contains("after|null|null|1|"), described);
    assertTrue(
        growth < 64L * 1024 * 1024,
        "live heap grew by " + (growth >> 20) + " MiB while sending a 128 MiB file");
  }

  @Test
  void aMissingFileFailsTheRequest() throws Exception {
    Multipart multipart = Multipart.builder().file("f", dir.resolve("missing")).build();
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () ->
                client
                    .send(ClientRequest.post(jetty.uri("/upload")).multipart(multipart).build())
                    .get(30, TimeUnit.SECONDS));
    assertInstanceOf(NoSuchFileException.class, e.getCause());
  }

  @Test
  void invalidBoundariesAndEmptyBodiesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Multipart.builder().boundary("a b"));
    assertThrows(IllegalArgumentException.class, () -> Multipart.builder().boundary(""));
    assertThrows(IllegalStateException.class, () -> Multipart.builder().build());
  }
}
