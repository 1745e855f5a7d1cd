package io.beth.http;

import io.beth.transport.Tls;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away self-signed certificate for development and tests: the {@link Tls} of a server
 * presenting it, the {@link Tls} of a client trusting exactly it, and the same as Netty and JDK
 * contexts. Never use in production.
 *
 * <pre>{@code
 * SelfSignedTls certificate = SelfSignedTls.create("localhost");
 * HttpServerOptions server = HttpServerOptions.builder().tls(certificate.serverTls()).build();
 * HttpClientOptions client = HttpClientOptions.builder().tls(certificate.clientTls()).build();
 * }</pre>
 */
public final class SelfSignedTls {

  private final SelfSignedCertificate certificate;
  private final SslContext serverContext;
  private final Tls serverTls;
  private final Tls clientTls;

  private SelfSignedTls(SelfSignedCertificate certificate, SslContext serverContext) {
    this.certificate = certificate;
    this.serverContext = serverContext;
    this.serverTls = Tls.builder().certificate(certificate.key(), certificate.cert()).build();
    this.clientTls = Tls.builder().trustCertificates(certificate.cert()).build();
  }

  /** A certificate for {@code localhost}. */
  public static SelfSignedTls create() {
    return create("localhost");
  }

  /** A certificate for {@code hostname}. */
  public static SelfSignedTls create(String hostname) {
    try {
      SelfSignedCertificate certificate = new SelfSignedCertificate(hostname);
      SslContext server =
          SslContextBuilder.forServer(certificate.certificate(), certificate.privateKey()).build();
      return new SelfSignedTls(certificate, server);
    } catch (java.security.cert.CertificateException | javax.net.ssl.SSLException e) {
      throw new IllegalStateException("cannot create a self-signed certificate", e);
    }
  }

  /** The settings of a server presenting this certificate, for any server's {@code tls(Tls)}. */
  public Tls serverTls() {
    return serverTls;
  }

  /**
   * The settings of a client trusting this certificate only (host names verified), for any client's
   * {@code tls(Tls)}.
   */
  public Tls clientTls() {
    return clientTls;
  }

  /** A Netty server context presenting this certificate; {@link #serverTls()} is Beth's. */
  public SslContext serverContext() {
    return serverContext;
  }

  /** The certificate. */
  public X509Certificate certificate() {
    return certificate.cert();
  }

  /** A Netty client context trusting this certificate only; {@link #clientTls()} is Beth's. */
  public SslContext nettyClientContext() {
    try {
      return SslContextBuilder.forClient().trustManager(certificate.cert()).build();
    } catch (javax.net.ssl.SSLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A JDK client context (for {@code java.net.http.HttpClient}) trusting this certificate only. */
  public SSLContext jdkClientContext() {
    try {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      trust.setCertificateEntry("beth-self-signed", certificate.cert());
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
