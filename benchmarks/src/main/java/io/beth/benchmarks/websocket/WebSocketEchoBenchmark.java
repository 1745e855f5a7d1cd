package io.beth.benchmarks.websocket;

import io.beth.http.HttpHandler;
import io.beth.http.HttpServer;
import io.beth.http.HttpServerOptions;
import io.beth.http.internal.NettyTransport;
import io.beth.stream.Streams;
import io.beth.websocket.WebSocketUpgrade;
import io.beth.websocket.WebSocketOptions;
import io.beth.websocket.WebSockets;
import io.netty.channel.EventLoopGroup;
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
 * client. Prints each round and the median Beth/baseline ratio.
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
    NettyTransport transport = NettyTransport.select(true);
    EventLoopGroup clientGroup = transport.newGroup(clientThreads, "load-io");
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
        seconds, warmup, serverThreads, clientThreads, transport.isNative() ? "epoll" : "nio");
    List<Double> ratios = new ArrayList<>();
    try {
      for (int round = 1; round <= rounds; round++) {
        boolean bethFirst = round % 2 == 0;
        double a = measure(bethFirst ? bethUri : nettyUri, sockets, seconds, warmup,
            clientGroup, transport.isNative());
        double b = measure(bethFirst ? nettyUri : bethUri, sockets, seconds, warmup,
            clientGroup, transport.isNative());
        double bethRate = bethFirst ? a : b;
        double nettyRate = bethFirst ? b : a;
        ratios.add(bethRate / nettyRate);
        System.out.printf(Locale.ROOT, "round %d: beth %.0f/s, netty %.0f/s, ratio %.3f%n",
            round, bethRate, nettyRate, bethRate / nettyRate);
      }
    } finally {
      beth.stop(Duration.ofSeconds(2)).join();
      netty.close();
      clientGroup.shutdownGracefully().syncUninterruptibly();
    }
    Collections.sort(ratios);
    System.out.printf(Locale.ROOT, "median ratio beth/netty: %.3f (min %.3f, max %.3f)%n",
        ratios.get(ratios.size() / 2), ratios.get(0), ratios.get(ratios.size() - 1));
  }

  /** Round trips per second over {@code seconds}, after {@code warmup} seconds of load. */
  private static double measure(URI uri, int sockets, int seconds, int warmup,
      EventLoopGroup group, boolean nativeTransport) throws Exception {
    try (EchoClient client = EchoClient.start(uri, sockets, group, nativeTransport)) {
      Thread.sleep(warmup * 1000L);
      long start = client.roundTrips.sum();
      long t0 = System.nanoTime();
      Thread.sleep(seconds * 1000L);
      long count = client.roundTrips.sum() - start;
      return count / ((System.nanoTime() - t0) / 1e9);
    }
  }

  private static int arg(String[] args, int index, int fallback) {
    return args.length > index ? Integer.parseInt(args[index]) : fallback;
  }
}
