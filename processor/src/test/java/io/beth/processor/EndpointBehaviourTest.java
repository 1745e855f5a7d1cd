package io.beth.processor;

import static io.beth.processor.Sources.file;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.bootstrap.BethApplication;
import io.beth.bootstrap.BethOptions;
import io.beth.bootstrap.Listener;
import io.beth.bootstrap.RunningApplication;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * WebSocket, TCP and UDP handler classes compiled by the processor and Dagger, started through the
 * component with every port free, and driven by the JDK's WebSocket client, a {@link Socket} and a
 * {@link DatagramSocket}.
 */
class EndpointBehaviourTest {

  static final JavaFileObject GREETER =
      file(
          "Greeter",
          "public class Greeter {",
          "  @Inject Greeter() {}",
          "  String greet(String who) { return \"hello \" + who; }",
          "}");

  static final JavaFileObject WS_ECHO =
      file(
          "WsEcho",
          "import io.beth.websocket.*;",
          "@WebSocketEndpoint(path = \"/ws/echo\")",
          "public class WsEcho implements WebSocketHandler {",
          "  private final Greeter greeter;",
          "  @Inject WsEcho(Greeter greeter) { this.greeter = greeter; }",
          "  @Override public void handle(WebSocket socket, HttpRequest upgrade) {",
          "    socket.put(greeter.greet(upgrade.queryParam(\"name\")));",
          "    io.beth.stream.Streams.connect(socket, socket);",
          "  }",
          "  @Override public WebSocketOptions options() {",
          "    return WebSocketOptions.builder().subprotocols(\"echo.v1\").build();",
          "  }",
          "}");

  static final JavaFileObject TCP_ECHO =
      file(
          "TcpEcho",
          "import io.beth.tcp.*;",
          "@TcpHandler(port = 7000)",
          "public class TcpEcho implements TcpConnectionHandler {",
          "  public TcpEcho() {}",
          "  @Override public void handle(io.beth.stream.DuplexStream<byte[], Object> stream,",
          "      ConnectionInfo info) {",
          "    io.beth.stream.Streams.connect(stream, stream);",
          "  }",
          "}");

  static final JavaFileObject UDP_ECHO =
      file(
          "UdpEcho",
          "import io.beth.udp.*;",
          "@UdpSocket(port = 7000)",
          "public class UdpEcho implements UdpSocketHandler {",
          "  @Inject UdpEcho() {}",
          "  @Override public void handle(UdpChannel socket) {",
          "    io.beth.stream.Streams.connect(socket, socket);",
          "  }",
          "}");

  static final JavaFileObject HEALTH =
      file(
          "Health",
          "public class Health {",
          "  @HttpRoute(method = \"GET\", path = \"/ws\")",
          "  public String ws() { return \"not a socket\"; }",
          "}");

