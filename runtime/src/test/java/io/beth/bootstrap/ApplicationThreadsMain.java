package io.beth.bootstrap;

import io.beth.http.HttpHandler;
import io.beth.http.HttpResponse;
import io.beth.stream.Streams;
import io.beth.transport.BethResources;
import io.beth.transport.LiveThreads;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Run in a JVM of its own by {@link ApplicationThreadsTest}: starts an application with HTTP, TCP
 * and UDP listeners on resources of its own, uses every kind of thread (event loops, the blocking
 * executor, the timer of the stop's grace period), stops it, and exits 0 if no thread named as Beth
 * names threads is left (nor Netty's global executor thread, which Beth never uses itself; Netty
 * starts it for a moment when an event loop terminates), 1 otherwise, printing them.
 */
public final class ApplicationThreadsMain {

  /** The prefixes of the threads looked for. */
  static final String[] PREFIXES = {"beth", "globalEventExecutor"};

  /** The line printed when none is left. */
  static final String NONE_LEFT = "no Beth thread left";

  private ApplicationThreadsMain() {}

  public static void main(String[] args) throws Exception {
    List<String> before = LiveThreads.named(PREFIXES).stream().map(Thread::getName).toList();
    if (!before.isEmpty()) {
      System.out.println("threads before the application started: " + before);
      System.exit(2);
    }
    BethResources resources = BethResources.builder().name("beth-app").build();
    BethApplication app =
        BethApplication.builder()
            .http(HttpHandler.sync(request -> HttpResponse.ok("blocking " + request.path())))
            .tcp("Echo", 0, (stream, info) -> Streams.connect(stream, stream))
            .udp("Echo", 0, socket -> Streams.connect(socket, socket))
            .build();
    RunningApplication running =
        app.start(BethOptions.builder().freePorts().resources(resources).build())
            .get(30, TimeUnit.SECONDS);
    InetAddress loopback = InetAddress.getLoopbackAddress();

    try (Socket http = new Socket(loopback, running.address("http").getPort())) {
      http.setSoTimeout(10_000);
      http.getOutputStream()
          .write(
              "GET /x HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.ISO_8859_1));
      String answer = new String(http.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      check(answer.startsWith("HTTP/1.1 200") && answer.endsWith("blocking /x"), answer);
    }
    try (DatagramSocket udp = new DatagramSocket(0, loopback)) {
      udp.setSoTimeout(10_000);
      byte[] ping = "ping".getBytes(StandardCharsets.UTF_8);
      udp.send(new DatagramPacket(ping, ping.length, running.address("udp.Echo")));
      DatagramPacket pong = new DatagramPacket(new byte[16], 16);
      udp.receive(pong);
      check(pong.getLength() == 4, "a UDP echo of " + pong.getLength() + " bytes");
    }
    // A TCP connection left open over the stop: its grace period runs on the resources' timer.
    try (Socket tcp = new Socket(loopback, running.address("tcp.Echo").getPort())) {
      tcp.setSoTimeout(10_000);
      OutputStream out = tcp.getOutputStream();
      InputStream in = tcp.getInputStream();
      out.write('a');
      check(in.read() == 'a', "a TCP echo");
      running.stop(Duration.ofMillis(200)).get(30, TimeUnit.SECONDS);
    }
    check(resources.isClosed(), "the application closed its resources");

    List<String> left = LiveThreads.awaitEnd(Duration.ofSeconds(20), PREFIXES);
    if (left.isEmpty()) {
      System.out.println(NONE_LEFT);
      System.exit(0);
    }
    System.out.println("threads left: " + left);
    System.exit(1);
  }

  private static void check(boolean condition, String what) {
    if (!condition) {
      System.out.println("failed: " + what);
      System.exit(3);
    }
  }
}
