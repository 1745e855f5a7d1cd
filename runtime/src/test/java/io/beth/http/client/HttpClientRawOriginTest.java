package io.beth.http.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.http.ClientRequest;
import io.beth.http.ClientResponse;
import io.beth.http.HttpClient;
import io.beth.http.HttpTimeoutException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Responses a well-behaved server library would not send, written byte by byte by a plain socket
 * origin: a malformed chunked body, interim 1xx responses, {@code Connection: close} on either
 * side, a chunked body cut short. The origin also sees whether the client closes its connection and
 * whether the next request comes on a new one.
 */
class HttpClientRawOriginTest {

  private ServerSocket listener;
  private HttpClient client;

  @BeforeEach
  void setUp() throws Exception {
    listener = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
    client = HttpClient.create();
  }

  @AfterEach
  void tearDown() throws Exception {
    client.close();
    listener.close();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort() + path);
  }

  private Socket accept() throws IOException {
    Socket s = listener.accept();
    s.setSoTimeout(10_000);
    return s;
  }

  private static <T> T await(CompletableFuture<T> f) throws Exception {
    return f.get(10, TimeUnit.SECONDS);
  }

  private static Throwable failure(CompletableFuture<?> f) {
    return assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS)).getCause();
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

  private static void write(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Serves the next request on a new connection with "ok" and checks it came there. */
  private void nextRequestUsesANewConnection() throws Exception {
    CompletableFuture<ClientResponse> next = client.send(ClientRequest.get(uri("/next")).build());
    try (Socket second = accept()) {
      assertTrue(readHead(second).startsWith("GET /next "), "a new connection carried it");
      write(second, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
      assertEquals("ok", await(await(next).string()));
    }
  }

  @Test
  void aMalformedChunkSizeFailsTheBodyAndTheConnectionIsNotPooled() throws Exception {
    CompletableFuture<ClientResponse> sent = client.send(ClientRequest.get(uri("/bad")).build());
    try (Socket first = accept()) {
      readHead(first);
      write(
          first,
          "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
              + "5\r\nhello\r\nzz\r\nmore\r\n0\r\n\r\n");
      ClientResponse response = await(sent);
      Throwable t = failure(response.bytes());
      assertInstanceOf(IOException.class, t);
      assertTrue(t.getMessage().contains("malformed"), t.getMessage());
      assertEquals(-1, first.getInputStream().read(), "the client closed the connection");
    }
    nextRequestUsesANewConnection();
  }

  @Test
  void earlyHintsAndOtherInterimResponsesAreSkipped() throws Exception {
    CompletableFuture<ClientResponse> sent = client.send(ClientRequest.get(uri("/hints")).build());
    try (Socket origin = accept()) {
      readHead(origin);
      write(
          origin,
          "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n"
              + "HTTP/1.1 102 Processing\r\n\r\n"
              + "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfinal");
      ClientResponse response = await(sent);
      assertEquals(200, response.status());
      assertEquals("final", await(response.string()));
      // the connection is still in step: a HEAD (no body despite the length) then a GET on it
      CompletableFuture<ClientResponse> head =
          client.send(ClientRequest.builder("HEAD", uri("/head")).build());
      assertTrue(readHead(origin).startsWith("HEAD /head "));
      write(origin, "HTTP/1.1 200 OK\r\nContent-Length: 7\r\n\r\n");
      assertEquals("", await(await(head).string()));
      CompletableFuture<ClientResponse> get = client.send(ClientRequest.get(uri("/get")).build());
      assertTrue(readHead(origin).startsWith("GET /get "));
      write(origin, "HTTP/1.1 200 OK\r\nContent-Length: 7\r\n\r\ncontent");
      assertEquals("content", await(await(get).string()));
    }
  }

  @Test
  void aResponseWithConnectionCloseIsNotPooled() throws Exception {
    CompletableFuture<ClientResponse> sent = client.send(ClientRequest.get(uri("/once")).build());
    try (Socket first = accept()) {
      readHead(first);
      // the origin says it closes, but leaves the socket open: the client must not reuse it
      write(first, "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 4\r\n\r\nonce");
      assertEquals("once", await(await(sent).string()));
      assertEquals(-1, first.getInputStream().read(), "the client closed the connection");
    }
    nextRequestUsesANewConnection();
  }

  @Test
  void aRequestWithConnectionCloseIsNotPooledAfterwards() throws Exception {
    CompletableFuture<ClientResponse> sent =
        client.send(ClientRequest.get(uri("/last")).header("Connection", "close").build());
    try (Socket first = accept()) {
      assertTrue(readHead(first).toLowerCase().contains("connection: close"));
      // an origin that ignores the request's Connection: close and keeps the socket open
      write(first, "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nlast");
      assertEquals("last", await(await(sent).string()));
      assertEquals(-1, first.getInputStream().read(), "the client closed the connection");
    }
    nextRequestUsesANewConnection();
  }

  @Test
  void aChunkedBodyCutShortFailsTheBodyWithAnIoErrorNotATimeout() throws Exception {
    CompletableFuture<ClientResponse> sent = client.send(ClientRequest.get(uri("/cut")).build());
    try (Socket first = accept()) {
      readHead(first);
      write(
          first,
          "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
              + "5\r\nhello\r\n400\r\nonly part of the chunk");
      ClientResponse response = await(sent);
      first.close();
      Throwable t = failure(response.bytes());
      assertInstanceOf(IOException.class, t);
      assertFalse(t instanceof HttpTimeoutException, "not a timeout: " + t);
    }
    nextRequestUsesANewConnection();
  }
}
