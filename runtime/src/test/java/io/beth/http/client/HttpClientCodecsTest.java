package io.beth.http.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.beth.codec.Codec;
import io.beth.codec.Codecs;
import io.beth.codec.JsonCodec;
import io.beth.codec.TypeToken;
import io.beth.http.ClientRequest;
import io.beth.http.ClientResponse;
import io.beth.http.HttpClient;
import io.beth.http.HttpClientOptions;
import java.io.IOException;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's codecs: request values encoded and response bodies decoded by the codecs of the
 * options, chosen by the response's {@code Content-Type}; against MockWebServer.
 */
class HttpClientCodecsTest {

  /** {@code key=value} lines as a {@code Map<String, String>}, counting its calls. */
  static final class KeyValueCodec implements Codec {
    final AtomicInteger encoded = new AtomicInteger();
    final AtomicInteger decoded = new AtomicInteger();

    @Override
    public String mediaType() {
      return "text/x-key-value";
    }

    @Override
    public boolean supports(String contentType) {
      return contentType != null && contentType.startsWith("text/x-key-value");
    }

    @Override
    public byte[] encode(Object value) throws IOException {
      encoded.incrementAndGet();
      if (!(value instanceof Map<?, ?> map)) {
        throw new IOException("only maps: " + value);
      }
      StringBuilder out = new StringBuilder();
      map.forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
      return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Object decode(byte[] body, Type type) {
      decoded.incrementAndGet();
      Map<String, String> map = new LinkedHashMap<>();
      for (String line : new String(body, StandardCharsets.UTF_8).split("\n")) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          map.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
      return map;
    }
  }

  private MockWebServer server;
  private KeyValueCodec keyValue;
  private HttpClient client;

  @BeforeEach
  void setUp() throws Exception {
    server = new MockWebServer();
    server.start(0);
    keyValue = new KeyValueCodec();
    client =
        HttpClient.create(
            HttpClientOptions.builder().codecs(Codecs.of(keyValue, JsonCodec.create())).build());
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

  private RecordedRequest recorded() throws InterruptedException {
    return server.takeRequest(10, TimeUnit.SECONDS);
  }

  @Test
  void aValueIsEncodedByTheFirstCodecWithItsMediaType() throws Exception {
    server.enqueue(new MockResponse());
    Map<String, String> value = new LinkedHashMap<>();
    value.put("a", "1");
    value.put("b", "two");
    await(client.send(ClientRequest.post(uri("/kv")).encodedBody(value).build())).close();
    RecordedRequest r = recorded();
    assertEquals("text/x-key-value", r.getHeader("Content-Type"));
    assertEquals("a=1\nb=two\n", r.getBody().readUtf8());
    assertEquals(1, keyValue.encoded.get());
  }

  @Test
  void aContentTypeSetOnTheRequestIsKept() throws Exception {
    server.enqueue(new MockResponse());
    await(
            client.send(
                ClientRequest.post(uri("/kv"))
                    .encodedBody(Map.of("k", "v"))
                    .contentType("text/x-key-value; charset=utf-8")
                    .build()))
        .close();
    assertEquals("text/x-key-value; charset=utf-8", recorded().getHeader("Content-Type"));
  }

  @Test
  void jsonStillEncodesJsonWhateverTheFirstCodec() throws Exception {
    server.enqueue(new MockResponse());
    await(client.send(ClientRequest.post(uri("/j")).json(Map.of("k", "v")).build())).close();
    RecordedRequest r = recorded();
    assertEquals("application/json", r.getHeader("Content-Type"));
    assertEquals("{\"k\":\"v\"}", r.getBody().readUtf8());
    assertEquals(0, keyValue.encoded.get());
  }

  @Test
  void responsesAreDecodedByTheCodecOfTheirContentType() throws Exception {
    server.enqueue(
        new MockResponse().setHeader("Content-Type", "text/x-key-value").setBody("x=1\ny=2\n"));
    server.enqueue(
        new MockResponse().setHeader("Content-Type", "application/json").setBody("[1,2,3]"));
    Map<?, ?> kv =
        await(await(client.send(ClientRequest.get(uri("/kv")).build())).decode(Map.class));
    assertEquals(Map.of("x", "1", "y", "2"), kv);
    assertEquals(1, keyValue.decoded.get());
    List<Integer> numbers =
        await(
            await(client.send(ClientRequest.get(uri("/j")).build()))
                .decode(new TypeToken<List<Integer>>() {}.type()));
    assertEquals(List.of(1, 2, 3), numbers);
    assertEquals(1, keyValue.decoded.get());
  }

  @Test
  void aContentTypeNoCodecReadsFailsTheDecode() throws Exception {
    server.enqueue(new MockResponse().setHeader("Content-Type", "image/png").setBody("png"));
    ClientResponse response = await(client.send(ClientRequest.get(uri("/img")).build()));
    Throwable t =
        assertThrows(
                ExecutionException.class,
                () -> response.decode(Map.class).get(10, TimeUnit.SECONDS))
            .getCause();
    assertInstanceOf(Codecs.UnsupportedMediaTypeException.class, t);
  }

  @Test
  void anEncodingFailureFailsTheRequestsFutureAndSendsNothing() throws Exception {
    Throwable t =
        assertThrows(
                ExecutionException.class,
                () ->
                    client
                        .send(ClientRequest.post(uri("/kv")).encodedBody("not a map").build())
                        .get(10, TimeUnit.SECONDS))
            .getCause();
    assertInstanceOf(IOException.class, t);
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void theDefaultClientEncodesAndDecodesJson() throws Exception {
    server.enqueue(
        new MockResponse()
            .setHeader("Content-Type", "application/problem+json")
            .setBody("{\"n\":7}"));
    try (HttpClient plain = HttpClient.create()) {
      ClientResponse response =
          await(plain.send(ClientRequest.post(uri("/d")).encodedBody(Map.of("q", 1)).build()));
      assertEquals(Map.of("n", 7), await(response.decode(Map.class)));
    }
    RecordedRequest r = recorded();
    assertEquals("application/json", r.getHeader("Content-Type"));
    assertEquals("{\"q\":1}", r.getBody().readUtf8());
  }
}
