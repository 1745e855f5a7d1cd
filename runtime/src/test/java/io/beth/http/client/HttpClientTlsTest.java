package io.beth.http.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.http.ClientRequest;
import io.beth.http.HttpClient;
import io.beth.http.HttpClientOptions;
import io.beth.transport.Tls;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.net.InetAddress;
import java.net.URI;
import java.security.KeyStore;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS against MockWebServer serving HTTPS with self-signed certificates: through the options'
 * shorthands and through {@link Tls} values.
 */
class HttpClientTlsTest {

  private static SelfSignedCertificate localhost;
  private static SelfSignedCertificate otherName;
  private static SelfSignedCertificate clientCert;
  private MockWebServer server;

  @BeforeAll
  static void certificates() throws Exception {
    localhost = new SelfSignedCertificate("localhost", "EC", 256);
    otherName = new SelfSignedCertificate("beth.invalid", "EC", 256);
    clientCert = new SelfSignedCertificate("client.beth.invalid", "EC", 256);
  }

  @AfterAll
  static void deleteCertificates() {
    localhost.delete();
    otherName.delete();
    clientCert.delete();
  }

  @AfterEach
  void tearDown() throws Exception {
    if (server != null) {
      server.shutdown();
    }
  }

  /** An HTTPS origin on localhost presenting {@code cert}, requiring {@code trustedClient}'s. */
  private URI serve(SelfSignedCertificate cert, SelfSignedCertificate trustedClient)
      throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry(
        "server", cert.key(), new char[0], new java.security.cert.X509Certificate[] {cert.cert()});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, new char[0]);
    TrustManagerFactory tmf = null;
    if (trustedClient != null) {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("client", trustedClient.cert());
      tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
    server = new MockWebServer();
    server.useHttps(context.getSocketFactory(), false);
    if (trustedClient != null) {
      server.requireClientAuth();
    }
    server.enqueue(new MockResponse().setBody("secret"));
    InetAddress address = InetAddress.getByName("localhost");
    server.start(address, 0);
    return URI.create("https://localhost:" + server.getPort() + "/");
  }

  private static String get(HttpClientOptions options, URI uri) throws Exception {
    try (HttpClient client = HttpClient.create(options)) {
      return client
          .send(ClientRequest.get(uri).build())
          .thenCompose(r -> r.string())
          .get(10, TimeUnit.SECONDS);
    }
  }

  private static void assertTlsFailure(HttpClientOptions options, URI uri) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> get(options, uri));
    Throwable t = e.getCause();
    while (t != null && !(t instanceof SSLException)) {
      t = t.getCause();
    }
    assertTrue(t != null, "not a TLS failure: " + e.getCause());
  }

  @Test
  void aSelfSignedServerIsRefusedByTheSystemTrustStore() throws Exception {
    assertTlsFailure(HttpClientOptions.defaults(), serve(localhost, null));
  }

  @Test
  void aSelfSignedServerIsAcceptedWhenItsCertificateIsTrusted() throws Exception {
    URI uri = serve(localhost, null);
    assertEquals(
        "secret",
        get(HttpClientOptions.builder().trustCertificates(localhost.cert()).build(), uri));
  }

  @Test
  void aTrustedCertificateForAnotherHostNameIsRefused() throws Exception {
    assertTlsFailure(
        HttpClientOptions.builder().trustCertificates(otherName.cert()).build(),
        serve(otherName, null));
  }

  @Test
  void theInsecureSwitchAcceptsAnyCertificateAndHostName() throws Exception {
    URI uri = serve(otherName, null);
    assertEquals("secret", get(HttpClientOptions.builder().insecure(true).build(), uri));
  }

  @Test
  void aClientCertificateIsPresentedWhenTheServerAsksForOne() throws Exception {
    URI uri = serve(localhost, clientCert);
    assertEquals(
        "secret",
        get(
            HttpClientOptions.builder()
                .trustCertificates(localhost.cert())
                .clientCertificate(clientCert.key(), clientCert.cert())
                .build(),
            uri));
  }

  @Test
  void withoutAClientCertificateAServerThatRequiresOneRefusesTheConnection() throws Exception {
    URI uri = serve(localhost, clientCert);
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () ->
                get(HttpClientOptions.builder().trustCertificates(localhost.cert()).build(), uri));
    assertTrue(e.getCause() instanceof SSLException, e.getCause().toString());
  }

  @Test
  void aTlsValueTrustsTheCertificatesOfAPemFile() throws Exception {
    URI uri = serve(localhost, null);
    assertEquals(
        "secret",
        get(
            HttpClientOptions.builder()
                .tls(Tls.builder().trustCertificates(localhost.certificate().toPath()).build())
                .build(),
            uri));
  }

  @Test
  void aTlsValueForAnotherHostNameIsRefused() throws Exception {
    assertTlsFailure(
        HttpClientOptions.builder()
            .tls(Tls.builder().trustCertificates(otherName.cert()).build())
            .build(),
        serve(otherName, null));
  }

  @Test
  void aTlsValuePresentsItsPemClientCertificateWhenTheServerRequiresOne() throws Exception {
    URI uri = serve(localhost, clientCert);
    Tls trusting = Tls.builder().trustCertificates(localhost.cert()).build();
    ExecutionException refused =
        assertThrows(
            ExecutionException.class,
            () -> get(HttpClientOptions.builder().tls(trusting).build(), uri));
    assertTrue(refused.getCause() instanceof SSLException, refused.getCause().toString());
    server.enqueue(new okhttp3.mockwebserver.MockResponse().setBody("secret"));
    assertEquals(
        "secret",
        get(
            HttpClientOptions.builder()
                .tls(
                    trusting.toBuilder()
                        .certificate(
                            clientCert.certificate().toPath(), clientCert.privateKey().toPath())
                        .build())
                .build(),
            uri));
  }

  @Test
  void anInsecureTlsValueAcceptsAnyCertificateAndHostName() throws Exception {
    URI uri = serve(otherName, null);
    assertEquals(
        "secret",
        get(HttpClientOptions.builder().tls(Tls.builder().insecure().build()).build(), uri));
  }

  @Test
  void aNettyContextOfOnesOwnIsUsedAsIs() throws Exception {
    URI uri = serve(localhost, null);
    Tls own = Tls.of(SslContextBuilder.forClient().trustManager(localhost.cert()).build());
    assertEquals("secret", get(HttpClientOptions.builder().tls(own).build(), uri));
  }

  @Test
  void withANettyContextOfOnesOwnHostNamesAreStillVerified() throws Exception {
    Tls own =
        Tls.of(
            SslContextBuilder.forClient()
                .trustManager(otherName.cert())
                .endpointIdentificationAlgorithm(null)
                .build());
    assertTlsFailure(HttpClientOptions.builder().tls(own).build(), serve(otherName, null));
  }
}
