package io.beth.bootstrap;

import io.beth.http.HttpServerOptions;
import io.beth.tcp.TcpServerOptions;
import io.beth.transport.BethResources;
import io.beth.udp.UdpOptions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Overrides for starting a {@link BethApplication}.
 *
 * <p>Every listener has a name ({@code http}; {@code tcp.<SimpleClassName>} for a
 * {@code @TcpHandler} class; {@code udp.<SimpleClassName>} for a {@code @UdpSocket} class) and its
 * port is chosen, first match wins, from:
 *
 * <ol>
 *   <li>{@link Builder#port(String, int)} (or {@link Builder#httpPort(int)}) for that name;
 *   <li>{@link Builder#freePorts()}: port 0;
 *   <li>the system property {@code beth.<name>.port}, such as {@code -Dbeth.http.port=8081}, {@code
 *       -Dbeth.tcp.Echo.port=7001} or {@code -Dbeth.udp.Echo.port=0};
 *   <li>the default: the annotation's port, or {@link BethApplication#DEFAULT_HTTP_PORT}.
 * </ol>
 *
 * Port 0 picks a free port; {@link RunningApplication#listeners()} reports the one bound. Other
 * settings come from {@link Builder#http(HttpServerOptions)} and {@link
 * Builder#tcp(TcpServerOptions)}, whose ports are replaced by the chosen ones.
 *
 * <p>Threads: with {@link Builder#resources(BethResources)} every listener runs on those resources
 * (unless its own options name others) and the application closes them once its listeners have
 * stopped; without, the listeners run as their options say (the shared default, or the HTTP
 * server's own event loops), and nothing shared is closed.
 */
public final class BethOptions {

  /** The system property that overrides the HTTP port. */
  public static final String HTTP_PORT_PROPERTY = "beth.http.port";

  /** The name of the HTTP listener. */
  public static final String HTTP = "http";

  /** No overrides: system properties (read when a port is asked for) and annotation defaults. */
  public static final BethOptions DEFAULT = builder().build();

  private final Map<String, Integer> ports;
  private final boolean freePorts;
  private final HttpServerOptions http;
  private final TcpServerOptions tcp;
  private final BethResources resources;

  private BethOptions(Builder b) {
    this.ports = Collections.unmodifiableMap(new LinkedHashMap<>(b.ports));
    this.freePorts = b.freePorts;
    this.http = b.http;
    this.tcp = b.tcp;
    this.resources = b.resources;
  }

  /** No overrides: {@link #DEFAULT}. */
  public static BethOptions defaults() {
    return DEFAULT;
  }

  /** A builder with no overrides. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.ports.putAll(ports);
    b.freePorts = freePorts;
    b.http = http;
    b.tcp = tcp;
    b.resources = resources;
    return b;
  }

  /**
   * The system property that overrides the port of listener {@code name}: {@code beth.<name>.port}.
   */
  public static String portProperty(String name) {
    return "beth." + name + ".port";
  }

  /** The port of listener {@code name}, after overrides and system properties. */
  public int port(String name, int defaultPort) {
    Integer port = ports.get(name);
    if (port != null) {
      return port;
    }
    if (freePorts) {
      return 0;
    }
    String property = portProperty(name);
    String value = System.getProperty(property);
    if (value == null) {
      return defaultPort;
    }
    try {
      return checkPort(Integer.parseInt(value.trim()), property);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(property + " is not a port: " + value, e);
    }
  }

  /** The names given a port programmatically. */
  public Set<String> portOverrides() {
    return ports.keySet();
  }

  /** The HTTP port to bind, after overrides and system properties. */
  public int httpPort() {
    return port(HTTP, BethApplication.DEFAULT_HTTP_PORT);
  }

  /** The resources the application runs on and closes when it stops, or {@code null}. */
  public BethResources resources() {
    return resources;
  }

  /** The HTTP server's options, with {@link #httpPort()} and {@link #resources()}. */
  public HttpServerOptions httpOptions() {
    HttpServerOptions.Builder b = http.toBuilder().port(httpPort());
    if (http.resources() == null && resources != null) {
      b.resources(resources);
    }
    return b.build();
  }

  /** The options of the TCP server of listener {@code name}, with its port and resources. */
  public TcpServerOptions tcpOptions(String name, int defaultPort) {
    TcpServerOptions.Builder b = tcp.toBuilder().port(port(name, defaultPort));
    if (tcp.resources() == null && resources != null) {
      b.resources(resources);
    }
    return b.build();
  }

  /** The options of the UDP socket of listener {@code name}, with its port and resources. */
  public UdpOptions udpOptions(String name, int defaultPort) {
    return UdpOptions.builder().port(port(name, defaultPort)).resources(resources).build();
  }

  private static int checkPort(int port, String what) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(what + " is out of range (0 to 65535): " + port);
    }
    return port;
  }

  /** Builds {@link BethOptions}. */
  public static final class Builder {
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private boolean freePorts;
    private HttpServerOptions http = HttpServerOptions.DEFAULT;
    private TcpServerOptions tcp = TcpServerOptions.DEFAULT;
    private BethResources resources;

    Builder() {}

    /** The HTTP port, over the system property and the default; 0 picks a free port. */
    public Builder httpPort(int port) {
      return port(HTTP, port);
    }

    /**
     * The port of listener {@code name} ({@code http}, {@code tcp.<SimpleClassName>}, {@code
     * udp.<SimpleClassName>}), over every other source; 0 picks a free port. Starting fails if the
     * application has no listener of that name.
     */
    public Builder port(String name, int port) {
      Objects.requireNonNull(name, "name == null");
      ports.put(name, checkPort(port, "port of " + name));
      return this;
    }

    /** Binds every listener not given a port by {@link #port} to a free port (for tests). */
    public Builder freePorts() {
      this.freePorts = true;
      return this;
    }

    /** The HTTP server's other settings. */
    public Builder http(HttpServerOptions options) {
      this.http = Objects.requireNonNull(options, "options == null");
      return this;
    }

    /** The settings of every TCP server (TLS, bind address, buffers, hooks). */
    public Builder tcp(TcpServerOptions options) {
      this.tcp = Objects.requireNonNull(options, "options == null");
      return this;
    }

    /**
     * Runs every listener on {@code resources}, unless its own options name others, and closes them
     * once the listeners have stopped ({@link RunningApplication#stop}); if starting fails they
     * stay open, for the caller to start again or close. Not the shared default.
     */
    public Builder resources(BethResources resources) {
      Objects.requireNonNull(resources, "resources == null");
      if (resources.isShared()) {
        throw new IllegalArgumentException(
            "the shared resources are never closed; an application"
                + " without resources(...) runs on them");
      }
      this.resources = resources;
      return this;
    }

    /** The options; fails if {@link #resources} would meet the HTTP options' own loop settings. */
    public BethOptions build() {
      if (resources != null
          && http.resources() == null
          && (http.eventLoopThreads() != 0 || http.transport() != null)) {
        throw new IllegalArgumentException(
            "the HTTP options set eventLoopThreads or transport,"
                + " which shape event loops of the server's own; with resources("
                + resources
                + "), set them on BethResources.builder()");
      }
      return new BethOptions(this);
    }
  }
}
