package io.beth.bootstrap;

import io.beth.http.HttpServerOptions;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Overrides for starting a {@link BethApplication}. A port is chosen, most specific first, from
 * {@link Builder#httpPort(int)}, then the system property {@code beth.http.port}, then {@link
 * BethApplication#DEFAULT_HTTP_PORT}; 0 picks a free port. Other HTTP settings come from {@link
 * Builder#http(HttpServerOptions)}, whose port is replaced by the chosen one.
 */
public final class BethOptions {

  /** The system property that overrides the HTTP port. */
  public static final String HTTP_PORT_PROPERTY = "beth.http.port";

  private final OptionalInt httpPort;
  private final HttpServerOptions http;

  private BethOptions(Builder b) {
    this.httpPort = b.httpPort;
    this.http = b.http;
  }

  /** No overrides: system properties and annotation defaults apply. */
  public static BethOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The HTTP port to bind, after overrides and system properties. */
  public int httpPort() {
    if (httpPort.isPresent()) {
      return httpPort.getAsInt();
    }
    String property = System.getProperty(HTTP_PORT_PROPERTY);
    if (property != null) {
      try {
        return checkPort(Integer.parseInt(property.trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(HTTP_PORT_PROPERTY + " is not a port: " + property, e);
      }
    }
    return BethApplication.DEFAULT_HTTP_PORT;
  }

  /** The HTTP server's options, with {@link #httpPort()}. */
  public HttpServerOptions httpOptions() {
    return http.newBuilder().port(httpPort()).build();
  }

  private static int checkPort(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    return port;
  }

  /** Builds {@link BethOptions}. */
  public static final class Builder {
    private OptionalInt httpPort = OptionalInt.empty();
    private HttpServerOptions http = HttpServerOptions.DEFAULT;

    Builder() {}

    /** The HTTP port, over the system property and the default; 0 picks a free port. */
    public Builder httpPort(int port) {
      this.httpPort = OptionalInt.of(checkPort(port));
      return this;
    }

    /** The HTTP server's other settings. */
    public Builder http(HttpServerOptions options) {
      this.http = Objects.requireNonNull(options, "options == null");
      return this;
    }

    public BethOptions build() {
      return new BethOptions(this);
    }
  }
}
