package io.beth.benchmarks.echo;

import io.beth.benchmarks.PlainVertx;
import io.beth.stream.Streams;
import io.beth.tcp.TcpServer;
import io.beth.tcp.TcpServerOptions;
import io.beth.transport.BethResources;
import io.beth.udp.UdpChannel;
import io.beth.udp.UdpOptions;
import io.netty.channel.EventLoopGroup;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * TCP echo throughput over {@code connections} connections and UDP echo packets per second: Beth's
 * TCP server (copying {@code byte[]} mode and raw {@code ByteBuf} mode, each connection one {@code
 * Streams.connect(stream, stream)}) and UDP socket ({@code Streams.connect(socket, socket)})
 * against hand-written Netty echoes on the same transport and as many I/O threads, loaded in
 * alternating order by the same Netty load drivers in this JVM. The {@code byte[]} mode is also set
 * against a Netty echo that makes the same two copies by hand (to a {@code byte[]} and back), which
 * separates what Beth costs from what copying costs; and a Vert.x TCP echo (an independent peer, as
 * many event loops) beside both for TCP. Prints each round (throughput and the servers' CPU time
 * per MB or per packet), then the median ratios Beth/baseline (for CPU time baseline/Beth, so that
 * above 1 means Beth is better for both).
 *
 * <p>Usage: {@code EchoBenchmark [connections=64] [rounds=3] [seconds=10] [warmupSeconds=3]
 * [clientIoThreads=2] [udpSockets=4] [udpWindow=64] [udpPacketSize=64]}.
 */
public final class EchoBenchmark {

  private static final String BETH_THREADS = "beth-io";
  private static final int TCP_WINDOW = 64 * 1024;

  private EchoBenchmark() {}

