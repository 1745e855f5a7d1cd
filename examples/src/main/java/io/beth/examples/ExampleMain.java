package io.beth.examples;

import io.beth.bootstrap.BethOptions;
import io.beth.bootstrap.RunningApplication;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the example application and prints one line per listener, {@code beth: listening
 * <protocol> <host>:<port>}; stops gracefully on SIGTERM/SIGINT and then prints {@code beth:
 * stopped}.
 */
public final class ExampleMain {

  private ExampleMain() {}

  /** Runs until the JVM is asked to stop. */
  public static void main(String[] args) throws Exception {
    ExampleOptions options;
    try {
      options = ExampleOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("beth-examples: " + e.getMessage());
      System.exit(2);
      return;
    }
    RunningApplication running = start(options);
    // The hook goes in before the lines are printed: whoever reads them may signal at once.
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    running.stop(Duration.ofSeconds(10)).join();
                  } catch (RuntimeException e) {
                    System.err.println("beth: stopping failed: " + e);
                  } finally {
                    System.out.println("beth: stopped");
                    System.out.flush();
                    stopped.countDown();
                  }
                },
                "beth-shutdown"));
    listeningLines(running).forEach(System.out::println);
    System.out.flush();
    stopped.await();
  }

  /** One line per bound listener: {@code beth: listening <http|tcp|udp> <host>:<port>}. */
  static List<String> listeningLines(RunningApplication running) {
    return running.listeners().stream()
        .map(l -> "beth: listening " + l.protocol() + " " + hostPort(l.address()))
        .toList();
  }

  /** {@code host:port}, with the wildcard address as {@code 0.0.0.0} and IPv6 in brackets. */
  static String hostPort(InetSocketAddress address) {
    java.net.InetAddress ip = address.getAddress();
    String host;
    if (ip == null) {
      host = address.getHostString();
    } else if (ip.isAnyLocalAddress()) {
      host = "0.0.0.0";
    } else if (ip instanceof java.net.Inet6Address) {
      host = "[" + ip.getHostAddress() + "]";
    } else {
      host = ip.getHostAddress();
    }
    return host + ":" + address.getPort();
  }

  /**
   * Starts every listener of the example (HTTP with the WebSocket, TCP, UDP) with {@code options}.
   */
  public static RunningApplication start(ExampleOptions options) {
    return DaggerExampleComponent.create()
        .beth()
        .start(
            BethOptions.builder()
                .httpPort(options.httpPort())
                .port("tcp." + TcpEcho.class.getSimpleName(), options.tcpPort())
                .port("udp." + UdpEcho.class.getSimpleName(), options.udpPort())
                .build())
        .join();
  }
}
