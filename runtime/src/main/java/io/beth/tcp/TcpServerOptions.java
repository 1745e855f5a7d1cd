package io.beth.tcp;

import io.beth.transport.BethResources;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslContext;
import java.net.InetAddress;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * How a {@link TcpServer} listens. Immutable; build with {@link #builder()} or derive with
 * {@link #toBuilder()}.
 *
 * <p>Defaults: port 0 (a free port), all interfaces, no TLS, the shared resources ({@link
 * BethResources#shared()}), handlers called on the resources' blocking executor, 16 chunks
 * buffered each way per connection.
 */
public final class TcpServerOptions {

  /** Port 0 on all interfaces, plain TCP. */
  public static final TcpServerOptions DEFAULT = builder().build();

  private final int port;
  private final InetAddress bindAddress;
  private final SslContext sslContext;
  private final Executor handlerExecutor;
  private final BethResources resources;
  private final int inboundBuffer;
  private final int outboundBuffer;
  private final Consumer<? super ServerBootstrap> bootstrapHook;
  private final Consumer<? super ChannelPipeline> pipelineHook;

  private TcpServerOptions(Builder b) {
    this.port = b.port;
    this.bindAddress = b.bindAddress;
    this.sslContext = b.sslContext;
    this.handlerExecutor = b.handlerExecutor;
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

  /** The address to bind, or null for all interfaces. */
  public InetAddress bindAddress() {
    return bindAddress;
  }

  /** The server TLS context, or null for plain TCP. */
  public SslContext sslContext() {
    return sslContext;
  }

  /** Where handlers are called, or {@code null} for the resources' blocking executor. */
  public Executor handlerExecutor() {
    return handlerExecutor;
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

  /** Builds {@link TcpServerOptions}. */
  public static final class Builder {
    private int port;
    private InetAddress bindAddress;
    private SslContext sslContext;
    private Executor handlerExecutor;
    private BethResources resources;
    private int inboundBuffer = 16;
    private int outboundBuffer = 16;
    private Consumer<? super ServerBootstrap> bootstrapHook = b -> {};
    private Consumer<? super ChannelPipeline> pipelineHook = p -> {};

    private Builder() {}

    private Builder(TcpServerOptions o) {
      port = o.port;
      bindAddress = o.bindAddress;
      sslContext = o.sslContext;
      handlerExecutor = o.handlerExecutor;
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

    /** The address to bind; null for all interfaces. */
    public Builder bindAddress(InetAddress bindAddress) {
      this.bindAddress = bindAddress;
      return this;
    }

    /** Serve TLS with this server context (from {@code SslContextBuilder.forServer}); null: plain. */
    public Builder tls(SslContext sslContext) {
      if (sslContext != null && sslContext.isClient()) {
        throw new IllegalArgumentException("a server needs a server SslContext, not a client one");
      }
      this.sslContext = sslContext;
      return this;
    }

    /** Where handlers are called; the default may block. */
    public Builder handlerExecutor(Executor executor) {
      this.handlerExecutor = Objects.requireNonNull(executor, "executor == null");
      return this;
    }

    /**
     * Runs the server on {@code resources} (their event loops, blocking executor and timer), which
     * it leaves open when it stops; {@code null} (the default) for {@link BethResources#shared()}.
     */
    public Builder resources(BethResources resources) {
      this.resources = resources;
      return this;
    }

    /** Handlers never block: call them on the connection's event loop. */
    public Builder handlerRunsInline() {
      return handlerExecutor(Runnable::run);
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
