package io.beth.benchmarks.websocket;

import io.beth.benchmarks.PlainNetty;
import io.beth.benchmarks.PlainVertx;
import io.beth.http.HttpHandler;
import io.beth.http.HttpServer;
import io.beth.http.HttpServerOptions;
import io.beth.stream.Streams;
import io.beth.websocket.WebSocketOptions;
import io.beth.websocket.WebSocketUpgrade;
import io.beth.websocket.WebSockets;
import io.netty.channel.EventLoopGroup;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Echo round trips per second over {@code sockets} WebSockets: Beth's echo (one {@code
 * Streams.connect(ws, ws)} per socket) against a hand-written Netty WebSocket echo and a Vert.x
 * WebSocket echo, all in this JVM with the same number of I/O threads, loaded in turn by the same
 * Netty client (each round starts with the next server). Prints, for each round, the round trips
 * per second, the servers' CPU time per round trip (steadier than throughput on a busy machine) and
 * the bytes their threads allocated per round trip (steadier still), then the median ratios
 * beth/netty, vertx/netty and beth/vertx of throughput and of CPU time (for CPU time the inverse,
 * netty/beth and so on, so that above 1 means the first is better for both).
 *
 * <p>The load and the two peers run on the transport {@link PlainNetty} chooses (epoll here), Beth
 * on its own default.
 *
 * <p>Usage: {@code WebSocketEchoBenchmark [sockets=64] [rounds=5] [seconds=10] [warmupSeconds=5]
 * [serverIoThreads=1] [clientIoThreads=1]}.
 */
public final class WebSocketEchoBenchmark {

  private static final String BETH_IO = "beth-http-io";
  private static final String NETTY_IO = "baseline-ws-io";

  /** The pairs whose ratios are reported: first against second. */
  private static final List<List<String>> PAIRS =
      List.of(List.of("beth", "netty"), List.of("vertx", "netty"), List.of("beth", "vertx"));

  private WebSocketEchoBenchmark() {}

  /** A server under load: its URI and the name prefix of its I/O threads. */
  private record Server(String name, URI uri, String threads) {}

  /** One measurement: round trips/s, CPU µs per round trip, bytes allocated per round trip. */
  private record Measured(double rate, double cpuMicros, double bytes) {}

  public static void main(String[] args) throws Exception {
    int sockets = arg(args, 0, 64);
    int rounds = arg(args, 1, 5);
    int seconds = arg(args, 2, 10);
    int warmup = arg(args, 3, 5);
    int serverThreads = arg(args, 4, 1);
    int clientThreads = arg(args, 5, 1);
    EventLoopGroup clientGroup = PlainNetty.group(clientThreads, "load-io");
    HttpServer beth =
        HttpServer.start(
                HttpHandler.sync(
                    request -> {
                      WebSocketUpgrade upgrade =
                          WebSockets.upgrade(request, WebSocketOptions.DEFAULT);
                      upgrade.socket().thenAccept(ws -> Streams.connect(ws, ws));
                      return upgrade.response();
                    }),
                HttpServerOptions.builder().host("127.0.0.1").ioThreads(serverThreads).build())
            .join();
    NettyWebSocketEchoServer netty = new NettyWebSocketEchoServer(serverThreads);
    VertxWebSocketEchoServer vertx = new VertxWebSocketEchoServer(serverThreads);
    List<Server> servers =
        List.of(
            new Server("beth", echo(beth.port()), BETH_IO),
            new Server("netty", echo(netty.port()), NETTY_IO),
            new Server("vertx", echo(vertx.port()), PlainVertx.THREADS));
    System.out.printf(
        Locale.ROOT,
        "%d sockets, %d rounds of %d s (after %d s warm-up), "
            + "server I/O threads %d, client I/O threads %d, load, netty and vertx on %s%n",
        sockets,
        rounds,
        seconds,
        warmup,
        serverThreads,
        clientThreads,
        PlainNetty.transport());
    Map<String, List<Double>> ratios = new LinkedHashMap<>();
    try {
      for (int round = 1; round <= rounds; round++) {
        Map<String, Measured> measured = new LinkedHashMap<>();
        for (int i = 0; i < servers.size(); i++) { // each round starts with the next server
          Server server = servers.get((round - 1 + i) % servers.size());
          measured.put(
              server.name(),
              measure(server.uri(), server.threads(), sockets, seconds, warmup, clientGroup));
        }
        StringBuilder line = new StringBuilder("round " + round + ":");
        for (Server server : servers) {
          Measured m = measured.get(server.name());
          line.append(
              String.format(
                  Locale.ROOT,
                  " %s %.0f/s %.1f us/rt %.0f B/rt,",
                  server.name(),
                  m.rate(),
                  m.cpuMicros(),
                  m.bytes()));
        }
        for (List<String> pair : PAIRS) {
          Measured a = measured.get(pair.get(0));
          Measured b = measured.get(pair.get(1));
          add(ratios, "throughput ratio " + pair.get(0) + "/" + pair.get(1), a.rate() / b.rate());
          add(
              ratios,
              "server cpu per round trip ratio " + pair.get(1) + "/" + pair.get(0),
              b.cpuMicros() / a.cpuMicros());
          line.append(
              String.format(
                  Locale.ROOT,
                  " %s/%s %.3f (cpu %.3f)",
                  pair.get(0),
                  pair.get(1),
                  a.rate() / b.rate(),
                  b.cpuMicros() / a.cpuMicros()));
        }
        System.out.println(line);
      }
    } finally {
      beth.stop(Duration.ofSeconds(2)).join();
      netty.close();
      vertx.close();
      clientGroup.shutdownGracefully().syncUninterruptibly();
    }
    ratios.forEach(WebSocketEchoBenchmark::report);
  }

