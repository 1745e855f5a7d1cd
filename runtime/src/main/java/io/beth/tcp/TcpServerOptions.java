package io.beth.tcp;

import io.beth.transport.BethResources;
import io.beth.transport.Tls;
import io.beth.transport.internal.LazySslContext;
import io.beth.transport.internal.TlsContexts;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * How a {@link TcpServer} listens. Immutable; build with {@link #builder()} or derive with {@link
 * #toBuilder()}.
 *
 * <p>Defaults ({@link #DEFAULT}): port 0 (a free port), all interfaces, no TLS, the shared
 * resources ({@link BethResources#shared()}), handlers called on the resources' blocking executor,
 * 16 chunks buffered each way per connection. With {@link Builder#tls(Tls)} every connection is
 * TLS, with a Netty context built once, when the server starts.
 */
public final class TcpServerOptions {

  /** Port 0 on all interfaces, plain TCP. */
  public static final TcpServerOptions DEFAULT = builder().build();

  private final int port;
  private final String host;
  private final Tls tls;
  private final LazySslContext sslContext;
  private final Executor executor;
  private final BethResources resources;
  private final int inboundBuffer;
  private final int outboundBuffer;
  private final Consumer<? super ServerBootstrap> bootstrapHook;
  private final Consumer<? super ChannelPipeline> pipelineHook;

  private TcpServerOptions(Builder b) {
    this.port = b.port;
    this.host = b.host;
    this.tls = b.tls;
    this.sslContext = LazySslContext.reuse(b.sslContext, b.tls, true);
    this.executor = b.executor;
    this.resources = b.resources;
    this.inboundBuffer = b.inboundBuffer;
    this.outboundBuffer = b.outboundBuffer;
    this.bootstrapHook = b.bootstrapHook;
    this.pipelineHook = b.pipelineHook;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The port to listen on; 0 picks a free one. */
  public int port() {
    return port;
  }

  /** The address or host name to bind, or null for all interfaces. */
  public String host() {
    return host;
  }

  /**
   * The address to bind, or null for all interfaces.
   *
   * @deprecated use {@link #host()}, the name every server's options use
   */
  @Deprecated
  public InetAddress bindAddress() {
    return address(host);
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

  /** Where handlers are called, or {@code null} for the resources' blocking executor. */
  public Executor executor() {
    return executor;
  }

  /**
   * The former name of {@link #executor()}.
   *
   * @deprecated use {@link #executor()}, the name every server's options use
   */
  @Deprecated
  public Executor handlerExecutor() {
    return executor;
  }

  /** The resources the server runs on, or {@code null} for {@link BethResources#shared()}. */
  public BethResources resources() {
    return resources;
  }

  /** Chunks received and held per connection before reading pauses. */
  public int inboundBuffer() {
    return inboundBuffer;
  }

  /** Messages accepted and held per connection before puts wait. */
  public int outboundBuffer() {
    return outboundBuffer;
  }

  /** Called with the server bootstrap before it binds. */
  public Consumer<? super ServerBootstrap> bootstrapHook() {
    return bootstrapHook;
  }

  /** Called with each connection's pipeline after TLS and before the stream's handler. */
  public Consumer<? super ChannelPipeline> pipelineHook() {
    return pipelineHook;
  }

  /** The address of {@code host} (a literal is not looked up), or null for null. */
  static InetAddress address(String host) {
    if (host == null) {
      return null;
    }
    try {
      return InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("cannot resolve the bind host " + host, e);
    }
  }

  /** Builds {@link TcpServerOptions}. */
  public static final class Builder {
    private int port;
    private String host;
    private Tls tls;
    private LazySslContext sslContext;
    private Executor executor;
    private BethResources resources;
    private int inboundBuffer = 16;
    private int outboundBuffer = 16;
    private Consumer<? super ServerBootstrap> bootstrapHook = b -> {};
    private Consumer<? super ChannelPipeline> pipelineHook = p -> {};

    private Builder() {}

    private Builder(TcpServerOptions o) {
      port = o.port;
      host = o.host;
      tls = o.tls;
      sslContext = o.sslContext;
      executor = o.executor;
      resources = o.resources;
      inboundBuffer = o.inboundBuffer;
      outboundBuffer = o.outboundBuffer;
      bootstrapHook = o.bootstrapHook;
      pipelineHook = o.pipelineHook;
    }

    /** The port, 0 to 65535; 0 picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * The address or host name to bind (a name is looked up when the server starts); null (the
     * default) for all interfaces.
     */
    public Builder host(String host) {
      if (host != null && host.isBlank()) {
        throw new IllegalArgumentException("host is blank");
      }
      this.host = host;
      return this;
    }

    /**
     * The address to bind; null for all interfaces.
     *
     * @deprecated use {@link #host(String)}: {@code bindAddress(address)} is {@code
     *     host(address.getHostAddress())}
     */
    @Deprecated
    public Builder bindAddress(InetAddress bindAddress) {
      return host(bindAddress == null ? null : bindAddress.getHostAddress());
    }

    /**
     * Serves TLS with {@code tls}, which must hold the server's certificate; null (the default) for
     * plain TCP.
     *
     * <pre>{@code
     * TcpServerOptions.builder()
     *     .tls(Tls.builder().certificate(Path.of("server.crt"), Path.of("server.key")).build())
     *     .build();
     * }</pre>
     */
    public Builder tls(Tls tls) {
      this.tls = TlsContexts.checkServer(tls, "a TLS server");
      return this;
    }

    /**
     * Serves TLS with this server context (from {@code SslContextBuilder.forServer}), used as is:
     * the same as {@code tls(Tls.of(sslContext))}; null for plain TCP.
     */
    public Builder tls(SslContext sslContext) {
      if (sslContext != null && sslContext.isClient()) {
        throw new IllegalArgumentException("a server needs a server SslContext, not a client one");
      }
      return tls(sslContext == null ? null : Tls.of(sslContext));
    }

    /**
     * Where handlers are called; {@code null} (the default) for the resources' blocking executor,
     * where a handler may block.
     */
    public Builder executor(Executor executor) {
      this.executor = executor;
      return this;
    }

    /**
     * Where handlers are called; the default may block.
     *
     * @deprecated use {@link #executor(Executor)}, the name every server's options use
     */
    @Deprecated
    public Builder handlerExecutor(Executor executor) {
      return executor(Objects.requireNonNull(executor, "executor == null"));
    }

    /**
     * Runs the server on {@code resources} (their event loops, blocking executor and timer), which
     * it leaves open when it stops; {@code null} (the default) for {@link BethResources#shared()}.
     */
    public Builder resources(BethResources resources) {
      this.resources = resources;
      return this;
    }

    /** Handlers never block: call them on the connection's event loop ({@code executor}). */
    public Builder handlerRunsInline() {
      return executor(Runnable::run);
    }

    /** Chunks received and held per connection before reading pauses (at least 1). */
    public Builder inboundBuffer(int chunks) {
      this.inboundBuffer = positive(chunks, "inboundBuffer");
      return this;
    }

    /** Messages accepted and held per connection before puts wait (at least 1). */
    public Builder outboundBuffer(int messages) {
      this.outboundBuffer = positive(messages, "outboundBuffer");
      return this;
    }

    /** Called with the server bootstrap before it binds, to set Netty options. */
    public Builder bootstrapHook(Consumer<? super ServerBootstrap> hook) {
      this.bootstrapHook = Objects.requireNonNull(hook, "hook == null");
      return this;
    }

    /** Called with each connection's pipeline after TLS and before the stream's handler. */
    public Builder pipelineHook(Consumer<? super ChannelPipeline> hook) {
      this.pipelineHook = Objects.requireNonNull(hook, "hook == null");
      return this;
    }

    /** The options. */
    public TcpServerOptions build() {
      return new TcpServerOptions(this);
    }

    static int positive(int n, String name) {
      if (n < 1) {
        throw new IllegalArgumentException(name + " < 1: " + n);
      }
      return n;
    }
  }
}
