package io.beth.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.beth.http.ClientRequest;
import io.beth.http.ClientResponse;
import io.beth.http.HttpClient;
import io.beth.http.HttpClientOptions;
import io.beth.http.ProxyConnectException;
import io.beth.http.ProxyOptions;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Beth's {@link HttpClient} through Dante's SOCKS5 server to JDK origins: plain HTTP and HTTPS in
 * the tunnel (the origin's name resolved by danted), and a tunnel danted cannot open.
 */
class DanteTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @TempDir static Path dir;

  private static SelfSignedCertificate cert;
  private static JdkOrigin plain;
  private static JdkOrigin tls;
  private static PeerProcess danted;
  private static HttpClient client;

  @BeforeAll
  static void start() throws Exception {
    cert = new SelfSignedCertificate("localhost", "EC", 256);
    plain = JdkOrigin.http();
    tls = JdkOrigin.https(cert);
    danted = Dante.start(dir);
    client =
        HttpClient.create(
            HttpClientOptions.builder()
                .proxy(
                    ProxyOptions.socks5("127.0.0.1", danted.port()).bypassLoopback(false).build())
                .trustCertificates(cert.cert())
                .build());
  }

  @AfterAll
  static void stop() {
    try {
      if (client != null) {
        client.close();
      }
      if (danted != null) {
        danted.close();
      }
    } finally {
      if (plain != null) {
        plain.close();
      }
      if (tls != null) {
        tls.close();
      }
      cert.delete();
    }
  }

  private static String get(URI uri) throws Exception {
    return client
        .send(ClientRequest.get(uri).build())
        .thenCompose(ClientResponse::string)
        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  /** danted's log line for a tunnel to {@code port} on 127.0.0.1. */
  private static Pattern tunnelTo(int port) {
    return Pattern.compile("tcp/connect .*127\\.0\\.0\\.1\\." + port + "\\b");
  }

  @Test
  void plainHttpGoesThroughDante() throws Exception {
    URI uri = URI.create("http://localhost:" + plain.port() + "/dante/plain?y=2");
    assertEquals("origin says /dante/plain?y=2", get(uri));
    danted.awaitLines(tunnelTo(plain.port()), 1, TIMEOUT);
    assertEquals(List.of("GET /dante/plain?y=2 via=-"), plain.requests);
  }

  @Test
  void httpsGoesThroughDanteWithTheOriginsCertificateChecked() throws Exception {
    URI uri = URI.create("https://localhost:" + tls.port() + "/dante/secure");
    assertEquals("origin says /dante/secure", get(uri));
    danted.awaitLines(tunnelTo(tls.port()), 1, TIMEOUT);
    assertEquals(List.of("GET /dante/secure via=-"), tls.requests);
  }

  @Test
  void aTunnelDanteCannotOpenFailsWithProxyConnectException() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    URI uri = URI.create("http://localhost:" + closedPort + "/");
    Throwable t =
        assertThrows(
                ExecutionException.class,
                () ->
                    client
                        .send(ClientRequest.get(uri).build())
                        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
            .getCause();
    ProxyConnectException e = assertInstanceOf(ProxyConnectException.class, t);
    assertEquals("localhost:" + closedPort, e.destination());
  }
}
