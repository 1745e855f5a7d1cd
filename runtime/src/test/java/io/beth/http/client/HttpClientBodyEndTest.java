package io.beth.http.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.http.ClientRequest;
import io.beth.http.ClientResponse;
import io.beth.http.HttpClient;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A response whose chunks and end arrive together, faster than the body's buffer takes them: every
 * chunk still reaches the consumer before the end (the end waits for the pending chunks), and the
 * connection, paused meanwhile, serves the next request. The origin is a plain socket that writes
 * the whole chunked response at once.
 */
class HttpClientBodyEndTest {

  private static final int CHUNKS =
      40; // about 700 bytes: one read, well over the 16 chunks the body buffers

  @Test
  void chunksStillWaitingForRoomAreDeliveredBeforeTheEnd() throws Exception {
    StringBuilder expected = new StringBuilder();
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    wire.writeBytes(
        ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n" + "Transfer-Encoding: chunked\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    for (int i = 0; i < CHUNKS; i++) {
      String chunk = String.format("chunk %02d\n", i);
      expected.append(chunk);
      wire.writeBytes(
          (Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n")
              .getBytes(StandardCharsets.US_ASCII));
    }
    wire.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

    try (ServerSocket listener = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        HttpClient client = HttpClient.create()) {
      var sent =
          client.send(
              ClientRequest.get(
                      URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/chunks"))
                  .build());
      try (Socket origin = listener.accept()) {
        origin.setSoTimeout(10_000);
        InputStream in = origin.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
          head.append((char) in.read());
        }
        OutputStream out = origin.getOutputStream();
        out.write(wire.toByteArray()); // one write: chunks and end decoded in one read
        out.flush();
        ClientResponse response = sent.get(10, TimeUnit.SECONDS);
        // The connection goes back to the pool when the end is read; only then does the consumer
        // start, so most chunks had to wait for room in the body's buffer when the end came.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (client.poolStats().idle() == 0 && System.nanoTime() < deadline) {
          Thread.onSpinWait();
        }
        assertEquals(1, client.poolStats().idle(), "the end of the response was read");
        String body = response.string().get(10, TimeUnit.SECONDS);
        assertEquals(expected.length(), body.length(), "every byte arrived");
        assertEquals(expected.toString(), body);

        // The connection was paused for the slow consumer; the next exchange on it still reads.
        var next =
            client.send(
                ClientRequest.get(
                        URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/next"))
                    .build());
        StringBuilder nextHead = new StringBuilder();
        while (!nextHead.toString().endsWith("\r\n\r\n")) {
          nextHead.append((char) in.read());
        }
        assertTrue(nextHead.toString().startsWith("GET /next "), nextHead.toString());
        out.write(
            "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertEquals("ok", next.get(10, TimeUnit.SECONDS).string().get(10, TimeUnit.SECONDS));
      }
    }
  }
}
