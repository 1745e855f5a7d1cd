package io.beth.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.transport.Tls;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP server and client with {@link Tls} values: the JDK's client and raw TLS sockets against
 * the HTTPS server (certificates in memory and in PEM files, ALPN, mutual TLS), and Beth's client
 * against Beth's server (mutual TLS, host names, the insecure switch and its warning).
 */
class HttpTlsTest {

  private static SelfSignedCertificate localhost;
  private static SelfSignedCertificate otherName;
  private static SelfSignedCertificate clientCert;

  @TempDir Path dir;

  private HttpServer server;

  @BeforeAll
  static void certificates() throws Exception {
    localhost = new SelfSignedCertificate("localhost");
    otherName = new SelfSignedCertificate("beth.invalid");
    clientCert = new SelfSignedCertificate("client.beth.invalid");
  }

  @AfterAll
  static void deleteCertificates() {
    localhost.delete();
    otherName.delete();
    clientCert.delete();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(Duration.ofSeconds(1)).join();
    }
  }

  private static Tls serving(SelfSignedCertificate cert) {
    return Tls.builder().certificate(cert.key(), cert.cert()).build();
  }

  /** An HTTPS server answering "hello" with {@code tls}; returns its base URI on localhost. */
  private URI start(Tls tls) throws Exception {
    server =
        HttpServer.start(
                HttpHandler.sync(request -> HttpResponse.ok("hello " + request.scheme())),
                HttpServerOptions.builder().tls(tls).build())
            .get(10, TimeUnit.SECONDS);
    return URI.create("https://localhost:" + server.port() + "/");
  }

  /** A JDK context trusting {@code trusted}, presenting {@code presented} if not null. */
  private static SSLContext jdkContext(
      SelfSignedCertificate trusted, SelfSignedCertificate presented) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("trusted", trusted.cert());
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    KeyManagerFactory keys = null;
    if (presented != null) {
      KeyStore own = KeyStore.getInstance("PKCS12");
      own.load(null, null);
      char[] password = "changeit".toCharArray();
      own.setKeyEntry("key", presented.key(), password, new Certificate[] {presented.cert()});
      keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(own, password);
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
    return context;
  }

  private static String jdkGet(SSLContext context, URI uri) throws Exception {
    java.net.http.HttpClient client =
        java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .sslContext(context)
            .build();
    return client
        .send(
            java.net.http.HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
            BodyHandlers.ofString())
        .body();
  }

  private static String bethGet(HttpClientOptions options, URI uri) throws Exception {
    try (HttpClient client = HttpClient.create(options)) {
      return client
          .send(ClientRequest.get(uri).build())
          .thenCompose(ClientResponse::string)
          .get(10, TimeUnit.SECONDS);
    }
  }

  private static SSLException sslCause(Throwable e) {
    Throwable t = e;
    while (t != null && !(t instanceof SSLException)) {
      t = t.getCause();
    }
    return assertInstanceOf(SSLException.class, t, "not a TLS failure: " + e);
  }

  private static String causes(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t).append('\n');
    }
    return all.toString();
  }

  @Test
  void theJdkClientIsServedByAServerWithACertificateInMemory() throws Exception {
    URI uri = start(serving(localhost));
    assertEquals("hello https", jdkGet(jdkContext(localhost, null), uri));
  }

  @Test
  void theJdkClientIsServedByAServerWithPemFiles() throws Exception {
    Path chain = Files.copy(localhost.certificate().toPath(), dir.resolve("server.crt"));
    Path key = Files.copy(localhost.privateKey().toPath(), dir.resolve("server.key"));
    URI uri = start(Tls.builder().certificate(chain, key).build());
    assertEquals("hello https", jdkGet(jdkContext(localhost, null), uri));
  }

  @Test
  void aServerWhoseKeyCannotBeReadFailsToStartAndSaysWhy() throws Exception {
    Path garbage = Files.writeString(dir.resolve("server.key"), "-----BEGIN PRIVATE KEY-----");
    Tls broken = Tls.builder().certificate(localhost.certificate().toPath(), garbage).build();
    ExecutionException e = assertThrows(ExecutionException.class, () -> start(broken));
    assertInstanceOf(IllegalArgumentException.class, e.getCause());
    assertTrue(
        e.getCause().getMessage().contains("cannot build the TLS server context"),
        e.getCause().getMessage());
  }

  @Test
  void theServerSelectsItsAlpnProtocolAmongThoseAJdkSocketOffers() throws Exception {
    start(serving(localhost).toBuilder().alpn("http/1.1").build());
    try (SSLSocket socket =
        (SSLSocket)
            jdkContext(localhost, null)
                .getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), server.port())) {
      socket.setSoTimeout(10_000);
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setApplicationProtocols(new String[] {"h2", "http/1.1"});
      socket.setSSLParameters(parameters);
      socket.startHandshake();
      assertEquals("http/1.1", socket.getApplicationProtocol());
      socket
          .getOutputStream()
          .write(
              "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(response.startsWith("HTTP/1.1 200"), response);
      assertTrue(response.endsWith("hello https"), response);
    }
  }

  @Test
  void mutualTlsRefusesAJdkClientWithoutACertificateAndServesOneWithIt() throws Exception {
    URI uri =
        start(
            serving(localhost).toBuilder()
                .trustCertificates(clientCert.cert())
                .clientAuth(Tls.ClientAuth.REQUIRE)
                .build());
    assertThrows(IOException.class, () -> jdkGet(jdkContext(localhost, null), uri));
    assertThrows(IOException.class, () -> jdkGet(jdkContext(localhost, otherName), uri));
    assertEquals("hello https", jdkGet(jdkContext(localhost, clientCert), uri));
  }

  @Test
  void optionalClientAuthServesClientsWithAndWithoutACertificate() throws Exception {
    URI uri =
        start(
            serving(localhost).toBuilder()
                .trustCertificates(clientCert.cert())
                .clientAuth(Tls.ClientAuth.OPTIONAL)
                .build());
    assertEquals("hello https", jdkGet(jdkContext(localhost, null), uri));
    assertEquals("hello https", jdkGet(jdkContext(localhost, clientCert), uri));
  }

  @Test
  void bethsClientAndServerSpeakMutualTls() throws Exception {
    URI uri =
        start(
            serving(localhost).toBuilder()
                .trustCertificates(clientCert.certificate().toPath()) // the client's, from PEM
                .clientAuth(Tls.ClientAuth.REQUIRE)
                .build());
    Tls trusting = Tls.builder().trustCertificates(localhost.cert()).build();
    ExecutionException refused =
        assertThrows(
            ExecutionException.class,
            () -> bethGet(HttpClientOptions.builder().tls(trusting).build(), uri));
    assertTrue(refused.getCause() instanceof IOException, refused.getCause().toString());
    Tls presenting = trusting.toBuilder().certificate(clientCert.key(), clientCert.cert()).build();
    assertEquals("hello https", bethGet(HttpClientOptions.builder().tls(presenting).build(), uri));
  }

  @Test
  void theClientVerifiesHostNamesByDefaultAndNotWhenToldNot() throws Exception {
    URI uri = start(serving(otherName)); // trusted below, but not a certificate for localhost
    Tls trusting = Tls.builder().trustCertificates(otherName.cert()).build();
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () -> bethGet(HttpClientOptions.builder().tls(trusting).build(), uri));
    String chain = causes(sslCause(e));
    assertTrue(chain.contains("No name matching localhost"), chain);
    assertEquals(
        "hello https",
        bethGet(
            HttpClientOptions.builder()
                .tls(trusting.toBuilder().hostnameVerification(false).build())
                .build(),
            uri));
  }

  @Test
  void theDefaultTrustRefusesASelfSignedServer() throws Exception {
    URI uri = start(serving(localhost));
    sslCause(assertThrows(ExecutionException.class, () -> bethGet(HttpClientOptions.DEFAULT, uri)));
  }

  @Test
  void insecureAcceptsAnUntrustedCertificateAndWarnsOncePerContext() throws Exception {
    URI uri = start(serving(otherName));
    try (StandardErrorLog log = new StandardErrorLog();
        HttpClient client =
            HttpClient.create(
                HttpClientOptions.builder().tls(Tls.builder().insecure().build()).build())) {
      for (int i = 0; i < 2; i++) { // a second connection: the same context, no second warning
        ClientResponse response =
            client
                .send(ClientRequest.get(uri).header("Connection", "close").build())
                .get(10, TimeUnit.SECONDS);
        assertEquals("hello https", response.string().get(10, TimeUnit.SECONDS));
      }
      List<String> warnings = log.text().lines().filter(l -> l.contains("Tls.insecure()")).toList();
      assertEquals(1, warnings.size(), warnings.toString());
      assertTrue(warnings.get(0).contains("WARN"), warnings.get(0));
    }
  }
}
