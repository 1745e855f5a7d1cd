package io.beth.tcp;

import io.beth.transport.BethResources;
import io.beth.transport.Tls;
import io.beth.transport.internal.LazySslContext;
import io.beth.transport.internal.TlsContexts;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslContext;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a {@link TcpClient} connects. Immutable; build with {@link #builder()} or derive with {@link
 * #toBuilder()}.
 *
 * <p>Defaults ({@link #DEFAULT}): plain TCP, a 10 second connect timeout, 16 chunks buffered each
 * way. With {@link Builder#tls(Tls)} ({@link Tls#DEFAULT} for the JDK's default trust) the client
 * sends the host name (SNI) and verifies that the server's certificate matches it, unless the
 * {@link Tls} value turns that off ({@link Tls.Builder#hostnameVerification}); {@link
 * Builder#serverName(String)} names another host to send and verify (to connect to an address but
 * check a name). As with the JDK, no SNI is sent for an IP literal or a name without a dot such as
 * {@code localhost}. The Netty context is built once per options object. The connection runs on the
 * shared resources ({@link BethResources#shared()}) unless {@link Builder#resources} names others.
 *
 * <pre>{@code
 * TcpClientOptions options = TcpClientOptions.builder()
 *     .tls(Tls.builder().trustCertificates(Path.of("ca.crt")).build())
 *     .build();
 * }</pre>
 */
public final class TcpClientOptions {

  /** Plain TCP, 10 second connect timeout. */
  public static final TcpClientOptions DEFAULT = builder().build();

  private final Duration connectTimeout;
  private final Tls tls;
  private final LazySslContext sslContext;
  private final String serverName;
  private final int inboundBuffer;
  private final int outboundBuffer;
  private final Consumer<? super Bootstrap> bootstrapHook;
  private final Consumer<? super ChannelPipeline> pipelineHook;
  private final BethResources resources;

  private TcpClientOptions(Builder b) {
    connectTimeout = b.connectTimeout;
    tls = b.tls;
    sslContext = LazySslContext.reuse(b.sslContext, b.tls, false);
    serverName = b.serverName;
    inboundBuffer = b.inboundBuffer;
    outboundBuffer = b.outboundBuffer;
    bootstrapHook = b.bootstrapHook;
    pipelineHook = b.pipelineHook;
    resources = b.resources;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** How long connecting may take. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** The TLS settings, or null for plain TCP. */
  public Tls tls() {
    return tls;
  }

  /**
   * The Netty context of {@link #tls()} (built on the first call, then kept; the one given to
   * {@link Tls#of} as is), or null for plain TCP. Fails with an {@link IllegalArgumentException}
   * saying why if the context cannot be built.
   */
  public SslContext sslContext() {
    return LazySslContext.get(sslContext);
  }

  /**
   * Whether, with TLS, the server's certificate must match the host connected to.
   *
   * @deprecated use {@code tls().hostnameVerification()}
   */
  @Deprecated
  public boolean hostnameVerification() {
    return tls == null || tls.hostnameVerification();
  }

  /** With TLS, the host name sent (SNI) and verified, or null for the host connected to. */
  public String serverName() {
    return serverName;
  }

  /** Chunks received and held before reading pauses. */
  public int inboundBuffer() {
    return inboundBuffer;
  }

  /** Messages accepted and held before puts wait. */
  public int outboundBuffer() {
    return outboundBuffer;
  }

  /** Called with the bootstrap before it connects. */
  public Consumer<? super Bootstrap> bootstrapHook() {
    return bootstrapHook;
  }

  /** Called with the pipeline after TLS and before the stream's handler. */
  public Consumer<? super ChannelPipeline> pipelineHook() {
    return pipelineHook;
  }

  /** The resources the connection runs on, or {@code null} for {@link BethResources#shared()}. */
  public BethResources resources() {
    return resources;
  }

  /** Builds {@link TcpClientOptions}. */
  public static final class Builder {
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Tls tls;
    private LazySslContext sslContext;
    private Boolean hostnameVerification; // the deprecated shorthand's, applied to tls by build()
    private String serverName;
    private int inboundBuffer = 16;
    private int outboundBuffer = 16;
    private Consumer<? super Bootstrap> bootstrapHook = b -> {};
    private Consumer<? super ChannelPipeline> pipelineHook = p -> {};
    private BethResources resources;

    private Builder() {}

    private Builder(TcpClientOptions o) {
      connectTimeout = o.connectTimeout;
      tls = o.tls;
      sslContext = o.sslContext;
      serverName = o.serverName;
      inboundBuffer = o.inboundBuffer;
      outboundBuffer = o.outboundBuffer;
      bootstrapHook = o.bootstrapHook;
      pipelineHook = o.pipelineHook;
      resources = o.resources;
    }

    /**
     * Connects on {@code resources} (their event loops; the name lookup and the future's completion
     * on their blocking executor); {@code null} (the default) for {@link BethResources#shared()}.
     */
    public Builder resources(BethResources resources) {
      this.resources = resources;
      return this;
    }

    /** How long connecting (not the TLS handshake) may take; positive. */
    public Builder connectTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout == null");
      if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("connect timeout out of range: " + timeout);
      }
      this.connectTimeout = timeout;
      return this;
    }

    /**
     * Connects with TLS as {@code tls} says ({@link Tls#DEFAULT}: the JDK's default trust, host
     * names verified); null (the default) for plain TCP.
     */
    public Builder tls(Tls tls) {
      this.tls = TlsContexts.checkClient(tls, "a TLS client");
      return this;
    }

    /**
     * Connects with TLS using this client context (from {@code SslContextBuilder.forClient()}, with
     * its trust managers), used as is: the same as {@code tls(Tls.of(sslContext))}; null for plain
     * TCP.
     */
    public Builder tls(SslContext sslContext) {
      if (sslContext != null && !sslContext.isClient()) {
        throw new IllegalArgumentException("a client needs a client SslContext, not a server one");
      }
      return tls(sslContext == null ? null : Tls.of(sslContext));
    }

    /**
     * Whether, with TLS, the server certificate must match the host name (default true); applied to
     * whichever {@link Tls} value the options end with.
     *
     * @deprecated use {@code tls(Tls.builder().hostnameVerification(false)...build())}, or {@code
     *     tls(Tls.of(context).toBuilder().hostnameVerification(false).build())}
     */
    @Deprecated
    public Builder hostnameVerification(boolean verify) {
      this.hostnameVerification = verify;
      return this;
    }

    /**
     * With TLS, the host name to send (SNI) and to verify the certificate against, instead of the
     * host connected to; null (the default) for that host.
     */
    public Builder serverName(String serverName) {
      if (serverName != null && serverName.isBlank()) {
        throw new IllegalArgumentException("serverName is blank");
      }
      this.serverName = serverName;
      return this;
    }

    /** Chunks received and held before reading pauses (at least 1). */
    public Builder inboundBuffer(int chunks) {
      this.inboundBuffer = TcpServerOptions.Builder.positive(chunks, "inboundBuffer");
      return this;
    }

    /** Messages accepted and held before puts wait (at least 1). */
    public Builder outboundBuffer(int messages) {
      this.outboundBuffer = TcpServerOptions.Builder.positive(messages, "outboundBuffer");
      return this;
    }

    /** Called with the bootstrap before it connects, to set Netty options. */
    public Builder bootstrapHook(Consumer<? super Bootstrap> hook) {
      this.bootstrapHook = Objects.requireNonNull(hook, "hook == null");
      return this;
    }

    /** Called with the pipeline after TLS and before the stream's handler. */
    public Builder pipelineHook(Consumer<? super ChannelPipeline> hook) {
      this.pipelineHook = Objects.requireNonNull(hook, "hook == null");
      return this;
    }

    /** The options. */
    public TcpClientOptions build() {
      if (tls != null
          && hostnameVerification != null
          && tls.hostnameVerification() != hostnameVerification) {
        tls = tls.toBuilder().hostnameVerification(hostnameVerification).build();
      }
      return new TcpClientOptions(this);
    }
  }
}
