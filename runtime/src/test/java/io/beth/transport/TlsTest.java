package io.beth.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.http.HttpClientOptions;
import io.beth.http.HttpServerOptions;
import io.beth.tcp.TcpClientOptions;
import io.beth.tcp.TcpServerOptions;
import io.beth.transport.internal.TlsContexts;
import io.beth.websocket.WebSocketOptions;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import io.netty.util.ReferenceCountUtil;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@link Tls} value: its defaults, its builder's checks, and what reaches the Netty contexts
 * built from it (ALPN, protocols, ciphers), once per options object.
 */
class TlsTest {

  private static SelfSignedCertificate cert;

  @TempDir Path dir;

  @BeforeAll
  static void certificate() throws Exception {
    cert = new SelfSignedCertificate("tls.beth.test");
  }

  @AfterAll
  static void deleteCertificate() {
    cert.delete();
  }

  private static Tls server() {
    return Tls.builder().certificate(cert.key(), cert.cert()).build();
  }

  @Test
  void theDefaultTrustsTheJdkStoreVerifiesHostNamesAndOffersNoAlpn() {
    Tls tls = Tls.DEFAULT;
    assertFalse(tls.hasCertificate());
    assertFalse(tls.hasTrust());
    assertTrue(tls.hostnameVerification());
    assertFalse(tls.insecure());
    assertEquals(Tls.ClientAuth.NONE, tls.clientAuth());
    assertEquals(List.of(), tls.alpn());
    assertEquals(List.of(), tls.protocols());
    assertEquals(List.of(), tls.ciphers());
    assertNull(tls.sslContext());
  }

  @Test
  void toBuilderKeepsEverySetting() throws Exception {
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init((KeyStore) null);
    Tls tls =
        Tls.builder()
            .certificate(cert.key(), cert.cert())
            .trustManagerFactory(trust)
            .clientAuth(Tls.ClientAuth.OPTIONAL)
            .hostnameVerification(false)
            .alpn("h2", "http/1.1")
            .protocols("TLSv1.3")
            .ciphers("TLS_AES_128_GCM_SHA256")
            .build();
    Tls copy = tls.toBuilder().build();
    assertSame(cert.key(), copy.privateKey());
    assertEquals(List.of(cert.cert()), copy.certificateChain());
    assertSame(trust, copy.trustManagerFactory());
    assertEquals(Tls.ClientAuth.OPTIONAL, copy.clientAuth());
    assertFalse(copy.hostnameVerification());
    assertEquals(List.of("h2", "http/1.1"), copy.alpn());
    assertEquals(List.of("TLSv1.3"), copy.protocols());
    assertEquals(List.of("TLS_AES_128_GCM_SHA256"), copy.ciphers());
    assertTrue(tls.toString().contains("clientAuth OPTIONAL"), tls.toString());
  }

  @Test
  void keyAndTrustMaterialAreEachSetOnceTheLastSettingWins() throws Exception {
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    Tls tls =
        Tls.builder()
            .certificate(cert.key(), cert.cert())
            .keyManagerFactory(keys)
            .trustCertificates(cert.cert())
            .trustCertificates(cert.certificate().toPath())
            .build();
    assertNull(tls.privateKey());
    assertEquals(List.of(), tls.certificateChain());
    assertSame(keys, tls.keyManagerFactory());
    assertEquals(List.of(), tls.trustCertificates());
    assertEquals(cert.certificate().toPath(), tls.trustCertificatesFile());
  }

