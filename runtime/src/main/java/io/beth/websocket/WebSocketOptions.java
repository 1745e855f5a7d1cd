package io.beth.websocket;

import io.beth.http.HttpHeaders;
import io.beth.transport.BethResources;
import io.beth.transport.Tls;
import io.beth.transport.internal.LazySslContext;
import io.beth.transport.internal.TlsContexts;
import io.netty.bootstrap.Bootstrap;
import io.netty.handler.ssl.SslContext;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Settings of a WebSocket, for both {@link WebSocketClient#connect} and {@link WebSockets#upgrade}.
 * Frame and message limits, compression, heartbeat and close timeout apply to both sides; the
 * headers are the request's on a client and extra response headers on a server; the origin check is
 * the server's; TLS, connect timeouts, the bootstrap hook and the resources are the client's (a
 * server's socket runs on its HTTP server's, and its TLS is that server's). Immutable; build with
 * {@link #builder()}, derive with {@link #toBuilder()}.
 *
 * <p>TLS: a {@code wss://} client connects as {@link Builder#tls} says, by default {@link
 * Tls#DEFAULT} (the JDK's default trust, host names verified); its Netty context is built once per
 * options object, on the first {@code wss://} connect.
 */
public final class WebSocketOptions {

  /** What a WebSocket speaks over TLS, for ALPN. */
  private static final List<String> SPOKEN = List.of("http/1.1");

  /** The defaults. */
  public static final WebSocketOptions DEFAULT = builder().build();

  private final int maxFrameSize;
  private final int maxMessageSize;
  private final boolean compression;
  private final Duration heartbeatInterval;
  private final Duration pongTimeout;
  private final Duration closeTimeout;
  private final int inboundBuffer;
  private final int outboundBuffer;
  private final List<String> subprotocols;
  private final HttpHeaders headers;
  private final Predicate<String> originCheck;
  private final Tls tls;
  private final LazySslContext sslContext;
  private final Duration connectTimeout;
  private final Duration handshakeTimeout;
  private final Consumer<Bootstrap> bootstrapHook;
  private final BethResources resources;

  private WebSocketOptions(Builder b) {
    maxFrameSize = b.maxFrameSize;
    maxMessageSize = b.maxMessageSize;
    compression = b.compression;
    heartbeatInterval = b.heartbeatInterval;
    pongTimeout = b.pongTimeout;
    closeTimeout = b.closeTimeout;
    inboundBuffer = b.inboundBuffer;
    outboundBuffer = b.outboundBuffer;
    subprotocols = b.subprotocols;
    headers = b.headers;
    originCheck = b.originCheck;
    tls = b.tls;
    sslContext = LazySslContext.reuse(b.sslContext, b.tls, false);
    connectTimeout = b.connectTimeout;
    handshakeTimeout = b.handshakeTimeout;
    bootstrapHook = b.bootstrapHook;
    resources = b.resources;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The largest frame payload accepted (default 1 MiB); a larger frame closes with 1009. */
  public int maxFrameSize() {
    return maxFrameSize;
  }

  /**
   * The largest message accepted, whether one frame or aggregated fragments (default 1 MiB; also
   * bounds inflation under compression); a larger one closes with 1009.
   */
  public int maxMessageSize() {
    return maxMessageSize;
  }

  /** Whether {@code permessage-deflate} is offered (client) or accepted (server); default off. */
  public boolean compression() {
    return compression;
  }

  /** Interval of heartbeat pings, or {@link Duration#ZERO} for none (the default). */
  public Duration heartbeatInterval() {
    return heartbeatInterval;
  }

  /**
   * How long a heartbeat ping may wait for a pong before the peer counts as dead (default 10 s).
   */
  public Duration pongTimeout() {
    return pongTimeout;
  }

  /** How long to wait for the peer's close frame after sending ours (default 5 s). */
  public Duration closeTimeout() {
    return closeTimeout;
  }

  /** Messages received and held before reading pauses (default 16). */
  public int inboundBuffer() {
    return inboundBuffer;
  }

  /** Messages accepted and held before puts wait (default 16). */
  public int outboundBuffer() {
    return outboundBuffer;
  }

  /**
   * Messages buffered in each direction: the {@link #inboundBuffer()}.
   *
   * @deprecated use {@link #inboundBuffer()} and {@link #outboundBuffer()}, the names every options
   *     class uses
   */
  @Deprecated
  public int bufferSize() {
    return inboundBuffer;
  }

  /** Subprotocols, in preference order: offered by a client, supported by a server. */
  public List<String> subprotocols() {
    return subprotocols;
  }

  /** Extra headers: of the handshake request (client) or of the 101 response (server). */
  public HttpHeaders headers() {
    return headers;
  }

  /** Server: accepts the {@code Origin} header (null when absent); a refusal answers 403. */
  public Predicate<String> originCheck() {
    return originCheck;
  }

  /** Client: the TLS settings of {@code wss://} connections (default {@link Tls#DEFAULT}). */
  public Tls tls() {
    return tls;
  }

  /**
   * Client: the Netty context of {@link #tls()} for {@code wss://}, built on the first call, then
   * kept (the one given to {@link Tls#of} as is; one shared by every client of {@link
   * Tls#DEFAULT}). Fails with an {@link IllegalArgumentException} saying why if it cannot be built.
   */
  public SslContext sslContext() {
    return sslContext.get();
  }

  /** Client: TCP connect timeout (default 10 s). */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** Client: opening handshake timeout, from connect to the 101 (default 10 s). */
  public Duration handshakeTimeout() {
    return handshakeTimeout;
  }

  /**
   * Client: called with the Netty bootstrap before it connects (socket options, for example), or
   * {@code null}.
   */
  public Consumer<Bootstrap> bootstrapHook() {
    return bootstrapHook;
  }

  /** Client: the resources it connects on, or {@code null} for {@link BethResources#shared()}. */
  public BethResources resources() {
    return resources;
  }

  /** A builder initialised with these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxFrameSize = maxFrameSize;
    b.maxMessageSize = maxMessageSize;
    b.compression = compression;
    b.heartbeatInterval = heartbeatInterval;
    b.pongTimeout = pongTimeout;
    b.closeTimeout = closeTimeout;
    b.inboundBuffer = inboundBuffer;
    b.outboundBuffer = outboundBuffer;
    b.subprotocols = subprotocols;
    b.headers = headers;
    b.originCheck = originCheck;
    b.tls = tls;
    b.sslContext = sslContext;
    b.connectTimeout = connectTimeout;
    b.handshakeTimeout = handshakeTimeout;
    b.bootstrapHook = bootstrapHook;
    b.resources = resources;
    return b;
  }

  /** Builds {@link WebSocketOptions}; not thread-safe. */
  public static final class Builder {
    private int maxFrameSize = 1 << 20;
    private int maxMessageSize = 1 << 20;
    private boolean compression;
    private Duration heartbeatInterval = Duration.ZERO;
    private Duration pongTimeout = Duration.ofSeconds(10);
    private Duration closeTimeout = Duration.ofSeconds(5);
    private int inboundBuffer = 16;
    private int outboundBuffer = 16;
    private List<String> subprotocols = List.of();
    private HttpHeaders headers = HttpHeaders.EMPTY;
    private Predicate<String> originCheck = origin -> true;
    private Tls tls = Tls.DEFAULT;
    private LazySslContext sslContext;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration handshakeTimeout = Duration.ofSeconds(10);
    private Consumer<Bootstrap> bootstrapHook;
    private BethResources resources;

    Builder() {}

    /** See {@link WebSocketOptions#maxFrameSize()}. */
    public Builder maxFrameSize(int bytes) {
      maxFrameSize = positive(bytes, "maxFrameSize");
      return this;
    }

    /** See {@link WebSocketOptions#maxMessageSize()}. */
    public Builder maxMessageSize(int bytes) {
      maxMessageSize = positive(bytes, "maxMessageSize");
      return this;
    }

    /** See {@link WebSocketOptions#compression()}. */
    public Builder compression(boolean enabled) {
      compression = enabled;
      return this;
    }

    /** See {@link WebSocketOptions#heartbeatInterval()}. */
    public Builder heartbeat(Duration interval, Duration pongTimeout) {
      this.heartbeatInterval = notNegative(interval, "interval");
      this.pongTimeout = notNegative(pongTimeout, "pongTimeout");
      return this;
    }

    /** See {@link WebSocketOptions#closeTimeout()}. */
    public Builder closeTimeout(Duration timeout) {
      closeTimeout = notNegative(timeout, "timeout");
      return this;
    }

    /** See {@link WebSocketOptions#inboundBuffer()}; at least 1. */
    public Builder inboundBuffer(int messages) {
      inboundBuffer = positive(messages, "inboundBuffer");
      return this;
    }

    /** See {@link WebSocketOptions#outboundBuffer()}; at least 1. */
    public Builder outboundBuffer(int messages) {
      outboundBuffer = positive(messages, "outboundBuffer");
      return this;
    }

    /**
     * Messages buffered in each direction (default 16).
     *
     * @deprecated use {@link #inboundBuffer(int)} and {@link #outboundBuffer(int)}: {@code
     *     bufferSize(n)} sets both to {@code n}
     */
    @Deprecated
    public Builder bufferSize(int messages) {
      inboundBuffer = positive(messages, "bufferSize");
      outboundBuffer = inboundBuffer;
      return this;
    }

    /** See {@link WebSocketOptions#subprotocols()}. */
    public Builder subprotocols(String... subprotocols) {
      this.subprotocols = List.of(subprotocols);
      return this;
    }

    /** See {@link WebSocketOptions#headers()}. */
    public Builder headers(HttpHeaders headers) {
      this.headers = Objects.requireNonNull(headers, "headers == null");
      return this;
    }

    /** See {@link WebSocketOptions#originCheck()}. */
    public Builder originCheck(Predicate<String> originCheck) {
      this.originCheck = Objects.requireNonNull(originCheck, "originCheck == null");
      return this;
    }

    /**
     * Client: connects {@code wss://} as {@code tls} says (default {@link Tls#DEFAULT}); its ALPN
     * protocols may only be {@code http/1.1}.
     *
     * <pre>{@code
     * WebSocketOptions.builder()
     *     .tls(Tls.builder().trustCertificates(Path.of("ca.crt")).build())
     *     .build();
     * }</pre>
     */
    public Builder tls(Tls tls) {
      Objects.requireNonNull(tls, "tls == null");
      TlsContexts.checkClient(tls, "a WebSocket client");
      TlsContexts.checkAlpn(tls, SPOKEN, "a WebSocket client");
      this.tls = tls;
      return this;
    }

    /**
     * Client: the TLS context for {@code wss://}, used as is; must be a client context; {@code
     * null} for the JDK's default trust.
     *
     * @deprecated use {@link #tls(Tls)}: {@code sslContext(context)} is {@code
     *     tls(Tls.of(context))}, {@code sslContext(null)} is {@code tls(Tls.DEFAULT)}
     */
    @Deprecated
    public Builder sslContext(SslContext sslContext) {
      if (sslContext != null && !sslContext.isClient()) {
        throw new IllegalArgumentException("sslContext must be a client context");
      }
      return tls(sslContext == null ? Tls.DEFAULT : Tls.of(sslContext));
    }

    /** See {@link WebSocketOptions#connectTimeout()}. */
    public Builder connectTimeout(Duration timeout) {
      connectTimeout = notNegative(timeout, "timeout");
      return this;
    }

    /** See {@link WebSocketOptions#handshakeTimeout()}. */
    public Builder handshakeTimeout(Duration timeout) {
      handshakeTimeout = notNegative(timeout, "timeout");
      return this;
    }

    /** See {@link WebSocketOptions#bootstrapHook()}. */
    public Builder bootstrapHook(Consumer<Bootstrap> hook) {
      bootstrapHook = hook;
      return this;
    }

    /** See {@link WebSocketOptions#resources()}. */
    public Builder resources(BethResources resources) {
      this.resources = resources;
      return this;
    }

    /** The options. */
    public WebSocketOptions build() {
      return new WebSocketOptions(this);
    }

    private static int positive(int value, String name) {
      if (value <= 0) {
        throw new IllegalArgumentException(name + " must be positive: " + value);
      }
      return value;
    }

    private static Duration notNegative(Duration value, String name) {
      Objects.requireNonNull(value, name + " == null");
      if (value.isNegative()) {
        throw new IllegalArgumentException(name + " is negative: " + value);
      }
      return value;
    }
  }
}
