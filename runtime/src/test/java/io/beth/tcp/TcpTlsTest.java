package io.beth.tcp;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.stream.DuplexStream;
import io.beth.stream.Streams;
import io.beth.transport.ConnectionException;
import io.beth.transport.Tls;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS with self-signed certificates: Beth's server and client with each other and with the JDK's
 * {@code SSLSocket}/{@code SSLServerSocket}, given Netty contexts or {@link Tls} values; the client
 * sends the host name (SNI) and verifies the certificate against it unless told not to.
 */
class TcpTlsTest {

  /** SNI needs a name with a dot; the client connects to the loopback and names this host. */
  private static final String NAME = "echo.beth.test";

  private static SelfSignedCertificate localhost;
  private static SelfSignedCertificate otherHost;

  @BeforeAll
  static void certificates() throws Exception {
    localhost = new SelfSignedCertificate(NAME);
    otherHost = new SelfSignedCertificate("example.org");
  }

  private static TcpClientOptions.Builder client(SelfSignedCertificate trusted) throws Exception {
    return TcpClientOptions.builder().tls(clientTls(trusted)).serverName(NAME);
  }

  @AfterAll
  static void deleteCertificates() {
    localhost.delete();
    otherHost.delete();
  }

  private static SslContext serverTls(SelfSignedCertificate cert) throws Exception {
    return SslContextBuilder.forServer(cert.certificate(), cert.privateKey()).build();
  }

  private static SslContext clientTls(SelfSignedCertificate cert) throws Exception {
    return SslContextBuilder.forClient().trustManager(cert.cert()).build();
  }

  private static TcpServer echoServer(SslContext tls, CompletableFuture<ConnectionInfo> seen)
      throws Exception {
    return TcpServer.start(
            (stream, info) -> {
              seen.complete(info);
              Streams.connect(stream, stream);
            },
            TcpServerOptions.builder().tls(tls).build())
        .get(10, SECONDS);
  }

  private static TcpServer echoServer(Tls tls, CompletableFuture<ConnectionInfo> seen)
      throws Exception {
    return TcpServer.start(
            (stream, info) -> {
              seen.complete(info);
              Streams.connect(stream, stream);
            },
            TcpServerOptions.builder().tls(tls).build())
        .get(10, SECONDS);
  }

  private static Tls serving(SelfSignedCertificate cert) {
    return Tls.builder().certificate(cert.key(), cert.cert()).build();
  }

  private static TcpClientOptions trusting(SelfSignedCertificate cert) {
    return TcpClientOptions.builder()
        .tls(Tls.builder().trustCertificates(cert.cert()).build())
        .serverName(NAME)
        .build();
  }

  private static String roundTrip(DuplexStream<byte[], Object> client, String text)
      throws Exception {
    client.put(text);
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    while (all.size() < text.length()) {
      all.writeBytes(client.take().get(10, SECONDS));
    }
    return all.toString(StandardCharsets.UTF_8);
  }

  @Test
  void bethClientAndServerEchoAndTheServerSeesTheRequestedHostName() throws Exception {
    CompletableFuture<ConnectionInfo> seen = new CompletableFuture<>();
    try (TcpServer server = echoServer(serverTls(localhost), seen)) {
      DuplexStream<byte[], Object> client =
          TcpClient.connect("127.0.0.1", server.address().getPort(), client(localhost).build())
              .get(10, SECONDS);
      assertEquals("secret", roundTrip(client, "secret"));
      ConnectionInfo info = seen.get(10, SECONDS);
      assertTrue(info.isTls());
      List<SNIServerName> names =
          ((ExtendedSSLSession) info.tlsSession().orElseThrow()).getRequestedServerNames();
      assertEquals(List.of(new SNIHostName(NAME)), names);
      client.close();
      assertNull(client.take().get(10, SECONDS));
    }
  }

  @Test
  void aJdkSslSocketTalksToTheServer() throws Exception {
    try (TcpServer server = echoServer(serverTls(localhost), new CompletableFuture<>());
        SSLSocket socket =
            (SSLSocket)
                jdkContext(localhost, false)
                    .getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write("over tls".getBytes(StandardCharsets.UTF_8));
      assertEquals(
          "over tls", new String(socket.getInputStream().readNBytes(8), StandardCharsets.UTF_8));
    }
  }

