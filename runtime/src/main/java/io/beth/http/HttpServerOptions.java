package io.beth.http;

import io.beth.transport.BethResources;
import io.beth.transport.Tls;
import io.beth.transport.Transport;
import io.beth.transport.internal.LazySslContext;
import io.beth.transport.internal.TlsContexts;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslContext;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * How an {@link HttpServer} listens and what it accepts. Immutable; build with {@link #builder()},
 * derive with {@link #toBuilder()}. Every setting has a sensible default ({@link #DEFAULT}): a free
 * port on every interface, no TLS, no compression.
 *
 * <p>TLS: {@link Builder#tls} serves HTTPS with a {@link Tls} value holding the server's
 * certificate (and, for mutual TLS, the trusted client certificates and {@link Tls.ClientAuth});
 * its Netty context is built once, when the server starts.
 *
 * <p>Threads: a server given {@link Builder#resources} runs on those resources' event loops,
 * blocking executor and timer. Without, it runs on event loops of its own (named {@code
 * beth-http-io-*}; {@link #eventLoopThreads()} of them, on {@link #transport()}), which it stops
 * when it stops, with the shared default's blocking executor ({@link BethResources#shared()}).
 */
public final class HttpServerOptions {

  /** What the server speaks over TLS, for ALPN. */
  private static final List<String> SPOKEN = List.of("http/1.1");

  /** The defaults. */
  public static final HttpServerOptions DEFAULT = builder().build();

  private final String host;
  private final int port;
  private final Executor executor;
  private final BethResources resources;
  private final int eventLoopThreads;
  private final Transport transport;
  private final int maxInitialLineLength;
  private final int maxHeaderSize;
  private final int maxChunkSize;
  private final long maxBodySize;
  private final int inboundBuffer;
  private final Duration idleTimeout;
  private final Duration headerReadTimeout;
  private final boolean compression;
  private final int compressionMinSize;
  private final int compressionLevel;
  private final Predicate<String> compressible;
  private final boolean decompressRequests;
  private final Tls tls;
  private final LazySslContext sslContext;
  private final Consumer<ServerBootstrap> bootstrapHook;
  private final Consumer<ChannelPipeline> pipelineHook;
  private final boolean rawBodies;
  private final Predicate<HttpRequest> expectContinue;

  private HttpServerOptions(Builder b) {
    this.host = b.host;
    this.port = b.port;
    this.executor = b.executor;
    this.resources = b.resources;
    this.eventLoopThreads = b.eventLoopThreads;
    this.transport = b.transport;
    this.maxInitialLineLength = b.maxInitialLineLength;
    this.maxHeaderSize = b.maxHeaderSize;
    this.maxChunkSize = b.maxChunkSize;
    this.maxBodySize = b.maxBodySize;
    this.inboundBuffer = b.inboundBuffer;
    this.idleTimeout = b.idleTimeout;
    this.headerReadTimeout = b.headerReadTimeout;
    this.compression = b.compression;
    this.compressionMinSize = b.compressionMinSize;
    this.compressionLevel = b.compressionLevel;
    this.compressible = b.compressible;
    this.decompressRequests = b.decompressRequests;
    this.tls = b.tls;
    this.sslContext = LazySslContext.reuse(b.sslContext, b.tls, true);
    this.bootstrapHook = b.bootstrapHook;
    this.pipelineHook = b.pipelineHook;
    this.rawBodies = b.rawBodies;
    this.expectContinue = b.expectContinue;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The address to bind, or {@code null} for every interface. */
  public String host() {
    return host;
  }

  /** The port to bind; 0 picks a free one. */
  public int port() {
    return port;
  }

  /** Where blocking handlers run, or {@code null} for the resources' blocking executor. */
  public Executor executor() {
    return executor;
  }

  /** The resources the server runs on, or {@code null} for event loops of its own. */
  public BethResources resources() {
    return resources;
  }

  /**
   * Event-loop threads of a server without {@link #resources()}; 0 means Netty's default (twice the
   * processors).
   */
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

  /**
   * The transport of a server without {@link #resources()}, or {@code null} (the default) for
   * {@link Transport#configured()}: native epoll where available, unless a system property chooses.
   */
  public Transport transport() {
    return transport;
  }

  /**
   * Whether a server without {@link #resources()} uses the configured transport (true) or NIO.
   *
   * @deprecated use {@link #transport()}: {@code nativeTransport()} is {@code transport() !=
   *     Transport.NIO}
   */
  @Deprecated
  public boolean nativeTransport() {
    return transport != Transport.NIO;
  }

  /** Longest request line accepted; longer ones are answered 414. */
  public int maxInitialLineLength() {
    return maxInitialLineLength;
  }

  /** Largest request head (all header lines) accepted; larger ones are answered 431. */
  public int maxHeaderSize() {
    return maxHeaderSize;
  }

  /** Largest piece of body handed over at once. */
  public int maxChunkSize() {
    return maxChunkSize;
  }

  /** The default limit of {@link HttpRequest#bodyBytes()}: larger bodies fail with 413. */
  public long maxBodySize() {
    return maxBodySize;
  }

  /** How many request body chunks are buffered before the server stops reading (backpressure). */
  public int inboundBuffer() {
    return inboundBuffer;
  }

  /**
   * The former name of {@link #inboundBuffer()}.
   *
   * @deprecated use {@link #inboundBuffer()}, the name every options class uses
   */
  @Deprecated
  public int bodyBufferChunks() {
    return inboundBuffer;
  }

  /** A connection with no traffic and no exchange in flight for this long is closed. */
  public Duration idleTimeout() {
    return idleTimeout;
  }

  /** A request head must arrive within this time of its first byte, or it is answered 408. */
  public Duration headerReadTimeout() {
    return headerReadTimeout;
  }

  /** Whether responses are compressed (gzip, deflate) when the client accepts it. */
  public boolean compression() {
    return compression;
  }

  /** Bodies of known size below this are not compressed. */
  public int compressionMinSize() {
    return compressionMinSize;
  }

  /** The zlib level, 1 to 9. */
  public int compressionLevel() {
    return compressionLevel;
  }

  /** Whether a response of this content type (lower-case, without parameters) is compressed. */
  public Predicate<String> compressible() {
    return compressible;
  }

  /** Whether request bodies with {@code Content-Encoding} gzip or deflate are decoded. */
  public boolean decompressRequests() {
    return decompressRequests;
  }

  /** The TLS settings of an HTTPS server, or {@code null} for plain HTTP. */
  public Tls tls() {
    return tls;
  }

  /**
   * The Netty context of {@link #tls()} (built on the first call, then kept; the one given to
   * {@link Tls#of} as is), or {@code null} for plain HTTP. Fails with an {@link
   * IllegalArgumentException} saying why if the context cannot be built.
   */
  public SslContext sslContext() {
    return LazySslContext.get(sslContext);
  }

  /** Called with the bootstrap before binding, or {@code null}. */
  public Consumer<ServerBootstrap> bootstrapHook() {
    return bootstrapHook;
  }

  /** Called with each new connection's assembled pipeline, or {@code null}. */
  public Consumer<ChannelPipeline> pipelineHook() {
    return pipelineHook;
  }

  /** Whether request bodies stay Netty buffers (see {@link HttpRequest#rawBody()}). */
  public boolean rawBodies() {
    return rawBodies;
  }

  /** Decides an {@code Expect: 100-continue}: true sends 100 Continue, false answers 417. */
  public Predicate<HttpRequest> expectContinue() {
    return expectContinue;
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.host = host;
    b.port = port;
    b.executor = executor;
    b.resources = resources;
    b.eventLoopThreads = eventLoopThreads;
    b.transport = transport;
    b.maxInitialLineLength = maxInitialLineLength;
    b.maxHeaderSize = maxHeaderSize;
    b.maxChunkSize = maxChunkSize;
    b.maxBodySize = maxBodySize;
    b.inboundBuffer = inboundBuffer;
    b.idleTimeout = idleTimeout;
    b.headerReadTimeout = headerReadTimeout;
    b.compression = compression;
    b.compressionMinSize = compressionMinSize;
    b.compressionLevel = compressionLevel;
    b.compressible = compressible;
    b.decompressRequests = decompressRequests;
    b.tls = tls;
    b.sslContext = sslContext;
    b.bootstrapHook = bootstrapHook;
    b.pipelineHook = pipelineHook;
    b.rawBodies = rawBodies;
    b.expectContinue = expectContinue;
    return b;
  }

  /** The same as {@link #toBuilder()}. */
  public Builder newBuilder() {
    return toBuilder();
  }

  /**
   * The default compressible types: text, JSON, XML, JavaScript and SVG; never images, audio, video
   * or archives, which are compressed already.
   */
  public static boolean defaultCompressible(String contentType) {
    String type = contentType.toLowerCase(Locale.ROOT);
    return type.startsWith("text/")
        || type.equals("application/json")
        || type.endsWith("+json")
        || type.equals("application/xml")
        || type.endsWith("+xml")
        || type.equals("application/javascript")
        || type.equals("application/x-ndjson")
        || type.equals("image/svg+xml");
  }

  /** Builds {@link HttpServerOptions}; not thread-safe. */
  public static final class Builder {
    private String host;
    private int port;
    private Executor executor;
    private BethResources resources;
    private int eventLoopThreads;
    private Transport transport;
    private int maxInitialLineLength = 4096;
    private int maxHeaderSize = 8192;
    private int maxChunkSize = 16384;
    private long maxBodySize = HttpRequest.DEFAULT_BODY_LIMIT;
    private int inboundBuffer = 16;
    private Duration idleTimeout = Duration.ofSeconds(60);
    private Duration headerReadTimeout = Duration.ofSeconds(10);
    private boolean compression;
    private int compressionMinSize = 1024;
    private int compressionLevel = 6;
    private Predicate<String> compressible = HttpServerOptions::defaultCompressible;
    private boolean decompressRequests = true;
    private Tls tls;
    private LazySslContext sslContext;
    private Consumer<ServerBootstrap> bootstrapHook;
    private Consumer<ChannelPipeline> pipelineHook;
    private boolean rawBodies;
    private Predicate<HttpRequest> expectContinue = request -> true;

    Builder() {}

    /** The address to bind, or {@code null} (the default) for every interface. */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** The port; 0 (the default) picks a free one, reported by {@link HttpServer#address()}. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Where blocking handlers run; by default the resources' blocking executor (virtual threads on
     * Java 21+, a pool before).
     */
    public Builder executor(Executor executor) {
      this.executor = executor;
      return this;
    }

    /**
     * Runs the server on {@code resources} (their event loops, blocking executor and timer), which
     * it leaves open when it stops; {@code null} (the default) for event loops of its own. Not with
     * {@link #eventLoopThreads} or {@link #transport}: those shape loops of its own.
     */
    public Builder resources(BethResources resources) {
      this.resources = resources;
      return this;
    }

    /**
     * Without resources: how many event loops of its own (0, the default, is twice the processors).
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
    public Builder ioThreads(int ioThreads) {
      if (ioThreads < 0) {
        throw new IllegalArgumentException("ioThreads < 0: " + ioThreads);
      }
      return eventLoopThreads(ioThreads);
    }

    /**
     * Without resources: the transport of its event loops; {@code null} (the default) for {@link
     * Transport#configured()}, epoll where available.
     */
    public Builder transport(Transport transport) {
      this.transport = transport;
      return this;
    }

    /**
     * Without resources: the configured transport (true, the default), or NIO.
     *
     * @deprecated use {@link #transport(Transport)}: {@code nativeTransport(false)} is {@code
     *     transport(Transport.NIO)}, {@code nativeTransport(true)} is {@code transport(null)}
     */
    @Deprecated
    public Builder nativeTransport(boolean nativeTransport) {
      return transport(nativeTransport ? null : Transport.NIO);
    }

    public Builder maxInitialLineLength(int maxInitialLineLength) {
      this.maxInitialLineLength = positive(maxInitialLineLength, "maxInitialLineLength");
      return this;
    }

    public Builder maxHeaderSize(int maxHeaderSize) {
      this.maxHeaderSize = positive(maxHeaderSize, "maxHeaderSize");
      return this;
    }

    public Builder maxChunkSize(int maxChunkSize) {
      this.maxChunkSize = positive(maxChunkSize, "maxChunkSize");
      return this;
    }

    public Builder maxBodySize(long maxBodySize) {
      if (maxBodySize < 0) {
        throw new IllegalArgumentException("maxBodySize < 0: " + maxBodySize);
      }
      this.maxBodySize = maxBodySize;
      return this;
    }

    /** Request body chunks buffered before the server stops reading (default 16). */
    public Builder inboundBuffer(int chunks) {
      this.inboundBuffer = positive(chunks, "inboundBuffer");
      return this;
    }

    /**
     * The former name of {@link #inboundBuffer}.
     *
     * @deprecated use {@link #inboundBuffer(int)}, the name every options class uses
     */
    @Deprecated
    public Builder bodyBufferChunks(int bodyBufferChunks) {
      this.inboundBuffer = positive(bodyBufferChunks, "bodyBufferChunks");
      return this;
    }

    public Builder idleTimeout(Duration idleTimeout) {
      this.idleTimeout = positive(idleTimeout, "idleTimeout");
      return this;
    }

    public Builder headerReadTimeout(Duration headerReadTimeout) {
      this.headerReadTimeout = positive(headerReadTimeout, "headerReadTimeout");
      return this;
    }

    public Builder compression(boolean compression) {
      this.compression = compression;
      return this;
    }

    public Builder compressionMinSize(int compressionMinSize) {
      if (compressionMinSize < 0) {
        throw new IllegalArgumentException("compressionMinSize < 0: " + compressionMinSize);
      }
      this.compressionMinSize = compressionMinSize;
      return this;
    }

    public Builder compressionLevel(int compressionLevel) {
      if (compressionLevel < 1 || compressionLevel > 9) {
        throw new IllegalArgumentException("compressionLevel not in 1..9: " + compressionLevel);
      }
      this.compressionLevel = compressionLevel;
      return this;
    }

    public Builder compressible(Predicate<String> compressible) {
      this.compressible = Objects.requireNonNull(compressible, "compressible == null");
      return this;
    }

    public Builder decompressRequests(boolean decompressRequests) {
      this.decompressRequests = decompressRequests;
      return this;
    }

    /**
     * Serves HTTPS with {@code tls}, which must hold the server's certificate; {@code null} (the
     * default) for plain HTTP. Its ALPN protocols may only be {@code http/1.1}.
     *
     * <pre>{@code
     * HttpServerOptions.builder()
     *     .tls(Tls.builder().certificate(Path.of("server.crt"), Path.of("server.key")).build())
     *     .build();
     * }</pre>
     */
    public Builder tls(Tls tls) {
      TlsContexts.checkServer(tls, "an HTTPS server");
      TlsContexts.checkAlpn(tls, SPOKEN, "the HTTP server");
      this.tls = tls;
      return this;
    }

    /**
     * Serves HTTPS with {@code sslContext} (a server context); {@code null} for plain HTTP.
     *
     * @deprecated use {@link #tls(Tls)}: {@code sslContext(context)} is {@code
     *     tls(Tls.of(context))}
     */
    @Deprecated
    public Builder sslContext(SslContext sslContext) {
      if (sslContext != null && sslContext.isClient()) {
        throw new IllegalArgumentException("sslContext is a client context");
      }
      return tls(sslContext == null ? null : Tls.of(sslContext));
    }

    public Builder bootstrapHook(Consumer<ServerBootstrap> bootstrapHook) {
      this.bootstrapHook = bootstrapHook;
      return this;
    }

    public Builder pipelineHook(Consumer<ChannelPipeline> pipelineHook) {
      this.pipelineHook = pipelineHook;
      return this;
    }

    public Builder rawBodies(boolean rawBodies) {
      this.rawBodies = rawBodies;
      return this;
    }

    public Builder expectContinue(Predicate<HttpRequest> expectContinue) {
      this.expectContinue = Objects.requireNonNull(expectContinue, "expectContinue == null");
      return this;
    }

    /** The options; fails for {@link #resources} with {@link #eventLoopThreads} or transport. */
    public HttpServerOptions build() {
      if (resources != null && (eventLoopThreads != 0 || transport != null)) {
        throw new IllegalArgumentException(
            "eventLoopThreads and transport shape the event loops"
                + " of a server without resources; with resources("
                + resources
                + "), set them on"
                + " BethResources.builder()");
      }
      return new HttpServerOptions(this);
    }

    private static int positive(int value, String name) {
      if (value <= 0) {
        throw new IllegalArgumentException(name + " <= 0: " + value);
      }
      return value;
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name + " == null");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " <= 0: " + value);
      }
      return value;
    }
  }
}
