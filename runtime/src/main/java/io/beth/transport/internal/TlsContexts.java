package io.beth.transport.internal;

import io.beth.transport.Tls;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where Netty TLS contexts are built from {@link Tls} values, and where client
 * connections get their {@link SslHandler} (SNI and host-name verification). Options objects build
 * their context once, through {@link LazySslContext}; clients without TLS settings share one
 * context of {@link Tls#DEFAULT}.
 */
public final class TlsContexts {

  private static final Logger log = LoggerFactory.getLogger(TlsContexts.class);

  private static volatile SslContext defaultClient; // loads the JDK's trust store: built once

  private TlsContexts() {}

  /**
   * Checks that {@code tls} can serve: a server {@link Tls#of} context, or key material; {@code
   * who} names the options in the message.
   */
  public static Tls checkServer(Tls tls, String who) {
    if (tls == null) {
      return null;
    }
    if (tls.sslContext() != null) {
      if (tls.sslContext().isClient()) {
        throw new IllegalArgumentException(who + " needs a server SslContext, not a client one");
      }
    } else if (!tls.hasCertificate()) {
      throw new IllegalArgumentException(
          who
              + " needs a certificate to present: set"
              + " Tls.builder().certificate(key, chain), certificate(chainPem, keyPem) or"
              + " keyManagerFactory(factory)");
    }
    return tls;
  }

  /** Checks that {@code tls} can be a client's: not a server {@link Tls#of} context. */
  public static Tls checkClient(Tls tls, String who) {
    if (tls != null && tls.sslContext() != null && !tls.sslContext().isClient()) {
      throw new IllegalArgumentException(who + " needs a client SslContext, not a server one");
    }
    return tls;
  }

  /**
   * Checks that the ALPN protocols of {@code tls} (its own, or its {@link Tls#of} context's) are
   * among {@code spoken}, the protocols of the server or client named {@code who}.
   */
  public static Tls checkAlpn(Tls tls, List<String> spoken, String who) {
    if (tls == null) {
      return null;
    }
    List<String> offered =
        tls.sslContext() != null
            ? tls.sslContext().applicationProtocolNegotiator().protocols()
            : tls.alpn();
    for (String protocol : offered) {
      if (!spoken.contains(protocol)) {
        throw new IllegalArgumentException(
            who + " speaks " + spoken + " over TLS; ALPN cannot" + " offer \"" + protocol + "\"");
      }
    }
    return tls;
  }

  /** The server context of {@code tls} (checked by {@link #checkServer}). */
  public static SslContext server(Tls tls) {
    checkServer(tls, "a TLS server");
    if (tls.sslContext() != null) {
      return tls.sslContext();
    }
    return build(tls, "server", () -> serverBuilder(tls));
  }

  private static SslContextBuilder serverBuilder(Tls tls) {
    SslContextBuilder b;
    if (tls.privateKey() != null) {
      b = SslContextBuilder.forServer(tls.privateKey(), tls.certificateChain());
    } else if (tls.certificateChainFile() != null) {
      b =
          SslContextBuilder.forServer(
              tls.certificateChainFile().toFile(),
              tls.privateKeyFile().toFile(),
              tls.privateKeyPassword());
    } else {
      b = SslContextBuilder.forServer(tls.keyManagerFactory());
    }
    trust(b, tls);
    b.clientAuth(
        switch (tls.clientAuth()) {
          case NONE -> ClientAuth.NONE;
          case OPTIONAL -> ClientAuth.OPTIONAL;
          case REQUIRE -> ClientAuth.REQUIRE;
        });
    return b;
  }

  /** The client context of {@code tls}; {@code null} is {@link Tls#DEFAULT}. */
  public static SslContext client(Tls tls) {
    Tls settings = tls == null ? Tls.DEFAULT : tls;
    checkClient(settings, "a TLS client");
    if (settings.sslContext() != null) {
      return settings.sslContext();
    }
    if (isDefaultClient(settings)) {
      return defaultClient();
    }
    return build(settings, "client", () -> clientBuilder(settings));
  }

  private static SslContextBuilder clientBuilder(Tls tls) {
    SslContextBuilder b = SslContextBuilder.forClient();
    if (tls.privateKey() != null) {
      b.keyManager(tls.privateKey(), tls.certificateChain());
    } else if (tls.certificateChainFile() != null) {
      b.keyManager(
          tls.certificateChainFile().toFile(),
          tls.privateKeyFile().toFile(),
          tls.privateKeyPassword());
    } else if (tls.keyManagerFactory() != null) {
      b.keyManager(tls.keyManagerFactory());
    }
    trust(b, tls);
    b.endpointIdentificationAlgorithm(tls.hostnameVerification() ? "HTTPS" : null);
    return b;
  }

  /**
   * A handler for a client connection to {@code host}:{@code port} over {@code context} (of {@code
   * tls}): {@code host} is sent as SNI (never for an IP literal or a name without a dot) and,
   * unless {@code tls} turns it off, the server's certificate must match it.
   */
  public static SslHandler clientHandler(
      SslContext context, Tls tls, ByteBufAllocator alloc, String host, int port) {
    SslHandler ssl = context.newHandler(alloc, host, port);
    // Set on every engine, whatever the context says: a context of Tls.of(...) is someone else's.
    SSLEngine engine = ssl.engine();
    SSLParameters parameters = engine.getSSLParameters();
    boolean verify = tls == null || tls.hostnameVerification();
    parameters.setEndpointIdentificationAlgorithm(verify ? "HTTPS" : null);
    engine.setSSLParameters(parameters);
    return ssl;
  }

  private static boolean isDefaultClient(Tls tls) {
    return !tls.hasCertificate()
        && !tls.hasTrust()
        && !tls.insecure()
        && tls.alpn().isEmpty()
        && tls.protocols().isEmpty()
        && tls.ciphers().isEmpty();
  }

  private static SslContext defaultClient() {
    SslContext context = defaultClient;
    if (context == null) {
      synchronized (TlsContexts.class) {
        context = defaultClient;
        if (context == null) {
          defaultClient = context = build(Tls.DEFAULT, "client", SslContextBuilder::forClient);
        }
      }
    }
    return context;
  }

  private static void trust(SslContextBuilder b, Tls tls) {
    if (tls.insecure()) {
      b.trustManager(InsecureTrustManagerFactory.INSTANCE);
    } else if (!tls.trustCertificates().isEmpty()) {
      b.trustManager(tls.trustCertificates());
    } else if (tls.trustCertificatesFile() != null) {
      b.trustManager(tls.trustCertificatesFile().toFile());
    } else if (tls.trustManagerFactory() != null) {
      b.trustManager(tls.trustManagerFactory());
    }
    // else the JDK's default trust store
  }

  /** How a side's builder starts: with its key material, which Netty may fail to read. */
  private interface Recipe {
    SslContextBuilder start();
  }

  private static SslContext build(Tls tls, String side, Recipe recipe) {
    SslContext context;
    try {
      SslContextBuilder b = recipe.start();
      if (!tls.alpn().isEmpty()) {
        b.applicationProtocolConfig(
            new ApplicationProtocolConfig(
                ApplicationProtocolConfig.Protocol.ALPN,
                ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                tls.alpn()));
      }
      if (!tls.protocols().isEmpty()) {
        b.protocols(tls.protocols());
      }
      if (!tls.ciphers().isEmpty()) {
        b.ciphers(tls.ciphers());
      }
      context = b.build();
    } catch (SSLException | RuntimeException e) {
      throw new IllegalArgumentException(
          "cannot build the TLS " + side + " context of " + tls + ": " + e.getMessage(), e);
    }
    if (tls.insecure()) {
      boolean client = side.equals("client");
      log.warn(
          "A TLS {} context built with Tls.insecure(): any {} certificate is trusted{};"
              + " for development only",
          side,
          client ? "server" : "client",
          client ? " and host names are not checked" : "");
    }
    return context;
  }
}
