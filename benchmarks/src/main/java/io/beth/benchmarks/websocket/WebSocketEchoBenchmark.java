package io.beth.benchmarks.websocket;

import io.beth.http.HttpHandler;
import io.beth.http.HttpServer;
import io.beth.http.HttpServerOptions;
import io.beth.transport.BethResources;
import io.beth.transport.Transport;
import io.beth.stream.Streams;
import io.beth.websocket.WebSocketUpgrade;
import io.beth.websocket.WebSocketOptions;
import io.beth.websocket.WebSockets;
import io.netty.channel.EventLoopGroup;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Echo round trips per second over {@code sockets} WebSockets: Beth's echo (one
 * {@code Streams.connect(ws, ws)} per socket) against a hand-written Netty WebSocket echo, both in
 * this JVM with the same number of I/O threads, loaded in alternating rounds by the same Netty
 * client. Prints, for each round, the round trips per second, the servers' CPU time per round
 * trip (steadier than throughput on a busy machine) and the bytes their threads allocated per
 * round trip (steadier still), then the median Beth/baseline ratios of throughput and CPU time
 * (for CPU time, baseline/Beth, so that above 1 means Beth is better for both).
 *
 * <p>Usage: {@code WebSocketEchoBenchmark [sockets=64] [rounds=5] [seconds=10] [warmupSeconds=5]
 * [serverIoThreads=1] [clientIoThreads=1]}.
 */
public final class WebSocketEchoBenchmark {

  private WebSocketEchoBenchmark() {}

  public static void main(String[] args) throws Exception {
    int sockets = arg(args, 0, 64);
    int rounds = arg(args, 1, 5);
    int seconds = arg(args, 2, 10);
    int warmup = arg(args, 3, 5);
    int serverThreads = arg(args, 4, 1);
    int clientThreads = arg(args, 5, 1);
    BethResources load =
        BethResources.builder().name("load").eventLoopThreads(clientThreads).build();
    Transport transport = load.transport();
    EventLoopGroup clientGroup = load.eventLoopGroup();
    HttpServer beth = HttpServer.start(HttpHandler.sync(request -> {
      WebSocketUpgrade upgrade = WebSockets.upgrade(request, WebSocketOptions.DEFAULT);
      upgrade.socket().thenAccept(ws -> Streams.connect(ws, ws));
      return upgrade.response();
    }), HttpServerOptions.builder().host("127.0.0.1").ioThreads(serverThreads).build()).join();
    NettyWebSocketEchoServer netty = new NettyWebSocketEchoServer(serverThreads);
    URI bethUri = URI.create("ws://127.0.0.1:" + beth.port() + "/echo");
    URI nettyUri = URI.create("ws://127.0.0.1:" + netty.port() + "/echo");
    System.out.printf(Locale.ROOT, "%d sockets, %d rounds of %d s (after %d s warm-up), "
        + "server I/O threads %d, client I/O threads %d, transport %s%n", sockets, rounds,
        seconds, warmup, serverThreads, clientThreads, transport);
    List<Double> ratios = new ArrayList<>();
    List<Double> cpuRatios = new ArrayList<>();
    try {
      for (int round = 1; round <= rounds; round++) {
        boolean bethFirst = round % 2 == 0;
        double[] a = measure(bethFirst ? bethUri : nettyUri, bethFirst ? BETH_IO : NETTY_IO,
            sockets, seconds, warmup, clientGroup, transport);
        double[] b = measure(bethFirst ? nettyUri : bethUri, bethFirst ? NETTY_IO : BETH_IO,
            sockets, seconds, warmup, clientGroup, transport);
        double[] beth0 = bethFirst ? a : b;
        double[] netty0 = bethFirst ? b : a;
        ratios.add(beth0[0] / netty0[0]);
        cpuRatios.add(netty0[1] / beth0[1]);
        System.out.printf(Locale.ROOT, "round %d: beth %.0f/s %.1f us/rt %.0f B/rt, netty %.0f/s"
            + " %.1f us/rt %.0f B/rt, throughput ratio %.3f, cpu ratio %.3f%n", round, beth0[0],
            beth0[1], beth0[2], netty0[0], netty0[1], netty0[2], beth0[0] / netty0[0],
            netty0[1] / beth0[1]);
      }
    } finally {
      beth.stop(Duration.ofSeconds(2)).join();
      netty.close();
      load.close();
    }
    report("throughput ratio beth/netty", ratios);
    report("server cpu per round trip ratio netty/beth", cpuRatios);
  }

  private static void report(String what, List<Double> values) {
    Collections.sort(values);
    System.out.printf(Locale.ROOT, "median %s: %.3f (min %.3f, max %.3f)%n", what,
        values.get(values.size() / 2), values.get(0), values.get(values.size() - 1));
  }

  private static final String BETH_IO = "beth-http-io";
  private static final String NETTY_IO = "baseline-ws-io";

  /**
   * Round trips per second over {@code seconds}, after {@code warmup} seconds of load, the CPU
   * time (microseconds) the server's I/O threads (named {@code serverThreads...}) spent per round
   * trip, and the bytes they allocated per round trip.
   */
  private static double[] measure(URI uri, String serverThreads, int sockets, int seconds,
      int warmup, EventLoopGroup group, Transport transport) throws Exception {
    try (EchoClient client = EchoClient.start(uri, sockets, group, transport)) {
      Thread.sleep(warmup * 1000L);
      long start = client.roundTrips.sum();
      long cpu0 = cpuNanos(serverThreads);
      long bytes0 = allocatedBytes(serverThreads);
      long t0 = System.nanoTime();
      Thread.sleep(seconds * 1000L);
      long count = client.roundTrips.sum() - start;
      long cpu = cpuNanos(serverThreads) - cpu0;
      long bytes = allocatedBytes(serverThreads) - bytes0;
      return new double[] {
          count / ((System.nanoTime() - t0) / 1e9), cpu / 1e3 / count, (double) bytes / count};
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
