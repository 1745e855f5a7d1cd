package io.beth.examples;

/**
 * The example's command line: {@code --http-port N}, {@code --tcp-port N}, {@code --udp-port N} (0
 * picks a free port).
 *
 * @param httpPort the HTTP port, 8080 unless given
 * @param tcpPort the TCP echo port, 10001 unless given
 * @param udpPort the UDP echo port, 10002 unless given
 */
public record ExampleOptions(int httpPort, int tcpPort, int udpPort) {

  /** Parses {@code args}; an unknown flag or a bad port is an {@link IllegalArgumentException}. */
  public static ExampleOptions parse(String... args) {
    int http = 8080;
    int tcp = 10001;
    int udp = 10002;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value after " + flag);
      }
      int port = port(flag, args[++i]);
      switch (flag) {
        case "--http-port" -> http = port;
        case "--tcp-port" -> tcp = port;
        case "--udp-port" -> udp = port;
        default ->
            throw new IllegalArgumentException(
                "unknown option " + flag + "; use --http-port, --tcp-port or --udp-port");
      }
    }
    return new ExampleOptions(http, tcp, udp);
  }

  private static int port(String flag, String value) {
    int port;
    try {
      port = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " needs a port number, not " + value);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(flag + " must be within 0..65535, not " + port);
    }
    return port;
  }
}
