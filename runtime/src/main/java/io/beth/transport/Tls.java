package io.beth.transport;

import static java.util.Objects.requireNonNull;

import io.netty.handler.ssl.SslContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS settings of a server or a client, the one value every Beth server and client takes
 * through {@code tls(Tls)}: the certificate it presents (key material), the certificates it trusts
 * (trust material; the JDK's default trust store when none is given), client authentication
 * (servers), host-name verification (clients; on by default), the ALPN protocols to offer, and
 * optionally the TLS versions and cipher suites. Immutable; build with {@link #builder()}, derive
 * with {@link #toBuilder()}. The Netty context is built from it once per options object, not per
 * connection; {@link #of(SslContext)} hands Beth a Netty context of one's own instead, for full
 * control.
 *
 * <pre>{@code
 * Tls server = Tls.builder()
 *     .certificate(Path.of("server.crt"), Path.of("server.key"))   // PEM chain, PKCS#8 key
 *     .trustCertificates(Path.of("clients-ca.crt"))                 // who may connect
 *     .clientAuth(Tls.ClientAuth.REQUIRE)                           // mutual TLS
 *     .build();
 * HttpServerOptions https = HttpServerOptions.builder().port(8443).tls(server).build();
 *
 * Tls client = Tls.builder()
 *     .trustCertificates(Path.of("ca.crt"))           // else the JDK's default trust store
 *     .certificate(clientKey, clientCertificate)      // presented when the server asks
 *     .build();
 * TcpClientOptions tcp = TcpClientOptions.builder().tls(client).build();
 * }</pre>
 *
 * <p>Each kind of material is set once: setting key material (or trust material) again replaces
 * what was set before, whichever method set it. A client ignores {@link #clientAuth()}; a server
 * ignores {@link #hostnameVerification()}. A server needs key material; {@link #DEFAULT} has none,
 * and is what a client uses when given no TLS settings.
 */
public final class Tls {

  /** Whether a server asks for a client certificate (mutual TLS). */
  public enum ClientAuth {
    /** No client certificate is asked for (the default). */
    NONE,
    /** One is asked for and verified if sent; a client without one is served too. */
    OPTIONAL,
    /** One is required: a client without a trusted certificate fails the handshake. */
    REQUIRE
  }

  /** No key material, the JDK's default trust, host names verified, no ALPN: a client's default. */
  public static final Tls DEFAULT = builder().build();

  private final PrivateKey privateKey;
  private final List<X509Certificate> certificateChain;
  private final Path certificateChainFile;
  private final Path privateKeyFile;
  private final String privateKeyPassword;
  private final KeyManagerFactory keyManagerFactory;
  private final List<X509Certificate> trustCertificates;
  private final Path trustCertificatesFile;
  private final TrustManagerFactory trustManagerFactory;
  private final ClientAuth clientAuth;
  private final boolean hostnameVerification;
  private final boolean insecure;
  private final List<String> alpn;
  private final List<String> protocols;
  private final List<String> ciphers;
  private final SslContext sslContext;

  private Tls(Builder b) {
    this.privateKey = b.privateKey;
    this.certificateChain = b.certificateChain;
    this.certificateChainFile = b.certificateChainFile;
    this.privateKeyFile = b.privateKeyFile;
    this.privateKeyPassword = b.privateKeyPassword;
    this.keyManagerFactory = b.keyManagerFactory;
    this.trustCertificates = b.trustCertificates;
    this.trustCertificatesFile = b.trustCertificatesFile;
    this.trustManagerFactory = b.trustManagerFactory;
    this.clientAuth = b.clientAuth;
    this.hostnameVerification = b.hostnameVerification;
    this.insecure = b.insecure;
    this.alpn = b.alpn;
    this.protocols = b.protocols;
    this.ciphers = b.ciphers;
    this.sslContext = b.sslContext;
  }

  /** A builder with the defaults of {@link #DEFAULT}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * TLS with {@code sslContext} used as is: a server context for a server, a client context for a
   * client. Beth still sends the peer's host name (SNI) and applies {@link #hostnameVerification()}
   * (on unless {@code toBuilder().hostnameVerification(false)}) to each client connection; every
   * other setting is the context's own, and setting one on {@link #toBuilder()} fails {@link
   * Builder#build()}.
   */
  public static Tls of(SslContext sslContext) {
    requireNonNull(sslContext, "sslContext == null");
    Builder b = new Builder();
    b.sslContext = sslContext;
    return b.build();
  }

  /** A builder holding these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.privateKey = privateKey;
    b.certificateChain = certificateChain;
    b.certificateChainFile = certificateChainFile;
    b.privateKeyFile = privateKeyFile;
    b.privateKeyPassword = privateKeyPassword;
    b.keyManagerFactory = keyManagerFactory;
    b.trustCertificates = trustCertificates;
    b.trustCertificatesFile = trustCertificatesFile;
    b.trustManagerFactory = trustManagerFactory;
    b.clientAuth = clientAuth;
    b.hostnameVerification = hostnameVerification;
    b.insecure = insecure;
    b.alpn = alpn;
    b.protocols = protocols;
    b.ciphers = ciphers;
    b.sslContext = sslContext;
    return b;
  }

  /** The private key of {@link Builder#certificate(PrivateKey, X509Certificate...)}, or null. */
  public PrivateKey privateKey() {
    return privateKey;
  }

  /** The certificate chain presented with {@link #privateKey()}; empty without one. */
  public List<X509Certificate> certificateChain() {
    return certificateChain;
  }

  /** The PEM file of the certificate chain presented, or null. */
  public Path certificateChainFile() {
    return certificateChainFile;
  }

  /** The PEM file (PKCS#8) of the private key of {@link #certificateChainFile()}, or null. */
  public Path privateKeyFile() {
    return privateKeyFile;
  }

  /** The password of an encrypted {@link #privateKeyFile()}, or null. */
  public String privateKeyPassword() {
    return privateKeyPassword;
  }

  /** The key material as a factory, or null. */
  public KeyManagerFactory keyManagerFactory() {
    return keyManagerFactory;
  }

  /** Whether key material is set: a certificate to present (a server always needs one). */
  public boolean hasCertificate() {
    return privateKey != null || certificateChainFile != null || keyManagerFactory != null;
  }

  /** The trusted certificates, replacing the JDK's default trust; empty when not set. */
  public List<X509Certificate> trustCertificates() {
    return trustCertificates;
  }

  /** A PEM file of trusted certificates, replacing the JDK's default trust; or null. */
  public Path trustCertificatesFile() {
    return trustCertificatesFile;
  }

  /** The trust material as a factory, or null. */
  public TrustManagerFactory trustManagerFactory() {
    return trustManagerFactory;
  }

  /** Whether trust material is set; without, the JDK's default trust store is used. */
  public boolean hasTrust() {
    return !trustCertificates.isEmpty()
        || trustCertificatesFile != null
        || trustManagerFactory != null;
  }

  /** Servers: whether a client certificate is asked for (default {@link ClientAuth#NONE}). */
  public ClientAuth clientAuth() {
    return clientAuth;
  }

  /**
   * Clients: whether the server's certificate must match the host connected to (default true);
   * false with {@link #insecure()}.
   */
  public boolean hostnameVerification() {
    return hostnameVerification && !insecure;
  }

  /** Whether every certificate is trusted and host names go unchecked (development only). */
  public boolean insecure() {
    return insecure;
  }

  /** The ALPN protocols offered, in preference order; empty (the default) for no ALPN. */
  public List<String> alpn() {
    return alpn;
  }

  /** The TLS versions enabled, such as {@code TLSv1.3}; empty for the provider's defaults. */
  public List<String> protocols() {
    return protocols;
  }

  /** The cipher suites enabled; empty for the provider's defaults. */
  public List<String> ciphers() {
    return ciphers;
  }

  /** The Netty context given to {@link #of(SslContext)}, used as is; null when built by Beth. */
  public SslContext sslContext() {
    return sslContext;
  }

  /** What is set, never a key or password: {@code Tls[certificate, trust 1 certificate, ...]}. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    if (sslContext != null) {
      parts.add((sslContext.isClient() ? "client" : "server") + " SslContext");
    }
    if (privateKey != null) {
      parts.add("certificate " + certificateChain.get(0).getSubjectX500Principal().getName());
    } else if (certificateChainFile != null) {
      parts.add("certificate " + certificateChainFile);
    } else if (keyManagerFactory != null) {
      parts.add("certificate from a KeyManagerFactory");
    }
    if (!trustCertificates.isEmpty()) {
      parts.add(
          "trust "
              + trustCertificates.size()
              + " certificate"
              + (trustCertificates.size() == 1 ? "" : "s"));
    } else if (trustCertificatesFile != null) {
      parts.add("trust " + trustCertificatesFile);
    } else if (trustManagerFactory != null) {
      parts.add("trust from a TrustManagerFactory");
    }
    if (clientAuth != ClientAuth.NONE) {
      parts.add("clientAuth " + clientAuth);
    }
    if (insecure) {
      parts.add("insecure");
    } else if (!hostnameVerification) {
      parts.add("no hostname verification");
    }
    if (!alpn.isEmpty()) {
      parts.add("alpn " + alpn);
    }
    if (!protocols.isEmpty()) {
      parts.add("protocols " + protocols);
    }
    if (!ciphers.isEmpty()) {
      parts.add(ciphers.size() + " ciphers");
    }
    return "Tls[" + String.join(", ", parts) + "]";
  }

  /** Builds {@link Tls}; not thread-safe. */
  public static final class Builder {
    private PrivateKey privateKey;
    private List<X509Certificate> certificateChain = List.of();
    private Path certificateChainFile;
    private Path privateKeyFile;
    private String privateKeyPassword;
    private KeyManagerFactory keyManagerFactory;
    private List<X509Certificate> trustCertificates = List.of();
    private Path trustCertificatesFile;
    private TrustManagerFactory trustManagerFactory;
    private ClientAuth clientAuth = ClientAuth.NONE;
    private boolean hostnameVerification = true;
    private boolean insecure;
    private List<String> alpn = List.of();
    private List<String> protocols = List.of();
    private List<String> ciphers = List.of();
    private SslContext sslContext;

    private Builder() {}

    /**
     * Presents {@code chain} (the certificate first, then any intermediates) with {@code key}: a
     * server's certificate, or a client's for mutual TLS. Replaces any key material set before.
     */
    public Builder certificate(PrivateKey key, X509Certificate... chain) {
      requireNonNull(key, "key == null");
      List<X509Certificate> certificates = certificates(chain, "chain");
      noKeyMaterial();
      this.privateKey = key;
      this.certificateChain = certificates;
      return this;
    }

    /**
     * Presents the certificate chain of PEM file {@code certificateChainPem} with the private key
     * of PEM file {@code privateKeyPem} (PKCS#8, unencrypted). Replaces any key material set
     * before. The files are read when the Netty context is built.
     */
    public Builder certificate(Path certificateChainPem, Path privateKeyPem) {
      return certificate(certificateChainPem, privateKeyPem, null);
    }

    /** As {@link #certificate(Path, Path)}, the key encrypted with {@code password}. */
    public Builder certificate(Path certificateChainPem, Path privateKeyPem, String password) {
      requireNonNull(certificateChainPem, "certificateChainPem == null");
      requireNonNull(privateKeyPem, "privateKeyPem == null");
      noKeyMaterial();
      this.certificateChainFile = readable(certificateChainPem);
      this.privateKeyFile = readable(privateKeyPem);
      this.privateKeyPassword = password;
      return this;
    }

    /** Takes the key material from {@code factory}. Replaces any key material set before. */
    public Builder keyManagerFactory(KeyManagerFactory factory) {
      requireNonNull(factory, "factory == null");
      noKeyMaterial();
      this.keyManagerFactory = factory;
      return this;
    }

    private void noKeyMaterial() {
      privateKey = null;
      certificateChain = List.of();
      certificateChainFile = null;
      privateKeyFile = null;
      privateKeyPassword = null;
      keyManagerFactory = null;
    }

    /**
     * Trusts exactly {@code certificates} (a private CA, a self-signed peer) instead of the JDK's
     * default trust store. Replaces any trust material set before.
     */
    public Builder trustCertificates(X509Certificate... certificates) {
      List<X509Certificate> trusted = certificates(certificates, "certificates");
      noTrust();
      this.trustCertificates = trusted;
      return this;
    }

    /**
     * Trusts exactly the certificates of PEM file {@code pem}, read when the Netty context is
     * built. Replaces any trust material set before.
     */
    public Builder trustCertificates(Path pem) {
      requireNonNull(pem, "pem == null");
      noTrust();
      this.trustCertificatesFile = readable(pem);
      return this;
    }

    /** Takes the trust material from {@code factory}. Replaces any trust material set before. */
    public Builder trustManagerFactory(TrustManagerFactory factory) {
      requireNonNull(factory, "factory == null");
      noTrust();
      this.trustManagerFactory = factory;
      return this;
    }

    private void noTrust() {
      trustCertificates = List.of();
      trustCertificatesFile = null;
      trustManagerFactory = null;
    }

    /** Servers: whether to ask for a client certificate (default {@link ClientAuth#NONE}). */
    public Builder clientAuth(ClientAuth clientAuth) {
      this.clientAuth = requireNonNull(clientAuth, "clientAuth == null");
      return this;
    }

    /** Clients: whether the server's certificate must match the host name (default true). */
    public Builder hostnameVerification(boolean verify) {
      this.hostnameVerification = verify;
      return this;
    }

    /**
     * Trusts every certificate and checks no host name, whatever trust material is set: for
     * development only. Each Netty context built with it logs a warning.
     */
    public Builder insecure() {
      return insecure(true);
    }

    /** {@link #insecure()} when true; false (the default) checks certificates. */
    public Builder insecure(boolean insecure) {
      this.insecure = insecure;
      return this;
    }

    /**
     * The ALPN protocols to offer, in preference order, such as {@code "h2", "http/1.1"}; none (the
     * default) for no ALPN. Each server and client accepts the protocols it speaks.
     */
    public Builder alpn(String... protocols) {
      requireNonNull(protocols, "protocols == null");
      return alpn(List.of(protocols));
    }

    /** As {@link #alpn(String...)}. */
    public Builder alpn(List<String> protocols) {
      this.alpn = names(protocols, "alpn");
      return this;
    }

    /** The TLS versions to enable, such as {@code "TLSv1.3"}; none for the provider's defaults. */
    public Builder protocols(String... protocols) {
      requireNonNull(protocols, "protocols == null");
      this.protocols = names(List.of(protocols), "protocols");
      return this;
    }

    /** The cipher suites to enable, in preference order; none for the provider's defaults. */
    public Builder ciphers(String... ciphers) {
      requireNonNull(ciphers, "ciphers == null");
      this.ciphers = names(List.of(ciphers), "ciphers");
      return this;
    }

    /**
     * The settings; with a context of {@link Tls#of(SslContext)}, fails if anything but {@link
     * #hostnameVerification} is set too.
     */
    public Tls build() {
      if (sslContext != null
          && (privateKey != null
              || certificateChainFile != null
              || keyManagerFactory != null
              || !trustCertificates.isEmpty()
              || trustCertificatesFile != null
              || trustManagerFactory != null
              || clientAuth != ClientAuth.NONE
              || insecure
              || !alpn.isEmpty()
              || !protocols.isEmpty()
              || !ciphers.isEmpty())) {
        throw new IllegalStateException(
            "Tls.of(SslContext) uses its context as is: set key and"
                + " trust material, client auth, ALPN, protocols and ciphers on the SslContextBuilder,"
                + " or build the Tls with Tls.builder() instead");
      }
      return new Tls(this);
    }

    private static List<X509Certificate> certificates(X509Certificate[] given, String name) {
      requireNonNull(given, name + " == null");
      if (given.length == 0) {
        throw new IllegalArgumentException("no " + name + ": at least one certificate");
      }
      for (int i = 0; i < given.length; i++) {
        requireNonNull(given[i], name + "[" + i + "] == null");
      }
      return List.of(given);
    }

    private static List<String> names(List<String> given, String what) {
      requireNonNull(given, what + " == null");
      for (String name : given) {
        requireNonNull(name, what + " contains null");
        if (name.isBlank()) {
          throw new IllegalArgumentException(what + " contains a blank name: " + given);
        }
      }
      return List.copyOf(given);
    }

    private static Path readable(Path file) {
      if (!Files.isReadable(file)) {
        throw new IllegalArgumentException("cannot read " + file.toAbsolutePath());
      }
      return file;
    }
  }
}
