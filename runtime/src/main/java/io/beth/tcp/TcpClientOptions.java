package io.beth.tcp;

import io.beth.transport.BethResources;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslContext;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a {@link TcpClient} connects. Immutable; build with {@link #builder()} or derive with
 * {@link #toBuilder()}.
 *
 * <p>Defaults: plain TCP, a 10 second connect timeout, 16 chunks buffered each way. With TLS the
 * client sends the host name (SNI) and verifies that the server's certificate matches it, unless
 * {@link Builder#hostnameVerification(boolean)} turns that off; {@link Builder#serverName(String)}
 * names another host to send and verify (to connect to an address but check a name). As with the
 * JDK, no SNI is sent for an IP literal or a name without a dot such as {@code localhost}. The
 * connection runs on the shared resources ({@link BethResources#shared()}) unless {@link
 * Builder#resources} names others.
 */
public final class TcpClientOptions {

  /** Plain TCP, 10 second connect timeout. */
  public static final TcpClientOptions DEFAULT = builder().build();

  private final Duration connectTimeout;
  private final SslContext sslContext;
  private final boolean hostnameVerification;
  private final String serverName;
  private final int inboundBuffer;
  private final int outboundBuffer;
  private final Consumer<? super Bootstrap> bootstrapHook;
  private final Consumer<? super ChannelPipeline> pipelineHook;
  private final BethResources resources;

  private TcpClientOptions(Builder b) {
    connectTimeout = b.connectTimeout;
    sslContext = b.sslContext;
    hostnameVerification = b.hostnameVerification;
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

  /** The client TLS context, or null for plain TCP. */
  public SslContext sslContext() {
    return sslContext;
  }

  /** Whether, with TLS, the server's certificate must match the host connected to. */
  public boolean hostnameVerification() {
    return hostnameVerification;
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
    private SslContext sslContext;
    private boolean hostnameVerification = true;
    private String serverName;
    private int inboundBuffer = 16;
    private int outboundBuffer = 16;
    private Consumer<? super Bootstrap> bootstrapHook = b -> {};
    private Consumer<? super ChannelPipeline> pipelineHook = p -> {};
    private BethResources resources;

    private Builder() {}

    private Builder(TcpClientOptions o) {
      connectTimeout = o.connectTimeout;
      sslContext = o.sslContext;
      hostnameVerification = o.hostnameVerification;
      serverName = o.serverName;
      inboundBuffer = o.inboundBuffer;
      outboundBuffer = o.outboundBuffer;
      bootstrapHook = o.bootstrapHook;
      pipelineHook = o.pipelineHook;
      resources = o.resources;
    }

    /**
     * Connects on {@code resources} (their event loops; the name lookup and the future's
     * completion on their blocking executor); {@code null} (the default) for {@link
     * BethResources#shared()}.
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
     * Connect with TLS using this client context (from {@code SslContextBuilder.forClient()}, with
     * its trust managers); null for plain TCP.
     */
    public Builder tls(SslContext sslContext) {
      if (sslContext != null && !sslContext.isClient()) {
        throw new IllegalArgumentException("a client needs a client SslContext, not a server one");
      }
      this.sslContext = sslContext;
      return this;
    }

    /** Whether, with TLS, the server certificate must match the host name (default true). */
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
      return new TcpClientOptions(this);
    }
  }
}
