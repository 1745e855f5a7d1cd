package io.beth.http.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.http.ClientRequest;
import io.beth.http.ClientResponse;
import io.beth.http.HttpClient;
import io.beth.http.HttpClientOptions;
import io.beth.http.ProxyOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The exact bytes an HTTP proxy receives for a plain request, read by a java.net socket standing in
 * for the proxy: the absolute-form request line, the origin's {@code Host}, and {@code
 * Proxy-Authorization} from the proxy's credentials.
 */
class HttpClientProxyWireTest {

  @Test
  void aPlainRequestReachesTheProxyInAbsoluteFormWithProxyAuthorization() throws Exception {
    try (ServerSocket proxy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<List<String>> head =
          CompletableFuture.supplyAsync(
              () -> {
                try (Socket s = proxy.accept()) {
                  BufferedReader in =
                      new BufferedReader(
                          new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                  List<String> lines = new ArrayList<>();
                  for (String line; (line = in.readLine()) != null && !line.isEmpty(); ) {
                    lines.add(line);
                  }
                  OutputStream out = s.getOutputStream();
                  out.write(
                      "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                          .getBytes(StandardCharsets.ISO_8859_1));
                  out.flush();
                  return lines;
                } catch (Exception e) {
                  throw new RuntimeException(e);
                }
              });
      ProxyOptions options =
          ProxyOptions.http("127.0.0.1", proxy.getLocalPort())
              .credentials("alice", "s3cret")
              .build();
      try (HttpClient client =
          HttpClient.create(HttpClientOptions.builder().proxy(options).build())) {
        URI uri = URI.create("http://origin.beth.test:8080/path/x?q=1%202");
        String body =
            client
                .send(ClientRequest.get(uri).build())
                .thenCompose(ClientResponse::string)
                .get(10, TimeUnit.SECONDS);
        assertEquals("ok", body);
      }
      List<String> lines = head.get(10, TimeUnit.SECONDS);
      assertEquals("GET http://origin.beth.test:8080/path/x?q=1%202 HTTP/1.1", lines.get(0));
      assertTrue(
          lines.contains("Host: origin.beth.test:8080")
              || lines.contains("host: origin.beth.test:8080"),
          lines.toString());
      String expected =
          "Basic "
              + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
      assertTrue(
          lines.stream().anyMatch(l -> l.equalsIgnoreCase("proxy-authorization: " + expected)),
          lines.toString());
    }
  }
}
