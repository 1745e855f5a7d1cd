package io.beth.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.beth.stream.BufferedStream;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every kind of response body, checked byte for byte on the wire. Buffers are unpooled, so that a
 * released one keeps its count of 0 (a pooled one may be handed out again).
 */
class HttpResponseBodiesTest {

  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(Duration.ofSeconds(1)).join();
    }
  }

  private RawHttp.Response get(HttpHandler handler) throws Exception {
    server =
        HttpServer.start(handler, HttpServerOptions.builder().host("127.0.0.1").build()).join();
    try (RawHttp http = new RawHttp(server.port())) {
      http.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
      return http.read();
    }
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void aByteBufferSendsItsRemainingBytesWithALength() throws Exception {
    ByteBuffer buffer = ByteBuffer.allocateDirect(32);
    buffer.put(ascii("skipped|the remaining bytes|junk"));
    buffer.position(8).limit(27);
    RawHttp.Response response =
        get(HttpHandler.sync(request -> HttpResponse.builder().body(buffer).build()));
    assertEquals(200, response.status);
    assertEquals("the remaining bytes", response.body);
    assertEquals("19", response.header("content-length"));
    assertNull(response.header("transfer-encoding"));
    assertEquals("application/octet-stream", response.header("content-type"));
  }

  @Test
  void aTextBodyIsEncodedInTheCharsetItsContentTypeNamesInAnyCase() throws Exception {
    RawHttp.Response latin =
        get(
            HttpHandler.sync(
                request ->
                    HttpResponse.builder()
                        .contentType("text/plain; Charset=\"ISO-8859-1\"")
                        .body("é")
                        .build()));
    assertEquals("1", latin.header("content-length"), "é is one byte in ISO-8859-1");
    server.stop(Duration.ofSeconds(1)).join();
    RawHttp.Response utf8 =
        get(
            HttpHandler.sync(
                request ->
                    HttpResponse.builder()
                        .contentType("text/plain;CHARSET=UTF-8")
                        .body("é")
                        .build()));
    assertEquals("2", utf8.header("content-length"), "é is two bytes in UTF-8");
    assertEquals("é", utf8.body);
  }

  @Test
  void aByteBufIsSentWithALengthAndReleased() throws Exception {
    ByteBuf buf = Unpooled.directBuffer(64);
    buf.writeBytes(ascii("a direct buffer"));
    RawHttp.Response response =
        get(
            HttpHandler.sync(
                    request -> HttpResponse.builder().contentType("text/plain").body(buf).build())
                .nonBlocking());
    assertEquals("a direct buffer", response.body);
    assertEquals("15", response.header("content-length"));
    server.stop(Duration.ofSeconds(1)).join(); // the write is over once the loops have stopped
    assertEquals(0, buf.refCnt(), "released by the server");
  }

  /** A publisher that is not a Beth source: subscribes through Streams.fromPublisher. */
  @Test
  void aPlainFlowPublisherIsSentChunkedWithBackpressure() throws Exception {
    CompletableFuture<Void> subscribed = new CompletableFuture<>();
    ExecutorService delivery = Executors.newSingleThreadExecutor();
    // a small buffer: the producer below blocks in submit() until the server takes
    SubmissionPublisher<Object> publisher =
        new SubmissionPublisher<>(delivery, 2) {
          @Override
          public void subscribe(Flow.Subscriber<? super Object> subscriber) {
            super.subscribe(subscriber);
            subscribed.complete(null);
          }
        };
    StringBuilder expected = new StringBuilder();
    List<Object> items = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String text = "item " + i + ";";
      expected.append(text);
      items.add(i % 3 == 0 ? text : i % 3 == 1 ? ascii(text) : ByteBuffer.wrap(ascii(text)));
    }
    CompletableFuture<Void> producer =
        subscribed.thenRunAsync(
            () -> {
              items.forEach(publisher::submit);
              publisher.close();
            });
    try {
      RawHttp.Response response =
          get(
              HttpHandler.sync(
                  request ->
                      HttpResponse.builder().contentType("text/plain").body(publisher).build()));
      assertEquals(200, response.status);
      assertEquals("chunked", response.header("transfer-encoding"));
      assertEquals(expected.toString(), response.body);
      producer.get(5, TimeUnit.SECONDS);
    } finally {
      delivery.shutdown();
    }
  }

  @Test
  void byteBufItemsOfAStreamAreSentAndReleased() throws Exception {
    List<ByteBuf> bufs = new ArrayList<>();
    StringBuilder expected = new StringBuilder();
    BufferedStream<ByteBuf> stream = BufferedStream.create(64);
    for (int i = 0; i < 50; i++) {
      ByteBuf buf = Unpooled.directBuffer();
      String text = "buffer " + i + "\n";
      buf.writeBytes(ascii(text));
      expected.append(text);
      bufs.add(buf);
      stream.put(buf);
    }
    stream.close();
    RawHttp.Response response =
        get(
            HttpHandler.sync(
                    request ->
                        HttpResponse.builder().contentType("text/plain").body(stream).build())
                .nonBlocking());
    assertEquals("chunked", response.header("transfer-encoding"));
    assertEquals(expected.toString(), response.body);
    server.stop(Duration.ofSeconds(1)).join();
    for (ByteBuf buf : bufs) {
      assertEquals(0, buf.refCnt(), "released by the server");
    }
  }
}
