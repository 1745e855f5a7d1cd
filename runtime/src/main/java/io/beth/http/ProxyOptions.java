package io.beth.http;

import static java.util.Objects.requireNonNull;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How an {@link HttpClient} reaches origins: directly, through an HTTP forward proxy ({@code http}
 * requests in absolute form, {@code https} through a {@code CONNECT} tunnel), or through a SOCKS5
 * proxy (a tunnel for both). Immutable; {@link #http}, {@link #socks5} and {@link #toBuilder()}
 * give builders. Set it on {@link HttpClientOptions.Builder#proxy} or per request with {@link
 * ClientRequest.Builder#proxy}.
 *
 * <pre>{@code
 * ProxyOptions proxy = ProxyOptions.http("proxy.internal", 3128)
 *     .credentials("alice", "secret")          // Proxy-Authorization: Basic, or SOCKS5 login
 *     .nonProxyHosts("intranet.example", "*.corp.example")
 *     .build();
 * }</pre>
 *
 * <p>Hosts that bypass the proxy: those named in {@link Builder#nonProxyHosts} (exact names,
 * case-insensitive, or {@code *.suffix} for every name below {@code suffix}) and, unless {@link
 * Builder#bypassLoopback} is switched off, loopback hosts ({@code localhost}, {@code *.localhost},
 * {@code 127.0.0.0/8}, {@code ::1}). Host names of proxied requests are resolved by the proxy, not
 * by the client.
 *
 * <p>Failures: a proxy that refuses the connection, answers 407, rejects the credentials, answers
 * {@code CONNECT} with another status than 2xx or fails the SOCKS5 handshake fails the request with
 * {@link ProxyConnectException}; a tunnel not opened within the client's connect timeout fails it
 * with {@link ConnectTimeoutException}.
 */
public final class ProxyOptions {

  /** The kind of proxy. */
  public enum Type {
    /** No proxy: connections go straight to the origin. */
    DIRECT,
    /** An HTTP forward proxy (absolute-form requests, {@code CONNECT} for TLS). */
    HTTP,
    /** A SOCKS5 proxy (RFC 1928), with username/password authentication (RFC 1929) if set. */
    SOCKS5
  }

  private static final ProxyOptions DIRECT =
      new ProxyOptions(Type.DIRECT, null, 0, null, null, List.of(), true);

  /** The default: no proxy, {@link #direct()}. */
  public static final ProxyOptions DEFAULT = DIRECT;

  private final Type type;
  private final String host;
  private final int port;
  private final String username;
  private final String password;
  private final List<String> nonProxyHosts;
  private final boolean bypassLoopback;

  private ProxyOptions(
      Type type,
      String host,
      int port,
      String username,
      String password,
      List<String> nonProxyHosts,
      boolean bypassLoopback) {
    this.type = type;
    this.host = host;
    this.port = port;
    this.username = username;
    this.password = password;
    this.nonProxyHosts = nonProxyHosts;
    this.bypassLoopback = bypassLoopback;
  }

  /** No proxy (the client's default); per request it overrides a client's proxy. */
  public static ProxyOptions direct() {
    return DIRECT;
  }

  /** A builder of an HTTP forward proxy at {@code host:port}. */
  public static Builder http(String host, int port) {
    return new Builder(Type.HTTP, host, port);
  }

  /** A builder of a SOCKS5 proxy at {@code host:port}. */
  public static Builder socks5(String host, int port) {
    return new Builder(Type.SOCKS5, host, port);
  }

  public Type type() {
    return type;
  }

  /** The proxy's host, {@code null} when {@link #isDirect()}. */
  public String host() {
    return host;
  }

  /** The proxy's port, 0 when {@link #isDirect()}. */
  public int port() {
    return port;
  }

  /** The user name to authenticate with, {@code null} for none. */
  public String username() {
    return username;
  }

  /** The password to authenticate with, {@code null} for none. */
  public String password() {
    return password;
  }

  /** The patterns of hosts reached directly: exact names and {@code *.suffix} wildcards. */
  public List<String> nonProxyHosts() {
    return nonProxyHosts;
  }

  /** Whether loopback hosts are reached directly (default true). */
  public boolean bypassLoopback() {
    return bypassLoopback;
  }

  public boolean isDirect() {
    return type == Type.DIRECT;
  }

  /**
   * Whether a request to {@code host} (a URI's host, IPv6 literals with or without brackets) goes
   * through this proxy: false when direct, for a non-proxy host, or for loopback when bypassed.
   */
  public boolean appliesTo(String host) {
    requireNonNull(host, "host == null");
    if (isDirect()) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    if (bypassLoopback && isLoopback(h)) {
      return false;
    }
    for (String pattern : nonProxyHosts) {
      if (pattern.equals("*")
          || pattern.equals(h)
          || (pattern.startsWith("*.") && h.endsWith(pattern.substring(1)))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLoopback(String h) {
    if (h.equals("localhost") || h.endsWith(".localhost")) {
      return true;
    }
    if (NetUtil.isValidIpV4Address(h)) {
      return h.startsWith("127.");
    }
    if (NetUtil.isValidIpV6Address(h)) {
      InetAddress address = NetUtil.createInetAddressFromIpAddressString(h);
      return address != null && address.isLoopbackAddress();
    }
    return false;
  }

  /** A builder holding these options (not for {@link #direct()}, which has nothing to set). */
  public Builder toBuilder() {
    if (isDirect()) {
      throw new IllegalStateException("direct() has no settings to change");
    }
    Builder b = new Builder(type, host, port);
    b.username = username;
    b.password = password;
    b.nonProxyHosts.addAll(nonProxyHosts);
    b.bypassLoopback = bypassLoopback;
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProxyOptions other
        && type == other.type
        && port == other.port
        && Objects.equals(host, other.host)
        && Objects.equals(username, other.username)
        && Objects.equals(password, other.password)
        && nonProxyHosts.equals(other.nonProxyHosts)
        && bypassLoopback == other.bypassLoopback;
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, host, port, username, password, nonProxyHosts, bypassLoopback);
  }

  /** Names the proxy and its user, never the password: {@code HTTP proxy host:port (user u)}. */
  @Override
  public String toString() {
    if (isDirect()) {
      return "direct";
    }
    String h = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    return type + " proxy " + h + ":" + port + (username == null ? "" : " (user " + username + ")");
  }

  /** Builds {@link ProxyOptions}. Not thread-safe. */
  public static final class Builder {
    private final Type type;
    private final String host;
    private final int port;
    private String username;
    private String password;
    private final List<String> nonProxyHosts = new ArrayList<>();
    private boolean bypassLoopback = true;

    private Builder(Type type, String host, int port) {
      requireNonNull(host, "host == null");
      if (host.isBlank()) {
        throw new IllegalArgumentException("blank proxy host");
      }
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("proxy port out of range: " + port);
      }
      this.type = type;
      String h = host.trim();
      this.host = h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
      this.port = port;
    }

    /**
     * Authenticates with {@code username} and {@code password}: {@code Proxy-Authorization: Basic}
     * (UTF-8) for an HTTP proxy, RFC 1929 username/password for SOCKS5 (each at most 255 bytes).
     */
    public Builder credentials(String username, String password) {
      requireNonNull(username, "username == null");
      requireNonNull(password, "password == null");
      if (type == Type.HTTP && username.indexOf(':') >= 0) {
        throw new IllegalArgumentException("an HTTP proxy user name cannot contain ':'");
      }
      if (type == Type.SOCKS5 && (utf8Length(username) > 255 || utf8Length(password) > 255)) {
        throw new IllegalArgumentException("SOCKS5 user name and password are 255 bytes at most");
      }
      this.username = username;
      this.password = password;
      return this;
    }

    /**
     * Hosts reached directly, replacing those set before: exact names (case-insensitive) or {@code
     * *.suffix}, which matches every name ending in {@code .suffix}; {@code *} matches all.
     */
    public Builder nonProxyHosts(String... patterns) {
      requireNonNull(patterns, "patterns == null");
      return nonProxyHosts(List.of(patterns));
    }

    /** As {@link #nonProxyHosts(String...)}. */
    public Builder nonProxyHosts(Collection<String> patterns) {
      requireNonNull(patterns, "patterns == null");
      List<String> checked = new ArrayList<>();
      for (String p : patterns) {
        requireNonNull(p, "pattern == null");
        String pattern = p.trim().toLowerCase(Locale.ROOT);
        if (pattern.startsWith("[") && pattern.endsWith("]")) {
          pattern = pattern.substring(1, pattern.length() - 1);
        }
        if (pattern.isEmpty()
            || pattern.equals("*.")
            || (pattern.indexOf('*') >= 0 && !pattern.equals("*") && !pattern.startsWith("*."))
            || pattern.lastIndexOf('*') > 0) {
          throw new IllegalArgumentException("not a host name or *.suffix pattern: '" + p + "'");
        }
        checked.add(pattern);
      }
      nonProxyHosts.clear();
      nonProxyHosts.addAll(checked);
      return this;
    }

    /**
     * Whether loopback hosts bypass the proxy (default true); false sends them through it too, as
     * tests against a local origin need.
     */
    public Builder bypassLoopback(boolean bypass) {
      this.bypassLoopback = bypass;
      return this;
    }

    public ProxyOptions build() {
      return new ProxyOptions(
          type, host, port, username, password, List.copyOf(nonProxyHosts), bypassLoopback);
    }

    private static int utf8Length(String s) {
      return s.getBytes(StandardCharsets.UTF_8).length;
    }
  }
}
