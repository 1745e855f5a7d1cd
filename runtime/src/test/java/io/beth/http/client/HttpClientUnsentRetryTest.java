package io.beth.http.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.beth.http.ClientRequest;
import io.beth.http.ClientResponse;
import io.beth.http.HttpClient;
import io.beth.stream.Streams;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A request given a pooled connection that the server has already closed, found so before any of it
 * was written, is retried on a new connection whatever its method and body: nothing was sent. A
 * plain socket origin answers the first request and closes the connection without saying so (as a
 * proxy that closes after each answer does); the next request is sent while the client has not yet
 * read that close, from a callback on the very event loop that would read it.
 */
class HttpClientUnsentRetryTest {

  private ServerSocket listener;
  private HttpClient client;

  @BeforeEach
  void setUp() throws Exception {
    listener = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
    listener.setSoTimeout(10_000);
    client = HttpClient.create();
  }

  @AfterEach
  void tearDown() throws Exception {
    client.close();
    listener.close();
  }

  @Test
  void aPostFoundUnsentOnAConnectionTheServerClosedIsRetriedOnANewOne() throws Exception {
    String body =
        sentAfterTheServerClosed(
            () ->
                ClientRequest.post(uri("/second")).body("once").contentType("text/plain").build());
    assertEquals("once", body);
  }

  @Test
  void aStreamedBodyFoundUnsentIsSentWholeOnTheRetry() throws Exception {
    String body =
        sentAfterTheServerClosed(
            () ->
                ClientRequest.post(uri("/second"))
                    .body(Streams.fromIterable(List.of("str", "eam", "ed")))
                    .build());
    assertEquals("streamed", body);
  }

  /**
   * Serves {@code GET /first} on a first connection and closes it once the body is out, with no
   * {@code Connection: close}; sends the request {@code next} makes from the callback that sees
   * that body's end, after the close; and returns the body that request brought on the second
   * connection, which it answers.
   */
  private String sentAfterTheServerClosed(java.util.function.Supplier<ClientRequest> next)
      throws Exception {
    CountDownLatch sendBody = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    CompletableFuture<ClientResponse> first = client.send(ClientRequest.get(uri("/first")).build());
    CompletableFuture<Void> origin =
        CompletableFuture.runAsync(
            () -> {
              try (Socket socket = listener.accept()) {
                socket.setSoTimeout(10_000);
                assertTrue(readHead(socket).startsWith("GET /first "));
                write(socket, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n");
                assertTrue(sendBody.await(10, TimeUnit.SECONDS));
                write(socket, "first");
              } catch (IOException | InterruptedException e) {
                throw new CompletionException(e);
              }
              closed.countDown(); // close() returned: on loopback the FIN is in the client's socket
            });
    ClientResponse head = first.get(10, TimeUnit.SECONDS);
    // Registered before the body is sent, so it runs on the event loop that reads the body's end
    // and then, once this returns, the close: the request is made while the connection is back
    // in the pool and the close not read yet.
    CompletableFuture<ClientResponse> sent =
        head.string()
            .thenCompose(
                text -> {
                  try {
                    assertTrue(closed.await(10, TimeUnit.SECONDS), "the origin did not close");
                  } catch (InterruptedException e) {
                    throw new CompletionException(e);
                  }
                  return client.send(next.get());
                });
    sendBody.countDown();
    origin.get(10, TimeUnit.SECONDS);
    try (Socket second = acceptRetry(sent)) {
      second.setSoTimeout(10_000);
      String requestHead = readHead(second);
      assertTrue(requestHead.startsWith("POST /second "), requestHead);
      String body = readBody(second, requestHead);
      write(second, "HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n");
      assertEquals(201, sent.get(10, TimeUnit.SECONDS).status());
      return body;
    }
  }

  /** The connection the retry comes on; fails saying how the request ended if none comes. */
  private Socket acceptRetry(CompletableFuture<ClientResponse> sent) throws IOException {
    try {
      return listener.accept();
    } catch (SocketTimeoutException e) {
      String outcome;
      try {
        outcome = "answered " + sent.getNow(null);
      } catch (CompletionException | java.util.concurrent.CancellationException failed) {
        outcome = "failed with " + failed.getCause();
      }
      return fail("the request was not retried on a new connection; it " + outcome);
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort() + path);
  }

  /** The request head read from {@code socket}, up to the blank line. */
  private static String readHead(Socket socket) throws IOException {
    StringBuilder head = new StringBuilder();
    InputStream in = socket.getInputStream();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.append((char) b);
    }
    return head.toString();
  }

  /** The body after {@code head}: {@code Content-Length} bytes, or chunks to the last one. */
  private static String readBody(Socket socket, String head) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase().startsWith("content-length:")) {
        body.write(in.readNBytes(Integer.parseInt(line.substring(15).trim())));
        return body.toString(StandardCharsets.UTF_8);
      }
    }
    assertTrue(head.toLowerCase().contains("transfer-encoding: chunked"), head);
    while (true) {
      int size = Integer.parseInt(line(in), 16);
      if (size == 0) {
        line(in); // the blank line after the last chunk
        return body.toString(StandardCharsets.UTF_8);
      }
      body.write(in.readNBytes(size));
      line(in);
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b; (b = in.read()) != '\n'; ) {
      if (b < 0) {
        throw new IOException("the connection ended in a chunked body");
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }

  private static void write(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }
}
