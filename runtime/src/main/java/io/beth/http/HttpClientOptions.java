package io.beth.http;

import static java.util.Objects.requireNonNull;

import io.beth.codec.Codecs;
import io.beth.transport.BethResources;
import io.beth.transport.Tls;
import io.beth.transport.internal.TlsContexts;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The settings of an {@link HttpClient}: pool limits, timeouts, redirect and status policy, TLS
 * material, the cookie store, the codecs of request and response values. Immutable; made by {@link
 * #builder()}, derived with {@link #toBuilder()}; {@link #DEFAULT} holds the defaults.
 *
 * <p>TLS: {@link Builder#tls} sets how {@code https} origins are reached, by default {@link
 * Tls#DEFAULT}: the JDK's default trust store, the server's host name verified. A {@link Tls} value
 * replaces the trust material ({@link Tls.Builder#trustCertificates}), adds a client certificate
 * ({@link Tls.Builder#certificate}) or, for development, turns every check off ({@link
 * Tls.Builder#insecure()}). The Netty context is built once per client.
 *
 * <p>Proxies: {@link Builder#proxy} sends requests through an HTTP or SOCKS5 proxy ({@link
 * ProxyOptions}); a request may override it.
 *
 * <p>Threads: a client runs on the event loops and blocking executor (file and multipart reads,
 * name lookups) of {@link Builder#resources}, by default {@link BethResources#shared()}; with
 * {@link Builder#ioThreads} instead it has that many event loops of its own, stopped by {@link
 * HttpClient#close()}.
 */
public final class HttpClientOptions {

  private final Duration connectTimeout;
  private final Duration poolAcquireTimeout;
  private final Duration requestTimeout;
  private final Duration readIdleTimeout;
  private final Duration idleTimeout;
  private final int maxConnectionsPerHost;
  private final int maxConnections;
  private final boolean followRedirects;
  private final int maxRedirects;
  private final boolean errorStatusFails;
  private final int eventLoopThreads;
  private final BethResources resources;
  private final Tls tls;
  private final CookieStore cookieStore;
  private final boolean redirectUnsafeMethods;
  private final ProxyOptions proxy;
  private final Codecs codecs;

  private HttpClientOptions(Builder b) {
    this.connectTimeout = b.connectTimeout;
    this.poolAcquireTimeout = b.poolAcquireTimeout;
    this.requestTimeout = b.requestTimeout;
    this.readIdleTimeout = b.readIdleTimeout;
    this.idleTimeout = b.idleTimeout;
    this.maxConnectionsPerHost = b.maxConnectionsPerHost;
    this.maxConnections = b.maxConnections;
    this.followRedirects = b.followRedirects;
    this.maxRedirects = b.maxRedirects;
    this.errorStatusFails = b.errorStatusFails;
    this.eventLoopThreads = b.eventLoopThreads;
    this.resources = b.resources;
    this.tls = b.tls;
    this.cookieStore = b.cookieStore;
    this.redirectUnsafeMethods = b.redirectUnsafeMethods;
    this.proxy = b.proxy;
    this.codecs = b.codecs;
  }

  /** The defaults: {@link #DEFAULT}. */
  public static HttpClientOptions defaults() {
    return DEFAULT;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.connectTimeout = connectTimeout;
    b.poolAcquireTimeout = poolAcquireTimeout;
    b.requestTimeout = requestTimeout;
    b.readIdleTimeout = readIdleTimeout;
    b.idleTimeout = idleTimeout;
    b.maxConnectionsPerHost = maxConnectionsPerHost;
    b.maxConnections = maxConnections;
    b.followRedirects = followRedirects;
    b.maxRedirects = maxRedirects;
    b.errorStatusFails = errorStatusFails;
    b.eventLoopThreads = eventLoopThreads;
    b.resources = resources;
    b.tls = tls;
    b.cookieStore = cookieStore;
    b.redirectUnsafeMethods = redirectUnsafeMethods;
    b.proxy = proxy;
    b.codecs = codecs;
    return b;
  }

  /**
   * Connect timeout (default 10 s): the TCP connect and, for {@code https}, the TLS handshake; past
   * it the call fails with {@link ConnectTimeoutException}.
   */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** How long a request waits for a pooled connection (default 30 s). */
  public Duration poolAcquireTimeout() {
    return poolAcquireTimeout;
  }

  /** Whole-exchange timeout, redirects and body included; {@code null} for none (default). */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** Longest time without reading while a response is expected (default 60 s). */
  public Duration readIdleTimeout() {
    return readIdleTimeout;
  }

  /** How long an idle pooled connection is kept (default 60 s). */
  public Duration idleTimeout() {
    return idleTimeout;
  }

  public int maxConnectionsPerHost() {
    return maxConnectionsPerHost;
  }

  public int maxConnections() {
    return maxConnections;
  }

  public boolean followRedirects() {
    return followRedirects;
  }

  /** The most redirects a call follows (default 5): see {@link Builder#maxRedirects}. */
  public int maxRedirects() {
    return maxRedirects;
  }

  /** Whether 4xx/5xx fail the future with {@link HttpResponseException} (default true). */
  public boolean errorStatusFails() {
    return errorStatusFails;
  }

  /** Event loops of the client's own, or 0 to run on {@link #resources()}. */
  public int eventLoopThreads() {
    return eventLoopThreads;
  }

  /**
   * The former name of {@link #eventLoopThreads()}.
   *
   * @deprecated use {@link #eventLoopThreads()}, the name {@link BethResources.Builder} uses
   */
  @Deprecated
  public int ioThreads() {
    return eventLoopThreads;
  }

  /** The resources the client runs on, {@code null} for the shared default (or its own loops). */
  public BethResources resources() {
    return resources;
  }

  /** How {@code https} origins are reached: trust, client certificate, checks ({@link Tls}). */
  public Tls tls() {
    return tls;
  }

  /**
   * The trust material given as a factory, {@code null} otherwise.
   *
   * @deprecated use {@code tls().trustManagerFactory()}; trusted certificates are {@code
   *     tls().trustCertificates()}
   */
  @Deprecated
  public TrustManagerFactory trustManagerFactory() {
    return tls.trustManagerFactory();
  }

  /**
   * Client key material given as a factory, {@code null} otherwise.
   *
   * @deprecated use {@code tls().keyManagerFactory()}; a key and chain are {@code
   *     tls().privateKey()} and {@code tls().certificateChain()}
   */
  @Deprecated
  public KeyManagerFactory keyManagerFactory() {
    return tls.keyManagerFactory();
  }

  /**
   * Whether certificates and host names go unchecked (development only).
   *
   * @deprecated use {@code tls().insecure()}
   */
  @Deprecated
  public boolean insecure() {
    return tls.insecure();
  }

  /** The cookie store, {@code null} when cookies are not kept (the default). */
  public CookieStore cookieStore() {
    return cookieStore;
  }

  /**
   * Whether redirects of methods other than GET and HEAD are followed too (default false): see
   * {@link Builder#redirectUnsafeMethods}.
   */
  public boolean redirectUnsafeMethods() {
    return redirectUnsafeMethods;
  }

  /** The proxy requests go through, {@link ProxyOptions#direct()} by default. */
  public ProxyOptions proxy() {
    return proxy;
  }

  /**
   * The codecs that encode {@link ClientRequest.Builder#encodedBody} values and decode {@link
   * ClientResponse#decode} bodies; {@code null} for {@link Codecs#defaults()} (JSON through
   * Jackson, looked up only when a value is encoded or decoded).
   */
  public Codecs codecs() {
    return codecs;
  }

  /**
   * Timeout {@code d} named {@code name}, checked positive and kept at most {@link #LONGEST}
   * (timers count in nanoseconds); for the client's timeouts and a request's.
   */
  static Duration positive(Duration d, String name) {
    requireNonNull(d, name + " == null");
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
    return d.compareTo(LONGEST) > 0 ? LONGEST : d;
  }

  /** The longest timeout kept: about 292 years, every nanosecond of which a long can count. */
  private static final Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE);

  /** What the client speaks over TLS, for ALPN. */
  private static final List<String> SPOKEN = List.of("http/1.1");

  /** The defaults. */
  public static final HttpClientOptions DEFAULT = builder().build();

  /** Builds {@link HttpClientOptions}. Not thread-safe. */
  public static final class Builder {
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration poolAcquireTimeout = Duration.ofSeconds(30);
    private Duration requestTimeout;
    private Duration readIdleTimeout = Duration.ofSeconds(60);
    private Duration idleTimeout = Duration.ofSeconds(60);
    private int maxConnectionsPerHost = 20;
    private int maxConnections = 200;
    private boolean followRedirects = true;
    private int maxRedirects = 5;
    private boolean errorStatusFails = true;
    private int eventLoopThreads;
    private BethResources resources;
    private Tls tls = Tls.DEFAULT;
    private Tls.Builder tlsEdits; // the deprecated shorthands' changes to tls
    private CookieStore cookieStore;
    private boolean redirectUnsafeMethods;
    private ProxyOptions proxy = ProxyOptions.direct();
    private Codecs codecs;

    private Builder() {}

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    public Builder poolAcquireTimeout(Duration timeout) {
      this.poolAcquireTimeout = positive(timeout, "poolAcquireTimeout");
      return this;
    }

    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive(timeout, "requestTimeout");
      return this;
    }

    public Builder readIdleTimeout(Duration timeout) {
      this.readIdleTimeout = positive(timeout, "readIdleTimeout");
      return this;
    }

    public Builder idleTimeout(Duration timeout) {
      this.idleTimeout = positive(timeout, "idleTimeout");
      return this;
    }

    public Builder maxConnectionsPerHost(int max) {
      this.maxConnectionsPerHost = atLeastOne(max, "maxConnectionsPerHost");
      return this;
    }

    public Builder maxConnections(int max) {
      this.maxConnections = atLeastOne(max, "maxConnections");
      return this;
    }

    public Builder followRedirects(boolean follow) {
      this.followRedirects = follow;
      return this;
    }

    /**
     * Follows at most {@code max} redirects per call (default 5); a call sent one more fails with a
     * {@link TooManyRedirectsException} carrying that redirect response. 0 follows none: the first
     * redirect that would be followed fails the call ({@code followRedirects(false)} returns
     * redirects as responses instead).
     */
    public Builder maxRedirects(int max) {
      if (max < 0) {
        throw new IllegalArgumentException("maxRedirects < 0: " + max);
      }
      this.maxRedirects = max;
      return this;
    }

    public Builder errorStatusFails(boolean fails) {
      this.errorStatusFails = fails;
      return this;
    }

    /**
     * Event loops of the client's own, named {@code beth-http-client-io-*} and stopped by {@link
     * HttpClient#close()}; 0 (the default) runs on the resources' loops. Not with {@link
     * #resources}.
     */
    public Builder eventLoopThreads(int threads) {
      if (threads < 0) {
        throw new IllegalArgumentException("eventLoopThreads < 0: " + threads);
      }
      this.eventLoopThreads = threads;
      return this;
    }

    /**
     * The former name of {@link #eventLoopThreads}.
     *
     * @deprecated use {@link #eventLoopThreads(int)}, the name {@link BethResources.Builder} uses
     */
    @Deprecated
    public Builder ioThreads(int threads) {
      if (threads < 0) {
        throw new IllegalArgumentException("ioThreads < 0: " + threads);
      }
      return eventLoopThreads(threads);
    }

    /**
     * Runs the client on {@code resources} (event loops and blocking executor), which closing the
     * client leaves open; {@code null} (the default) for {@link BethResources#shared()}.
     */
    public Builder resources(BethResources resources) {
      this.resources = resources;
      return this;
    }

    /**
     * Reaches {@code https} origins with {@code tls} (default {@link Tls#DEFAULT}: the JDK's
     * default trust store, host names verified), replacing the TLS settings made before. Its ALPN
     * protocols may only be {@code http/1.1}.
     *
     * <pre>{@code
     * HttpClientOptions.builder()
     *     .tls(Tls.builder().trustCertificates(Path.of("ca.crt")).build())
     *     .build();
     * }</pre>
     */
    public Builder tls(Tls tls) {
      requireNonNull(tls, "tls == null");
      TlsContexts.checkClient(tls, "an HTTP client");
      TlsContexts.checkAlpn(tls, SPOKEN, "the HTTP client");
      this.tls = tls;
      this.tlsEdits = null;
      return this;
    }

    private Tls.Builder tlsEdits() {
      if (tlsEdits == null) {
        tlsEdits = tls.toBuilder();
      }
      return tlsEdits;
    }

    /**
     * Trusts exactly {@code certificates} (self-signed servers, a private CA) instead of the system
     * trust store; host names are still verified.
     *
     * @deprecated use {@code tls(Tls.builder().trustCertificates(certificates).build())}
     */
    @Deprecated
    public Builder trustCertificates(X509Certificate... certificates) {
      tlsEdits().trustCertificates(certificates);
      return this;
    }

    /**
     * Presents {@code key} with its certificate {@code chain} when a server asks (mutual TLS).
     *
     * @deprecated use {@code tls(Tls.builder().certificate(key, chain).build())}
     */
    @Deprecated
    public Builder clientCertificate(PrivateKey key, X509Certificate... chain) {
      tlsEdits().certificate(key, chain);
      return this;
    }

    /**
     * Trust material replacing the system trust store.
     *
     * @deprecated use {@code tls(Tls.builder().trustManagerFactory(factory).build())}
     */
    @Deprecated
    public Builder trustManagerFactory(TrustManagerFactory factory) {
      tlsEdits().trustManagerFactory(factory);
      return this;
    }

    /**
     * Client key material for mutual TLS.
     *
     * @deprecated use {@code tls(Tls.builder().keyManagerFactory(factory).build())}
     */
    @Deprecated
    public Builder keyManagerFactory(KeyManagerFactory factory) {
      tlsEdits().keyManagerFactory(factory);
      return this;
    }

    /**
     * Trusts every certificate and skips host-name checks. Development only.
     *
     * @deprecated use {@code tls(Tls.builder().insecure().build())}
     */
    @Deprecated
    public Builder insecure(boolean insecure) {
      tlsEdits().insecure(insecure);
      return this;
    }

    /**
     * Keeps cookies in {@code store}: those responses set are stored, and the matching ones are
     * sent with every request (after any {@code Cookie} header the request carries). {@code null}
     * (the default) keeps none. {@link InMemoryCookieStore#create()} follows RFC 6265.
     */
    public Builder cookieStore(CookieStore store) {
      this.cookieStore = store;
      return this;
    }

    /**
     * Also follows the redirects that repeat a method other than GET or HEAD: 307 and 308 after any
     * such method, 301 and 302 after methods other than POST; the body is sent again (a stream body
     * cannot be, and such a redirect is then returned as the response). Off by default. Whatever
     * this setting, 303 (and 301/302 after a POST) is followed with a GET without body.
     */
    public Builder redirectUnsafeMethods(boolean follow) {
      this.redirectUnsafeMethods = follow;
      return this;
    }

    /**
     * Sends requests through {@code proxy} (default {@link ProxyOptions#direct()}), except to the
     * hosts it bypasses. Pooled connections are kept per origin and proxy.
     */
    public Builder proxy(ProxyOptions proxy) {
      this.proxy = requireNonNull(proxy, "proxy == null");
      return this;
    }

    /**
     * Encodes request values and decodes response bodies with {@code codecs} (default {@link
     * Codecs#defaults()}): {@link ClientRequest.Builder#encodedBody} uses the first codec, {@link
     * ClientRequest.Builder#json} and {@link ClientResponse#json} the one that reads {@code
     * application/json} (Jackson if none does), {@link ClientResponse#decode} the one that reads
     * the response's {@code Content-Type}.
     */
    public Builder codecs(Codecs codecs) {
      this.codecs = requireNonNull(codecs, "codecs == null");
      return this;
    }

    /** The options; {@link #resources} with {@link #eventLoopThreads} fails. */
    public HttpClientOptions build() {
      if (resources != null && eventLoopThreads != 0) {
        throw new IllegalArgumentException(
            "eventLoopThreads makes event loops of the client's"
                + " own; with resources("
                + resources
                + "), set eventLoopThreads on"
                + " BethResources.builder()");
      }
      if (tlsEdits != null) {
        tls = tlsEdits.build();
        tlsEdits = null;
      }
      return new HttpClientOptions(this);
    }

    private static int atLeastOne(int n, String name) {
      if (n < 1) {
        throw new IllegalArgumentException(name + " < 1: " + n);
      }
      return n;
    }
  }
}