  @Test
  void theBuilderRefusesNullsByNameAndFilesItCannotRead() {
    NullPointerException key =
        assertThrows(
            NullPointerException.class, () -> Tls.builder().certificate(null, cert.cert()));
    assertEquals("key == null", key.getMessage());
    NullPointerException chain =
        assertThrows(
            NullPointerException.class, () -> Tls.builder().trustCertificates(cert.cert(), null));
    assertEquals("certificates[1] == null", chain.getMessage());
    assertEquals(
        "clientAuth == null",
        assertThrows(NullPointerException.class, () -> Tls.builder().clientAuth(null))
            .getMessage());
    assertEquals(
        "sslContext == null",
        assertThrows(NullPointerException.class, () -> Tls.of(null)).getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> Tls.builder().trustCertificates(new java.security.cert.X509Certificate[0]));
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () -> Tls.builder().certificate(dir.resolve("absent.crt"), dir.resolve("absent.key")));
    assertTrue(missing.getMessage().contains("absent.crt"), missing.getMessage());
  }

  @Test
  void insecureTurnsHostnameVerificationOff() {
    Tls tls = Tls.builder().insecure().build();
    assertTrue(tls.insecure());
    assertFalse(tls.hostnameVerification());
    assertFalse(tls.toBuilder().insecure(false).build().insecure());
    assertTrue(tls.toBuilder().insecure(false).build().hostnameVerification());
  }

  @Test
  void anSslContextOfOneSOwnIsUsedAsIsWithNothingElseBesideIt() throws Exception {
    SslContext context = SslContextBuilder.forClient().build();
    Tls tls = Tls.of(context);
    assertSame(context, tls.sslContext());
    assertSame(context, TlsContexts.client(tls));
    assertFalse(tls.toBuilder().hostnameVerification(false).build().hostnameVerification());
    assertThrows(IllegalStateException.class, () -> tls.toBuilder().alpn("h2").build());
    assertThrows(
        IllegalStateException.class, () -> tls.toBuilder().trustCertificates(cert.cert()).build());
    assertThrows(IllegalStateException.class, () -> tls.toBuilder().insecure().build());
  }

  @Test
  void alpnProtocolsArePresentInTheBuiltNettyContexts() {
    Tls tls = server().toBuilder().alpn("h2", "http/1.1").build();
    assertEquals(
        List.of("h2", "http/1.1"),
        TlsContexts.server(tls).applicationProtocolNegotiator().protocols());
    assertEquals(
        List.of("h2", "http/1.1"),
        TlsContexts.client(tls).applicationProtocolNegotiator().protocols());
    // through the options of a server and a client that take any protocol
    assertEquals(
        List.of("h2", "http/1.1"),
        TcpServerOptions.builder()
            .tls(tls)
            .build()
            .sslContext()
            .applicationProtocolNegotiator()
            .protocols());
    assertEquals(
        List.of("echo/1"),
        TcpClientOptions.builder()
            .tls(Tls.builder().alpn("echo/1").build())
            .build()
            .sslContext()
            .applicationProtocolNegotiator()
            .protocols());
    // and through those of the HTTP server, which may offer http/1.1 (HTTP/2 will offer h2)
    assertEquals(
        List.of("http/1.1"),
        HttpServerOptions.builder()
            .tls(server().toBuilder().alpn("http/1.1").build())
            .build()
            .sslContext()
            .applicationProtocolNegotiator()
            .protocols());
  }

  @Test
  void theHttpAndWebSocketOptionsRefuseAlpnProtocolsTheyDoNotSpeak() {
    Tls h2 = server().toBuilder().alpn("h2", "http/1.1").build();
    IllegalArgumentException server =
        assertThrows(IllegalArgumentException.class, () -> HttpServerOptions.builder().tls(h2));
    assertTrue(server.getMessage().contains("\"h2\""), server.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> HttpClientOptions.builder().tls(Tls.builder().alpn("h2").build()));
    assertThrows(
        IllegalArgumentException.class,
        () -> WebSocketOptions.builder().tls(Tls.builder().alpn("h2").build()));
    HttpClientOptions.builder().tls(Tls.builder().alpn("http/1.1").build()).build();
  }

  @Test
  void protocolsAndCiphersReachTheContext() {
    Tls tls =
        server().toBuilder()
            .protocols("TLSv1.2")
            .ciphers("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")
            .build();
    SslContext context = TlsContexts.server(tls);
    assertEquals(List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"), context.cipherSuites());
    SSLEngine engine = context.newEngine(ByteBufAllocator.DEFAULT);
    try {
      List<String> enabled = List.of(engine.getEnabledProtocols());
      assertTrue(enabled.contains("TLSv1.2") && !enabled.contains("TLSv1.3"), enabled.toString());
    } finally {
      ReferenceCountUtil.release(engine);
    }
  }

  @Test
  void aServerNeedsACertificateAndServersAndClientsTheirOwnKindOfContext() throws Exception {
    IllegalArgumentException none =
        assertThrows(
            IllegalArgumentException.class, () -> HttpServerOptions.builder().tls(Tls.DEFAULT));
    assertTrue(none.getMessage().contains("certificate"), none.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TcpServerOptions.builder().tls(Tls.DEFAULT));
    Tls client = Tls.of(SslContextBuilder.forClient().build());
    Tls server = Tls.of(SslContextBuilder.forServer(cert.key(), cert.cert()).build());
    assertThrows(IllegalArgumentException.class, () -> TcpServerOptions.builder().tls(client));
    assertThrows(IllegalArgumentException.class, () -> HttpServerOptions.builder().tls(client));
    assertThrows(IllegalArgumentException.class, () -> TcpClientOptions.builder().tls(server));
    assertThrows(IllegalArgumentException.class, () -> HttpClientOptions.builder().tls(server));
    assertThrows(IllegalArgumentException.class, () -> WebSocketOptions.builder().tls(server));
  }

  @Test
  void pemFilesMakeAServerContextAndAnUnreadableKeyFailsWithWhy() throws Exception {
    Tls pem =
        Tls.builder().certificate(cert.certificate().toPath(), cert.privateKey().toPath()).build();
    assertFalse(TlsContexts.server(pem).isClient());
    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a key");
    Tls broken = Tls.builder().certificate(cert.certificate().toPath(), garbage).build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TlsContexts.server(broken));
    assertTrue(e.getMessage().startsWith("cannot build the TLS server context"), e.getMessage());
  }

  @Test
  void aContextIsBuiltOncePerOptionsObjectAndKeptByTheOptionsDerivedFromIt() {
    TcpServerOptions options = TcpServerOptions.builder().tls(server()).build();
    SslContext context = options.sslContext();
    assertSame(context, options.sslContext());
    assertSame(context, options.toBuilder().port(1234).build().sslContext());
    assertNotSame(context, options.toBuilder().tls(server()).build().sslContext());
    HttpServerOptions http = HttpServerOptions.builder().tls(server()).build();
    assertSame(http.sslContext(), http.toBuilder().port(4321).build().sslContext());
  }

  @Test
  void clientsWithoutTlsSettingsShareOneContext() {
    assertSame(TlsContexts.client(Tls.DEFAULT), TlsContexts.client(Tls.builder().build()));
    assertSame(TlsContexts.client(Tls.DEFAULT), WebSocketOptions.DEFAULT.sslContext());
    assertSame(
        TlsContexts.client(Tls.DEFAULT),
        TcpClientOptions.builder().tls(Tls.DEFAULT).build().sslContext());
  }
}