  public static void main(String[] args) throws Exception {
    int connections = arg(args, 0, 64);
    int rounds = arg(args, 1, 3);
    int seconds = arg(args, 2, 10);
    int warmup = arg(args, 3, 3);
    int clientThreads = arg(args, 4, 2);
    int udpSockets = arg(args, 5, 4);
    int udpWindow = arg(args, 6, 64);
    int udpSize = arg(args, 7, 64);
    int serverThreads = 2 * Runtime.getRuntime().availableProcessors(); // Beth's shared group
    BethResources loadResources =
        BethResources.builder().name("load").eventLoopThreads(clientThreads).build();
    EventLoopGroup load = loadResources.eventLoopGroup();
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    TcpServerOptions tcpOptions =
        TcpServerOptions.builder().bindAddress(loopback).handlerRunsInline().build();
    TcpServer bethTcp = TcpServer.start((s, i) -> Streams.connect(s, s), tcpOptions).join();
    TcpServer bethRawTcp = TcpServer.startRaw((s, i) -> Streams.connect(s, s), tcpOptions).join();
    UdpChannel bethUdp =
        UdpChannel.open(UdpOptions.builder().port(0).bindAddress(loopback).build()).join();
    Streams.connect(bethUdp, bethUdp);
    NettyEchoServers netty = new NettyEchoServers(serverThreads);
    VertxEchoServer vertx = new VertxEchoServer(serverThreads);
    System.out.printf(
        Locale.ROOT,
        "TCP: %d connections, %d KiB in flight each; UDP: %d sockets,"
            + " %d packets of %d bytes in flight each; %d rounds of %d s (after %d s warm-up);"
            + " server I/O threads %d, load I/O threads %d, transport %s, %d cores, load average %s%n",
        connections,
        TCP_WINDOW >> 10,
        udpSockets,
        udpWindow,
        udpSize,
        rounds,
        seconds,
        warmup,
        serverThreads,
        clientThreads,
        BethResources.shared().transport(),
        Runtime.getRuntime().availableProcessors(),
        loadAverage());
    Map<String, List<Double>> ratios = new LinkedHashMap<>();
    try {
      for (int round = 1; round <= rounds; round++) {
        boolean bethFirst = round % 2 == 1;
        Measured nettyTcp = null;
        Measured nettyCopying = null;
        Measured beth = null;
        Measured raw = null;
        Measured vertxTcp = null;
        for (int turn = 0; turn < 3; turn++) { // each round starts with the next server
          int server = (round - 1 + turn) % 3;
          if (server == 0) {
            beth = tcp(bethTcp.address(), BETH_THREADS, connections, seconds, warmup, load);
            raw = tcp(bethRawTcp.address(), BETH_THREADS, connections, seconds, warmup, load);
          } else if (server == 1) {
            nettyTcp =
                tcp(
                    netty.tcpAddress(),
                    NettyEchoServers.THREADS,
                    connections,
                    seconds,
                    warmup,
                    load);
            nettyCopying =
                tcp(
                    netty.tcpCopyingAddress(),
                    NettyEchoServers.THREADS,
                    connections,
                    seconds,
                    warmup,
                    load);
          } else {
            vertxTcp = tcp(vertx.address(), PlainVertx.THREADS, connections, seconds, warmup, load);
          }
        }
        Measured nettyUdp = null;
        Measured bethUdpResult = null;
        for (int turn = 0; turn < 2; turn++) {
          if ((turn == 0) == bethFirst) {
            bethUdpResult =
                udp(
                    bethUdp.localAddress(),
                    BETH_THREADS,
                    udpSockets,
                    udpWindow,
                    udpSize,
                    seconds,
                    warmup,
                    load);
          } else {
            nettyUdp =
                udp(
                    netty.udpAddress(),
                    NettyEchoServers.THREADS,
                    udpSockets,
                    udpWindow,
                    udpSize,
                    seconds,
                    warmup,
                    load);
          }
        }
        System.out.printf(
            Locale.ROOT,
            "round %d: TCP MB/s beth %.0f (%.0f us cpu/MB), beth raw"
                + " %.0f (%.0f us/MB), netty %.0f (%.0f us/MB), netty copying %.0f (%.0f us/MB),"
                + " vertx %.0f (%.0f us/MB);"
                + " UDP packets/s beth %.0f (%.2f us cpu/packet), netty %.0f (%.2f us/packet);"
                + " load average %s%n",
            round,
            beth.rate,
            beth.cpuMicros,
            raw.rate,
            raw.cpuMicros,
            nettyTcp.rate,
            nettyTcp.cpuMicros,
            nettyCopying.rate,
            nettyCopying.cpuMicros,
            vertxTcp.rate,
            vertxTcp.cpuMicros,
            bethUdpResult.rate,
            bethUdpResult.cpuMicros,
            nettyUdp.rate,
            nettyUdp.cpuMicros,
            loadAverage());
        add(ratios, "TCP throughput beth/netty", beth.rate / nettyTcp.rate);
        add(ratios, "TCP cpu per MB netty/beth", nettyTcp.cpuMicros / beth.cpuMicros);
        add(ratios, "TCP throughput beth/netty copying", beth.rate / nettyCopying.rate);
        add(ratios, "TCP cpu per MB netty copying/beth", nettyCopying.cpuMicros / beth.cpuMicros);
        add(ratios, "TCP throughput beth raw/netty", raw.rate / nettyTcp.rate);
        add(ratios, "TCP cpu per MB netty/beth raw", nettyTcp.cpuMicros / raw.cpuMicros);
        add(ratios, "TCP throughput beth/vertx", beth.rate / vertxTcp.rate);
        add(ratios, "TCP cpu per MB vertx/beth", vertxTcp.cpuMicros / beth.cpuMicros);
        add(ratios, "TCP throughput vertx/netty", vertxTcp.rate / nettyTcp.rate);
        add(ratios, "TCP cpu per MB netty/vertx", nettyTcp.cpuMicros / vertxTcp.cpuMicros);
        add(ratios, "UDP packets/s beth/netty", bethUdpResult.rate / nettyUdp.rate);
        add(ratios, "UDP cpu per packet netty/beth", nettyUdp.cpuMicros / bethUdpResult.cpuMicros);
      }
    } finally {
      bethTcp.stop(Duration.ofSeconds(2)).join();
      bethRawTcp.stop(Duration.ofSeconds(2)).join();
      bethUdp.close();
      netty.close();
      vertx.close();
      loadResources.close();
    }
    ratios.forEach(EchoBenchmark::report);
  }

  /** A rate (MB/s or packets/s) and the server's CPU time per MB or per packet, in µs. */
  private record Measured(double rate, double cpuMicros) {}

  private static Measured tcp(
      InetSocketAddress server,
      String threads,
      int connections,
      int seconds,
      int warmup,
      EventLoopGroup group)
      throws Exception {
    try (TcpLoad load = new TcpLoad(server, connections, TCP_WINDOW, group)) {
      return measure(load.echoed::sum, 1e6, threads, seconds, warmup);
    }
  }

  private static Measured udp(
      InetSocketAddress server,
      String threads,
      int sockets,
      int window,
      int size,
      int seconds,
      int warmup,
      EventLoopGroup group)
      throws Exception {
    try (UdpLoad load = new UdpLoad(server, sockets, window, size, group)) {
      return measure(load.echoed::sum, 1, threads, seconds, warmup);
    }
  }

  private static Measured measure(
      LongSupplier counter, double unit, String threads, int seconds, int warmup)
      throws InterruptedException {
    Thread.sleep(warmup * 1000L);
    long start = counter.getAsLong();
    long cpu0 = cpuNanos(threads);
    long t0 = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    double units = (counter.getAsLong() - start) / unit;
    long cpu = cpuNanos(threads) - cpu0;
    return new Measured(units / ((System.nanoTime() - t0) / 1e9), cpu / 1e3 / units);
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

  private static String loadAverage() {
    return String.format(
        Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
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

  private static int arg(String[] args, int index, int fallback) {
    return args.length > index ? Integer.parseInt(args[index]) : fallback;
  }
}
