package io.beth.http;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away self-signed certificate for development and tests: a server context to serve
 * HTTPS with, and client contexts that trust exactly this certificate. Never use in production.
 */
public final class SelfSignedTls {

  private final SelfSignedCertificate certificate;
  private final SslContext serverContext;

  private SelfSignedTls(SelfSignedCertificate certificate, SslContext serverContext) {
    this.certificate = certificate;
    this.serverContext = serverContext;
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

  /** The context for {@link HttpServerOptions.Builder#sslContext}. */
  public SslContext serverContext() {
    return serverContext;
  }

  /** The certificate. */
  public X509Certificate certificate() {
    return certificate.cert();
  }

  /** A Netty client context trusting this certificate only. */
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