  private static URI echo(int port) {
    return URI.create("ws://127.0.0.1:" + port + "/echo");
  }

  private static void add(Map<String, List<Double>> ratios, String what, double value) {
    ratios.computeIfAbsent(what, k -> new ArrayList<>()).add(value);
  }

  private static void report(String what, List<Double> values) {
    Collections.sort(values);
    System.out.printf(
        Locale.ROOT,
        "median %s: %.3f (min %.3f, max %.3f)%n",
        what,
        values.get(values.size() / 2),
        values.get(0),
        values.get(values.size() - 1));
  }

  /**
   * Round trips per second over {@code seconds}, after {@code warmup} seconds of load, the CPU time
   * (microseconds) the server's I/O threads (named {@code serverThreads...}) spent per round trip,
   * and the bytes they allocated per round trip.
   */
  private static Measured measure(
      URI uri, String serverThreads, int sockets, int seconds, int warmup, EventLoopGroup group)
      throws Exception {
    try (EchoClient client = EchoClient.start(uri, sockets, group)) {
      Thread.sleep(warmup * 1000L);
      long start = client.roundTrips.sum();
      long cpu0 = cpuNanos(serverThreads);
      long bytes0 = allocatedBytes(serverThreads);
      long t0 = System.nanoTime();
      Thread.sleep(seconds * 1000L);
      long count = client.roundTrips.sum() - start;
      long cpu = cpuNanos(serverThreads) - cpu0;
      long bytes = allocatedBytes(serverThreads) - bytes0;
      return new Measured(
          count / ((System.nanoTime() - t0) / 1e9), cpu / 1e3 / count, (double) bytes / count);
    }
  }

  private static long cpuNanos(String threadNamePrefix) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith(threadNamePrefix)) {
        sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return sum;
  }

  private static long allocatedBytes(String threadNamePrefix) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (!(threads instanceof com.sun.management.ThreadMXBean hotspot)) {
      return 0;
    }
    long sum = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith(threadNamePrefix)) {
        sum += Math.max(0, hotspot.getThreadAllocatedBytes(info.getThreadId()));
      }
    }
    return sum;
  }

  private static int arg(String[] args, int index, int fallback) {
    return args.length > index ? Integer.parseInt(args[index]) : fallback;
  }
}