  @Test
  void theClientTalksToAJdkSslServerSocketAndSendsTheHostName() throws Exception {
    try (SSLServerSocket listener =
        (SSLServerSocket)
            jdkContext(localhost, true)
                .getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<DuplexStream<byte[], Object>> connecting =
          TcpClient.connect("127.0.0.1", listener.getLocalPort(), client(localhost).build());
      try (SSLSocket peer = (SSLSocket) listener.accept()) {
        peer.setSoTimeout(10_000);
        peer.startHandshake();
        assertEquals(
            List.of(new SNIHostName(NAME)),
            ((ExtendedSSLSession) peer.getSession()).getRequestedServerNames());
        DuplexStream<byte[], Object> client = connecting.get(10, SECONDS);
        client.put("hello jdk");
        assertEquals(
            "hello jdk", new String(peer.getInputStream().readNBytes(9), StandardCharsets.UTF_8));
        client.close();
      }
    }
  }

  @Test
  void hostnameVerificationIsOnByDefaultAndRefusesACertificateForAnotherHost() throws Exception {
    try (TcpServer server = echoServer(serverTls(otherHost), new CompletableFuture<>())) {
      ExecutionException e =
          assertThrows(
              ExecutionException.class,
              () ->
                  TcpClient.connect(
                          "127.0.0.1", server.address().getPort(), client(otherHost).build())
                      .get(10, SECONDS));
      assertInstanceOf(ConnectionException.class, e.getCause());
      assertTrue(e.getCause().getMessage().contains("TLS handshake"), e.getCause().getMessage());
    }
  }

  @Test
  void withHostnameVerificationOffATrustedCertificateForAnotherHostIsAccepted() throws Exception {
    try (TcpServer server = echoServer(serverTls(otherHost), new CompletableFuture<>())) {
      DuplexStream<byte[], Object> client =
          TcpClient.connect(
                  "127.0.0.1",
                  server.address().getPort(),
                  client(otherHost).hostnameVerification(false).build())
              .get(10, SECONDS);
      assertEquals("anyway", roundTrip(client, "anyway"));
      client.close();
    }
  }

  @Test
  void anUntrustedCertificateIsRefusedEvenWithoutHostnameVerification() throws Exception {
    try (TcpServer server = echoServer(serverTls(otherHost), new CompletableFuture<>())) {
      ExecutionException e =
          assertThrows(
              ExecutionException.class,
              () ->
                  TcpClient.connect(
                          "127.0.0.1",
                          server.address().getPort(),
                          client(localhost).hostnameVerification(false).build())
                      .get(10, SECONDS));
      assertInstanceOf(ConnectionException.class, e.getCause());
    }
  }

