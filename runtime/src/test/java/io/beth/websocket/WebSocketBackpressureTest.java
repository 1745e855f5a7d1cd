package io.beth.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.http.HttpHandler;
import io.beth.http.HttpServer;
import io.beth.http.HttpServerOptions;
import io.netty.channel.ChannelOption;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.net.SocketFactory;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okio.ByteString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Backpressure both ways, on both sides, through independent peers. Socket buffers are shrunk to 16
 * KiB and the sockets buffer 4 messages, so a stalled transfer holds some ten messages of 16 KiB in
 * flight; each test offers far more (1 to 8 MiB) and checks that the sender stops with a bounded
 * amount in flight (outstanding puts, bytes read or sent), then finishes once the slow side reads.
 *
 * <p>"Stopped" is observed as a counter that no longer moves for {@link #QUIET}: a measurement of
 * the quiescent state, the one place these tests look at the clock.
 */
class WebSocketBackpressureTest {

  private static final int SIZE = 16 * 1024;
  private static final int BUFFER = 16 * 1024;

  /** At most this many messages in flight once stalled: a wide margin over the ~10 expected. */
  private static final int BOUND = 64;

  private static final Duration QUIET = Duration.ofMillis(1500);

  private static final WebSocketOptions SMALL_BUFFERS =
      WebSocketOptions.builder()
          .bufferSize(4)
          .bootstrapHook(
              b ->
                  b.option(ChannelOption.SO_SNDBUF, BUFFER).option(ChannelOption.SO_RCVBUF, BUFFER))
          .build();

  private final WireCounter wire = new WireCounter();
  private final CompletableFuture<WebSocket> accepted = new CompletableFuture<>();
  private HttpServer server;
  private JettyPeer jetty;
  private OkHttpClient okhttp;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.stop(Duration.ofSeconds(1)).join();
    }
    if (jetty != null) {
      jetty.close();
    }
    if (okhttp != null) {
      okhttp.dispatcher().executorService().shutdown();
    }
  }

  /** A Beth server with small socket buffers that hands out the socket and leaves it alone. */
  private int startServer() {
    server =
        HttpServer.start(
                HttpHandler.sync(
                    request -> {
                      WebSocketUpgrade upgrade = WebSockets.upgrade(request, SMALL_BUFFERS);
                      upgrade.socket().thenAccept(accepted::complete);
                      return upgrade.response();
                    }),
                HttpServerOptions.builder()
                    .host("127.0.0.1")
                    .pipelineHook(p -> p.addFirst("wire-counter", wire))
                    .bootstrapHook(
                        b ->
                            b.childOption(ChannelOption.SO_RCVBUF, BUFFER)
                                .childOption(ChannelOption.SO_SNDBUF, BUFFER))
                    .build())
            .join();
    return server.port();
  }

  private WebSocket serverSocket() {
    return accepted.orTimeout(5, TimeUnit.SECONDS).join();
  }

  /** The value of {@code counter} once it stopped moving for {@link #QUIET}. */
  private static long quiet(LongSupplier counter) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    long value = counter.getAsLong();
    long since = System.nanoTime();
    while (System.nanoTime() - since < QUIET.toNanos()) {
      assertTrue(System.nanoTime() < deadline, "still moving after 60 s: " + value);
      Thread.sleep(50);
      long now = counter.getAsLong();
      if (now != value) {
        value = now;
        since = System.nanoTime();
      }
    }
    return value;
  }

  private static long done(List<CompletableFuture<Boolean>> puts) {
    return puts.stream().filter(CompletableFuture::isDone).count();
  }

  @Test
  void aSlowServerReaderStopsReadingSoTheClientsSendsStall() throws Exception {
    okhttp = new OkHttpClient.Builder().socketFactory(new SmallBufferSockets()).build();
    OkHttpClientPeer client =
        OkHttpClientPeer.connect(
            okhttp, new Request.Builder().url("http://127.0.0.1:" + startServer() + "/ws").build());
    client.awaitOpen();
    WebSocket ws = serverSocket();
    int messages = 64; // 1 MiB offered
    for (int i = 0; i < messages; i++) {
      assertTrue(client.socket.send(ByteString.of(new byte[SIZE])));
    }
    long read = quiet(wire.read::get);
    assertTrue(read < (long) BOUND * SIZE, "the server read " + read + " bytes nobody took");
    long queued = client.socket.queueSize();
    assertTrue(queued > (long) (messages - BOUND) * SIZE, "OkHttp still holds " + queued);
    for (int i = 0; i < messages; i++) {
      assertEquals(SIZE, ((byte[]) ws.take().get(10, TimeUnit.SECONDS)).length);
    }
    assertEquals(0, client.socket.queueSize());
  }

  @Test
  void aSlowClientStopsTheServersWriterUntilItReads() throws Exception {
    JdkClient client = JdkClient.connect(startServer(), false); // requests no messages
    WebSocket ws = serverSocket();
    byte[] payload = new byte[SIZE];
    List<CompletableFuture<Boolean>> puts = new ArrayList<>();
    int messages = 512; // 8 MiB offered
    for (int i = 0; i < messages; i++) {
      puts.add(ws.put(payload));
    }
    long completed = quiet(() -> done(puts));
    assertTrue(completed < BOUND, completed + " puts completed while nobody read");
    assertTrue(client.messages.isEmpty());
    client.socket.request(Long.MAX_VALUE); // the client reads: every put completes
    CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    for (int i = 0; i < messages; i++) {
      assertEquals(SIZE, ((byte[]) client.next()).length);
    }
  }

  @Test
  void aSlowClientReaderStopsReadingSoTheServersSendsStall() throws Exception {
    jetty = new JettyPeer();
    WebSocket ws =
        WebSocketClient.connect(jetty.uri("/echo"), SMALL_BUFFERS).get(10, TimeUnit.SECONDS);
    JettyPeer.Endpoint peer = jetty.endpoint();
    int messages = 512; // 8 MiB offered
    ws.put("flood:" + messages + ":" + SIZE).get(5, TimeUnit.SECONDS);
    long sent = quiet(peer.floodSent::get);
    assertTrue(sent < BOUND, "Jetty sent " + sent + " messages nobody took");
    for (int i = 0; i < messages; i++) {
      assertEquals(SIZE, ((byte[]) ws.take().get(10, TimeUnit.SECONDS)).length);
    }
    peer.floodDone.get(10, TimeUnit.SECONDS);
  }

  @Test
  void aSlowServerStopsTheClientsWriterUntilItReads() throws Exception {
    jetty = new JettyPeer();
    WebSocket ws =
        WebSocketClient.connect(jetty.uri("/paused"), SMALL_BUFFERS).get(10, TimeUnit.SECONDS);
    JettyPeer.Endpoint peer = jetty.endpoint();
    byte[] payload = new byte[SIZE];
    List<CompletableFuture<Boolean>> puts = new ArrayList<>();
    int messages = 512; // 8 MiB offered
    for (int i = 0; i < messages; i++) {
      puts.add(ws.put(payload));
    }
    long completed = quiet(() -> done(puts));
    assertTrue(completed < BOUND, completed + " puts completed while nobody read");
    assertEquals(0, peer.messagesReceived.get());
    jetty.resume();
    CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    ws.close(1000, "done"); // after every accepted message
    assertEquals(1000, peer.closed.get(10, TimeUnit.SECONDS).code());
    assertEquals(messages, peer.messagesReceived.get());
    assertEquals((long) messages * SIZE, peer.bytesReceived.get());
  }

  /** Plain sockets with small send and receive buffers, for OkHttp. */
  private static final class SmallBufferSockets extends SocketFactory {
    @Override
    public Socket createSocket() throws IOException {
      Socket s = new Socket();
      s.setSendBufferSize(BUFFER);
      s.setReceiveBufferSize(BUFFER);
      return s;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      throw new UnsupportedOperationException("OkHttp connects unconnected sockets");
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress local, int localPort) {
      throw new UnsupportedOperationException("OkHttp connects unconnected sockets");
    }

    @Override
    public Socket createSocket(InetAddress host, int port) {
      throw new UnsupportedOperationException("OkHttp connects unconnected sockets");
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort) {
      throw new UnsupportedOperationException("OkHttp connects unconnected sockets");
    }
  }
}
