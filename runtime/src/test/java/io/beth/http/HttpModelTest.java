package io.beth.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.stream.BufferedStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The immutable values: headers, requests, responses, cookies and events. */
class HttpModelTest {

  @Test
  void headerNamesAreCaseInsensitiveAndMultiValued() {
    HttpHeaders headers = HttpHeaders.of("Accept", "text/plain", "ACCEPT", "text/html", "X", "1");
    assertEquals("text/plain", headers.get("accept"));
    assertEquals(List.of("text/plain", "text/html"), headers.values("Accept"));
    assertEquals(3, headers.size());
    assertEquals(
        Map.of("accept", List.of("text/plain", "text/html"), "x", List.of("1")),
        headers.toMultimap());
    HttpHeaders changed = headers.newBuilder().set("accept", "*/*").remove("x").build();
    assertEquals(List.of("*/*"), changed.values("Accept"));
    assertNull(changed.get("X"));
    assertEquals("text/plain", headers.get("Accept"), "the original is unchanged");
    assertEquals(HttpHeaders.of("accept", "*/*"), changed);
    assertTrue(
        HttpHeaders.of("Connection", "keep-alive, Close").containsToken("connection", "close"));
  }

  @Test
  void headersRefuseInjection() {
    assertThrows(IllegalArgumentException.class, () -> HttpHeaders.of("X", "a\r\nSet-Cookie: x"));
    assertThrows(IllegalArgumentException.class, () -> HttpHeaders.of("Bad Name", "v"));
    assertThrows(IllegalArgumentException.class, () -> HttpHeaders.of("", "v"));
    assertThrows(NullPointerException.class, () -> HttpHeaders.of("X", null));
  }

  @Test
  void requestTargetsAreDecodedIncludingAbsoluteForm() {
    HttpRequest request = HttpRequest.builder().uri("http://example.com/a%2Fb?q=x+y&q=%26").build();
    assertEquals("/a/b", request.path());
    assertEquals("/a%2Fb", request.rawPath());
    assertEquals("q=x+y&q=%26", request.rawQuery());
    assertEquals(List.of("x y", "&"), request.queryParams("q"));
    assertEquals("/", HttpRequest.builder().uri("http://example.com").build().path());
    assertEquals(Map.of(), HttpRequest.builder().uri("/plain").build().queryParams());
  }

  @Test
  void cookiesComeFromEveryCookieHeader() {
    HttpRequest request =
        HttpRequest.builder()
            .headers(HttpHeaders.of("Cookie", "a=1; b=2", "Cookie", "a=3; c=\"4\""))
            .build();
    assertEquals(Map.of("a", "1", "b", "2", "c", "4"), request.cookies());
  }

  @Test
  void bodyHelpersAggregateUpToALimitWith413Beyond() {
    assertArrayEquals(
        "hello".getBytes(StandardCharsets.UTF_8),
        HttpRequest.builder().body("hello").build().bodyBytes(5).join());
    CompletionException tooLarge =
        assertThrows(
            CompletionException.class,
            () -> HttpRequest.builder().body("hello").build().bodyBytes(4).join());
    assertEquals(413, ((HttpStatusException) tooLarge.getCause()).status());
    HttpRequest declared =
        HttpRequest.builder().header("Content-Length", "100").body("short").build();
    assertThrows(CompletionException.class, () -> declared.bodyString(10).join());
    HttpRequest latin =
        HttpRequest.builder()
            .header("Content-Type", "text/plain; charset=ISO-8859-1")
            .body(new byte[] {(byte) 0xe9})
            .build();
    assertEquals("é", latin.bodyString().join());
  }

  @Test
  void theBodyHasOneConsumer() {
    HttpRequest request = HttpRequest.builder().body("x").build();
    assertSame(request.body(), request.body());
    assertThrows(IllegalStateException.class, request::rawBody);
  }

  @Test
  void rawBodyWrapsByteArraysAndBodyCopiesBuffers() {
    HttpRequest fromBytes = HttpRequest.builder().body("abc").build();
    io.netty.buffer.ByteBuf buf = fromBytes.rawBody().take().join();
    assertEquals("abc", buf.toString(StandardCharsets.UTF_8));
    buf.release();

    BufferedStream<io.netty.buffer.ByteBuf> raw = BufferedStream.create(1);
    raw.put(io.netty.buffer.Unpooled.copiedBuffer("def", StandardCharsets.UTF_8));
    raw.close();
    assertEquals("def", HttpRequest.builder().rawBody(raw).build().bodyString().join());
  }

  @Test
  void responsesPickAContentTypeForTheirBody() {
    assertEquals("text/plain; charset=utf-8", HttpResponse.ok("x").header("content-type"));
    assertEquals("application/octet-stream", HttpResponse.ok(new byte[1]).header("Content-Type"));
    assertEquals(
        "text/html; charset=utf-8",
        HttpResponse.builder().body(Path.of("index.html")).build().header("Content-Type"));
    assertEquals(
        "application/json",
        HttpResponse.builder()
            .contentType("application/json")
            .body("{}")
            .build()
            .header("Content-Type"));
    assertNull(HttpResponse.ok().header("Content-Type"));
    assertEquals(
        "text/plain; charset=iso-8859-1",
        HttpResponse.builder()
            .body("é", StandardCharsets.ISO_8859_1)
            .build()
            .header("Content-Type"));
    assertThrows(IllegalArgumentException.class, () -> HttpResponse.status(99));
  }

  @Test
  void responsesDeriveWithNewBuilder() {
    HttpResponse base =
        HttpResponse.status(201).header("X", "1").cookie(Cookie.of("a", "b")).body("x").build();
    HttpResponse derived = base.newBuilder().header("Y", "2").build();
    assertEquals(201, derived.status());
    assertEquals("1", derived.header("x"));
    assertEquals("2", derived.header("y"));
    assertEquals(List.of(Cookie.of("a", "b")), derived.cookies());
    assertNull(base.header("Y"));
    assertNull(base.connectionUpgrade());
    assertEquals(101, HttpResponse.upgrade((channel, request) -> {}).status());
  }

  @Test
  void serverSentEventsEncodeEveryField() {
    ServerSentEvent event =
        ServerSentEvent.builder()
            .comment("note")
            .id("7")
            .event("update")
            .retry(Duration.ofSeconds(2))
            .data("line one\nline two")
            .build();
    assertEquals(
        ": note\nid: 7\nevent: update\nretry: 2000\ndata: line one\ndata: line two\n\n",
        event.encode());
    assertEquals("data: \n\n", ServerSentEvent.of("").encode());
    assertThrows(IllegalArgumentException.class, () -> ServerSentEvent.builder().id("a\nb"));
    assertThrows(IllegalStateException.class, () -> ServerSentEvent.builder().build());
  }

  @Test
  void handlersDeclareWhetherTheyBlock() throws Exception {
    HttpHandler sync = HttpHandler.sync(request -> HttpResponse.ok("x"));
    assertTrue(sync.isBlocking());
    HttpHandler inline = sync.nonBlocking();
    assertTrue(!inline.isBlocking());
    assertSame(inline, inline.nonBlocking());
    assertEquals(
        "x", inline.handle(HttpRequest.builder().build()).toCompletableFuture().join().body());
  }
}