  /** A JDK TLS context that trusts {@code cert}, and presents it if {@code server}. */
  private static SSLContext jdkContext(SelfSignedCertificate cert, boolean server)
      throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("trusted", cert.cert());
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    KeyManagerFactory keys = null;
    if (server) {
      char[] password = "changeit".toCharArray();
      store.setKeyEntry("key", cert.key(), password, new Certificate[] {cert.cert()});
      keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password);
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
    return context;
  }

  @Test
  void aServerWithATlsValueTalksToAJdkSslSocket() throws Exception {
    try (TcpServer server = echoServer(serving(localhost), new CompletableFuture<>());
        SSLSocket socket =
            (SSLSocket)
                jdkContext(localhost, false)
                    .getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write("tls value".getBytes(StandardCharsets.UTF_8));
      assertEquals(
          "tls value", new String(socket.getInputStream().readNBytes(9), StandardCharsets.UTF_8));
    }
  }

  @Test
  void aClientWithATlsValueTalksToAJdkSslServerSocketAndSendsTheHostName() throws Exception {
    try (SSLServerSocket listener =
        (SSLServerSocket)
            jdkContext(localhost, true)
                .getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<DuplexStream<byte[], Object>> connecting =
          TcpClient.connect("127.0.0.1", listener.getLocalPort(), trusting(localhost));
      try (SSLSocket peer = (SSLSocket) listener.accept()) {
        peer.setSoTimeout(10_000);
        peer.startHandshake();
        assertEquals(
            List.of(new SNIHostName(NAME)),
            ((ExtendedSSLSession) peer.getSession()).getRequestedServerNames());
        DuplexStream<byte[], Object> client = connecting.get(10, SECONDS);
        client.put("from a value");
        assertEquals(
            "from a value",
            new String(peer.getInputStream().readNBytes(12), StandardCharsets.UTF_8));
        client.close();
      }
    }
  }

  @Test
  void mutualTlsServesAClientPresentingATrustedCertificateOnly() throws Exception {
    Tls requiring =
        serving(localhost).toBuilder()
            .trustCertificates(otherHost.cert())
            .clientAuth(Tls.ClientAuth.REQUIRE)
            .build();
    CompletableFuture<ConnectionInfo> seen = new CompletableFuture<>();
    try (TcpServer server = echoServer(requiring, seen)) {
      int port = server.address().getPort();
      // without a certificate: the server fails the handshake and never calls its handler
      CompletableFuture<DuplexStream<byte[], Object>> anonymous =
          TcpClient.connect("127.0.0.1", port, trusting(localhost));
      try {
        DuplexStream<byte[], Object> refused = anonymous.get(10, SECONDS);
        refused.put("let me in");
        assertNull(refused.take().exceptionally(e -> null).get(10, SECONDS));
      } catch (ExecutionException e) {
        assertInstanceOf(ConnectionException.class, e.getCause());
      }
      assertFalse(seen.isDone(), "the handler was called for a client without a certificate");

      Tls presenting =
          trusting(localhost).tls().toBuilder()
              .certificate(otherHost.key(), otherHost.cert())
              .build();
      DuplexStream<byte[], Object> client =
          TcpClient.connect(
                  "127.0.0.1", port, trusting(localhost).toBuilder().tls(presenting).build())
              .get(10, SECONDS);
      assertEquals("welcome", roundTrip(client, "welcome"));
      X509Certificate peer =
          (X509Certificate)
              seen.get(10, SECONDS).tlsSession().orElseThrow().getPeerCertificates()[0];
      assertEquals(otherHost.cert(), peer);
      client.close();
    }
  }

  @Test
  void aTlsValueVerifiesHostNamesByDefault() throws Exception {
    try (TcpServer server = echoServer(serving(otherHost), new CompletableFuture<>())) {
      ExecutionException e =
          assertThrows(
              ExecutionException.class,
              () ->
                  TcpClient.connect("127.0.0.1", server.address().getPort(), trusting(otherHost))
                      .get(10, SECONDS));
      assertInstanceOf(ConnectionException.class, e.getCause());
      TcpClientOptions unchecked =
          trusting(otherHost).toBuilder()
              .tls(trusting(otherHost).tls().toBuilder().hostnameVerification(false).build())
              .build();
      DuplexStream<byte[], Object> client =
          TcpClient.connect("127.0.0.1", server.address().getPort(), unchecked).get(10, SECONDS);
      assertEquals("unchecked", roundTrip(client, "unchecked"));
      client.close();
    }
  }

  @Test
  void theDefaultTlsValueRefusesAnUntrustedCertificateAndInsecureAcceptsIt() throws Exception {
    try (TcpServer server = echoServer(serving(otherHost), new CompletableFuture<>())) {
      int port = server.address().getPort();
      ExecutionException e =
          assertThrows(
              ExecutionException.class,
              () ->
                  TcpClient.connect(
                          "127.0.0.1", port, TcpClientOptions.builder().tls(Tls.DEFAULT).build())
                      .get(10, SECONDS));
      assertInstanceOf(ConnectionException.class, e.getCause());
      DuplexStream<byte[], Object> client =
          TcpClient.connect(
                  "127.0.0.1",
                  port,
                  TcpClientOptions.builder().tls(Tls.builder().insecure().build()).build())
              .get(10, SECONDS);
      assertEquals("anything goes", roundTrip(client, "anything goes"));
      client.close();
    }
  }
}
