package io.beth.bootstrap;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.http.HttpHandler;
import io.beth.http.HttpResponse;
import io.beth.http.HttpServerOptions;
import io.beth.stream.Streams;
import io.beth.tcp.TcpServerOptions;
import io.beth.transport.BethResources;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** An application given resources runs every listener on them and closes them when it stops. */
class ApplicationResourcesTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private static boolean isLoopOf(BethResources resources, EventLoop loop) {
    for (EventExecutor e : resources.eventLoopGroup()) {
      if (e == loop) {
        return true;
      }
    }
    return false;
  }

  @Test
  void everyListenerRunsOnTheResourcesWhichStopClosesAfterTheListeners() throws Exception {
    BethResources resources = BethResources.builder().name("beth-app-test").build();
    CompletableFuture<Channel> http = new CompletableFuture<>();
    CompletableFuture<Channel> tcp = new CompletableFuture<>();
    BethApplication app =
        BethApplication.builder()
            .http(HttpHandler.sync(request -> HttpResponse.ok("hello")))
            .tcp("Echo", 0, (stream, info) -> Streams.connect(stream, stream))
            .udp("Echo", 0, socket -> Streams.connect(socket, socket))
            .build();
    RunningApplication running =
        app.start(
                BethOptions.builder()
                    .freePorts()
                    .resources(resources)
                    .http(
                        HttpServerOptions.builder()
                            .pipelineHook(p -> http.complete(p.channel()))
                            .build())
                    .tcp(
                        TcpServerOptions.builder()
                            .pipelineHook(p -> tcp.complete(p.channel()))
                            .build())
                    .build())
            .get(10, SECONDS);

    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    assertEquals(
        "hello",
        client
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + running.address("http").getPort() + "/"))
                    .build(),
                BodyHandlers.ofString())
            .body());
    try (Socket socket = new Socket(LOOPBACK, running.address("tcp.Echo").getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write('e');
      assertEquals('e', socket.getInputStream().read());
    }
    try (DatagramSocket socket = new DatagramSocket(0, LOOPBACK)) {
      socket.setSoTimeout(10_000);
      byte[] ping = "ping".getBytes(StandardCharsets.UTF_8);
      socket.send(new DatagramPacket(ping, ping.length, running.address("udp.Echo")));
      DatagramPacket pong = new DatagramPacket(new byte[16], 16);
      socket.receive(pong);
      assertEquals("ping", new String(pong.getData(), 0, pong.getLength(), StandardCharsets.UTF_8));
    }
    assertTrue(isLoopOf(resources, http.get(5, SECONDS).eventLoop()));
    assertTrue(isLoopOf(resources, tcp.get(5, SECONDS).eventLoop()));
    assertFalse(resources.isClosed());

    running.stop(Duration.ofSeconds(1)).get(10, SECONDS);
    assertTrue(resources.isClosed());
    assertTrue(resources.eventLoopGroup().isTerminated(), "closed before stop() completed");
    assertTrue(resources.timer().isShutdown());
  }

  @Test
  void aStartThatFailsLeavesTheResourcesOpenForTheCaller() throws Exception {
    BethResources resources = BethResources.builder().name("beth-failed-start-test").build();
    try (ServerSocket taken = new ServerSocket(0, 1, LOOPBACK)) {
      BethApplication app =
          BethApplication.builder()
              .tcp("Echo", taken.getLocalPort(), (stream, info) -> stream.close())
              .build();
      ExecutionException e =
          assertThrows(
              ExecutionException.class,
              () ->
                  app.start(
                          BethOptions.builder()
                              .resources(resources)
                              .tcp(TcpServerOptions.builder().bindAddress(LOOPBACK).build())
                              .build())
                      .get(10, SECONDS));
      assertTrue(
          e.getCause().getMessage().startsWith("Cannot start tcp.Echo on port "),
          e.getCause().getMessage());
      assertFalse(resources.isClosed());
    } finally {
      resources.close();
    }
  }

  @Test
  void theOptionsRefuseTheSharedResourcesAndLoopSettingsBesideResources() {
    assertThrows(
        IllegalArgumentException.class,
        () -> BethOptions.builder().resources(BethResources.shared()));
    BethResources resources = BethResources.builder().name("beth-options-app-test").build();
    try {
      assertThrows(
          IllegalArgumentException.class,
          () ->
              BethOptions.builder()
                  .resources(resources)
                  .http(HttpServerOptions.builder().ioThreads(1).build())
                  .build());
      BethOptions options = BethOptions.builder().resources(resources).build();
      assertEquals(resources, options.httpOptions().resources());
      assertEquals(resources, options.tcpOptions("tcp.Echo", 0).resources());
      assertEquals(resources, options.udpOptions("udp.Echo", 0).resources());
    } finally {
      resources.close();
    }
  }
}