  private static Supplier<BethApplication> main;
  private static RunningApplication running;
  private static HttpClient client;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void start() throws Exception {
    CompiledApplication app =
        CompiledApplication.compile(
            GREETER, WS_ECHO, TCP_ECHO, UDP_ECHO, HEALTH, Sources.APP, Sources.MAIN);
    main = app.newInstance("test.Main", Supplier.class);
    running = main.get().start(BethOptions.builder().freePorts().build()).get(30, TimeUnit.SECONDS);
    client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  @AfterAll
  static void stop() throws Exception {
    if (running != null) {
      running.stop(Duration.ofSeconds(5)).get(30, TimeUnit.SECONDS);
    }
  }

  private static int port(String listener) {
    return running.address(listener).getPort();
  }

  @Test
  void everyListenerIsReportedByNameWithItsBoundPort() {
    List<Listener> listeners = running.listeners();
    assertEquals(
        List.of("http", "tcp.TcpEcho", "udp.UdpEcho"),
        listeners.stream().map(Listener::name).toList());
    assertEquals(
        List.of("http", "tcp", "udp"), listeners.stream().map(Listener::protocol).toList());
    for (Listener listener : listeners) {
      int port = listener.address().getPort();
      assertTrue(
          port > 0 && port != 7000 && port != BethApplication.DEFAULT_HTTP_PORT,
          listener.toString());
    }
    assertEquals(running.addresses().keySet(), main.get().listenerNames());
  }

  @Test
  void aWebSocketEndpointIsUpgradedOnItsPathInjectedAndEchoesTextAsTextAndBinaryAsBinary()
      throws Exception {
    Messages messages = new Messages();
    WebSocket ws =
        client
            .newWebSocketBuilder()
            .subprotocols("echo.v1")
            .buildAsync(
                URI.create("ws://127.0.0.1:" + port("http") + "/ws/echo?name=ada"), messages)
            .get(20, TimeUnit.SECONDS);
    assertEquals("echo.v1", ws.getSubprotocol());
    assertEquals("hello ada", messages.next());
    ws.sendText("ping", true).get(20, TimeUnit.SECONDS);
    assertEquals("ping", messages.next());
    byte[] bytes = {0, 1, 2, (byte) 0xff};
    ws.sendBinary(ByteBuffer.wrap(bytes), true).get(20, TimeUnit.SECONDS);
    assertArrayEquals(bytes, (byte[]) messages.next());
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(20, TimeUnit.SECONDS);
    assertEquals(WebSocket.NORMAL_CLOSURE, messages.next());
  }

  @Test
  void theWebSocketPathAnswers405ForOtherMethodsAnd400ForAPlainGet() throws Exception {
    HttpResponse<String> post = send("POST", "/ws/echo");
    assertEquals(405, post.statusCode());
    assertEquals("GET, OPTIONS", post.headers().firstValue("Allow").orElseThrow());
    assertEquals(400, send("GET", "/ws/echo").statusCode());
    HttpResponse<String> route = send("GET", "/ws");
    assertEquals(200, route.statusCode());
    assertEquals("\"not a socket\"", route.body());
  }

  @Test
  void aTcpHandlerEchoesEveryByteOfEachConnection() throws Exception {
    byte[] sent = new byte[256 * 1024];
    new java.util.Random(7).nextBytes(sent);
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port("tcp.TcpEcho"))) {
      socket.setSoTimeout(20_000);
      Thread writer =
          new Thread(
              () -> {
                try {
                  socket.getOutputStream().write(sent);
                  socket.shutdownOutput();
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      writer.start();
      byte[] received = socket.getInputStream().readAllBytes();
      writer.join(20_000);
      assertArrayEquals(sent, received);
    }
  }

  @Test
  void aUdpSocketSendsEveryPacketBackToItsSender() throws Exception {
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      socket.setSoTimeout(20_000);
      InetSocketAddress target =
          new InetSocketAddress(InetAddress.getLoopbackAddress(), port("udp.UdpEcho"));
      for (String text : List.of("one", "two")) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, target));
        DatagramPacket reply = new DatagramPacket(new byte[64], 64);
        socket.receive(reply);
        assertEquals(
            text, new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8));
        assertEquals(target.getPort(), reply.getPort());
      }
    }
  }

  @Test
  void aPortPropertyReplacesTheAnnotationsPortAndAnExplicitPortReplacesTheProperty()
      throws Exception {
    System.setProperty(BethOptions.portProperty("tcp.TcpEcho"), "0");
    System.setProperty(BethOptions.portProperty("udp.UdpEcho"), "not a port");
    RunningApplication other;
    try {
      other =
          main.get()
              .start(BethOptions.builder().httpPort(0).port("udp.UdpEcho", 0).build())
              .get(30, TimeUnit.SECONDS);
    } finally {
      System.clearProperty(BethOptions.portProperty("tcp.TcpEcho"));
      System.clearProperty(BethOptions.portProperty("udp.UdpEcho"));
    }
    int tcp = other.address("tcp.TcpEcho").getPort();
    int udp = other.address("udp.UdpEcho").getPort();
    other.stop(Duration.ofSeconds(5)).get(30, TimeUnit.SECONDS);
    assertTrue(tcp > 0 && tcp != 7000, "tcp port " + tcp);
    assertTrue(udp > 0 && udp != 7000, "udp port " + udp);
  }

  @Test
  void aBadPortPropertyFailsTheStartNamingTheProperty() {
    System.setProperty("beth.udp.UdpEcho.port", "70000");
    ExecutionException e;
    try {
      e =
          assertThrows(
              ExecutionException.class,
              () ->
                  main.get()
                      .start(BethOptions.builder().httpPort(0).port("tcp.TcpEcho", 0).build())
                      .get(30, TimeUnit.SECONDS));
    } finally {
      System.clearProperty("beth.udp.UdpEcho.port");
    }
    assertInstanceOf(IllegalArgumentException.class, e.getCause());
    assertEquals(
        "beth.udp.UdpEcho.port is out of range (0 to 65535): 70000", e.getCause().getMessage());
  }

  @Test
  void aPortForAListenerTheApplicationDoesNotHaveIsRefused() {
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () ->
                main.get()
                    .start(BethOptions.builder().freePorts().port("tcp.Echo", 0).build())
                    .get(30, TimeUnit.SECONDS));
    assertEquals(
        "A port was given for tcp.Echo, but the application has no listener of that"
            + " name; its listeners are [http, tcp.TcpEcho, udp.UdpEcho]",
        e.getCause().getMessage());
  }

  @Test
  void aListenerThatCannotBindFailsTheStartNamingItAndStopsTheOthers() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      ExecutionException e =
          assertThrows(
              ExecutionException.class,
              () ->
                  main.get()
                      .start(
                          BethOptions.builder()
                              .freePorts()
                              .port("tcp.TcpEcho", taken.getLocalPort())
                              .build())
                      .get(30, TimeUnit.SECONDS));
      assertInstanceOf(IllegalStateException.class, e.getCause());
      assertTrue(
          e.getCause()
              .getMessage()
              .startsWith("Cannot start tcp.TcpEcho on port " + taken.getLocalPort() + ": "),
          e.getCause().getMessage());
    }
  }

  @Test
  void stoppingClosesEveryListenerSoItsPortsAreFreeAgain() throws Exception {
    RunningApplication other =
        main.get().start(BethOptions.builder().freePorts().build()).get(30, TimeUnit.SECONDS);
    int tcp = other.address("tcp.TcpEcho").getPort();
    int udp = other.address("udp.UdpEcho").getPort();
    int http = other.address("http").getPort();
    other.stop(Duration.ofSeconds(5)).get(30, TimeUnit.SECONDS);
    try (ServerSocket a = new ServerSocket(tcp);
        ServerSocket b = new ServerSocket(http);
        DatagramSocket c = new DatagramSocket(udp)) {
      assertNotEquals(0, a.getLocalPort() + b.getLocalPort() + c.getLocalPort());
    }
  }

  private static HttpResponse<String> send(String method, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port("http") + path))
            .timeout(Duration.ofSeconds(20))
            .method(method, BodyPublishers.noBody())
            .build(),
        BodyHandlers.ofString());
  }

  /**
   * Collects whole messages: {@code String} for text, {@code byte[]} for binary, the close code.
   */
  private static final class Messages implements WebSocket.Listener {
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final StringBuilder text = new StringBuilder();
    private final java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();

    Object next() throws InterruptedException {
      Object message = queue.poll(20, TimeUnit.SECONDS);
      if (message == null) {
        throw new AssertionError("no message within 20 s");
      }
      return message;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        queue.add(text.toString());
        text.setLength(0);
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
      byte[] bytes = new byte[data.remaining()];
      data.get(bytes);
      binary.writeBytes(bytes);
      if (last) {
        queue.add(binary.toByteArray());
        binary.reset();
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      queue.add(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      queue.add(error);
    }
  }
}
