package io.beth.transport.internal;

import io.beth.transport.Tls;
import io.netty.handler.ssl.SslContext;

/**
 * The Netty context of one {@link Tls} value on one side, built by {@link TlsContexts} on first use
 * and kept: an options object holds one, and hands it on to the options derived from it while their
 * TLS settings stay the same, so that a context is built once, not per connection.
 */
public final class LazySslContext {

  private final Tls tls;
  private final boolean server;
  private volatile SslContext context;

  private LazySslContext(Tls tls, boolean server) {
    this.tls = tls;
    this.server = server;
  }

  /** The server context of {@code tls}, or null without TLS. */
  public static LazySslContext server(Tls tls) {
    return tls == null ? null : new LazySslContext(TlsContexts.checkServer(tls, "a server"), true);
  }

  /** The client context of {@code tls}, or null without TLS. */
  public static LazySslContext client(Tls tls) {
    return tls == null ? null : new LazySslContext(TlsContexts.checkClient(tls, "a client"), false);
  }

  /** {@code lazy} if it holds {@code tls}, else a new one for it on the same side. */
  public static LazySslContext reuse(LazySslContext lazy, Tls tls, boolean server) {
    if (lazy != null && lazy.tls == tls && lazy.server == server) {
      return lazy;
    }
    return server ? server(tls) : client(tls);
  }

  /** The settings. */
  public Tls tls() {
    return tls;
  }

  /**
   * The context, built on the first call; fails with an {@link IllegalArgumentException} that says
   * why if it cannot be built (a missing file, a key that does not parse), then again on every
   * call.
   */
  public SslContext get() {
    SslContext c = context;
    if (c == null) {
      synchronized (this) {
        c = context;
        if (c == null) {
          context = c = server ? TlsContexts.server(tls) : TlsContexts.client(tls);
        }
      }
    }
    return c;
  }

  /** {@code lazy}'s context, or null for no TLS. */
  public static SslContext get(LazySslContext lazy) {
    return lazy == null ? null : lazy.get();
  }
}
