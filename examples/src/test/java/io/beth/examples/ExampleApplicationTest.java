package io.beth.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.bootstrap.RunningApplication;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
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
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example application started in-process with every port free: its HTTP routes and WebSocket
 * echo through the JDK client, its TCP echo through a {@link Socket}, its UDP echo through a {@link
 * DatagramSocket}.
 */
class ExampleApplicationTest {

  private static RunningApplication running;
  private static HttpClient client;

  @BeforeAll
  static void start() {
    running =
        ExampleMain.start(
            ExampleOptions.parse("--http-port", "0", "--tcp-port", "0", "--udp-port", "0"));
    client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  @AfterAll
  static void stop() throws Exception {
    running.stop(Duration.ofSeconds(5)).get(30, TimeUnit.SECONDS);
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + running.address("http").getPort() + path);
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).build(),
        BodyHandlers.ofString());
  }

  @Test
  void helloAnswersText() throws Exception {
    HttpResponse<String> response = get("/hello");
    assertEquals(200, response.statusCode());
    assertEquals("hello!", response.body());
    assertTrue(
        response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
  }

  @Test
  void delayedAnswersAfterTheDelay() throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response = get("/delayed?ms=150");
    assertEquals("waited 150 ms", response.body());
    assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(150));
  }

  @Test
  void streamSendsCountLinesChunked() throws Exception {
    HttpResponse<String> response = get("/stream?count=5");
    assertEquals(200, response.statusCode());
    String expected =
        IntStream.range(0, 5).mapToObj(i -> "chunk " + i + "\n").collect(Collectors.joining());
    assertEquals(expected, response.body());
    assertEquals("chunked", response.headers().firstValue("Transfer-Encoding").orElseThrow());
  }

  @Test
  void eventsSendsCountServerSentEventsThenEnds() throws Exception {
    HttpResponse<String> response = get("/events?count=3");
    assertTrue(
        response
            .headers()
            .firstValue("Content-Type")
            .orElseThrow()
            .startsWith("text/event-stream"));
    assertEquals("data: 0\n\ndata: 1\n\ndata: 2\n\n", response.body().replace("\r\n", "\n"));
  }

  @Test
  void echoStreamsTheBodyBackWithItsContentType() throws Exception {
    byte[] body = new byte[3 * 1024 * 1024];
    new Random(1).nextBytes(body);
    HttpResponse<byte[]> response =
        client.send(
            HttpRequest.newBuilder(uri("/echo"))
                .header("Content-Type", "application/x-test")
                .POST(BodyPublishers.ofByteArray(body))
                .build(),
            BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode());
    assertEquals("application/x-test", response.headers().firstValue("Content-Type").orElseThrow());
    assertArrayEquals(body, response.body());
  }

  @Test
  void usersAnswersJsonForANumericIdAndAJsonErrorOtherwise() throws Exception {
    HttpResponse<String> user = get("/users/42");
    assertEquals(200, user.statusCode());
    assertEquals("application/json", user.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("{\"id\":42,\"name\":\"user-42\"}", user.body());
    HttpResponse<String> bad = get("/users/abc");
    assertEquals(400, bad.statusCode());
    assertEquals("application/json", bad.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(
        "{\"status\":400,\"error\":\"Bad Request\",\"message\":\"Invalid path parameter"
            + " 'id': \\\"abc\\\" (For input string: \\\"abc\\\")\"}",
        bad.body());
  }

  @Test
  void badCommandLinesAreRefusedWithAReason() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ExampleOptions.parse("--http-port", "70000"));
    assertTrue(e.getMessage().contains("0..65535"));
    assertThrows(IllegalArgumentException.class, () -> ExampleOptions.parse("--nope", "1"));
  }

  @Test
  void listenerAddressesPrintAsHostColonPort() throws Exception {
    assertEquals(
        "0.0.0.0:80",
        ExampleMain.hostPort(
            new java.net.InetSocketAddress(java.net.InetAddress.getByName("::"), 80)));
    assertEquals(
        "127.0.0.1:8080",
        ExampleMain.hostPort(
            new java.net.InetSocketAddress(java.net.InetAddress.getByName("127.0.0.1"), 8080)));
    assertEquals(
        "[0:0:0:0:0:0:0:1]:1",
        ExampleMain.hostPort(
            new java.net.InetSocketAddress(java.net.InetAddress.getByName("::1"), 1)));
  }

  @Test
  void oneListeningLinePerListenerOnceAllAreBound() {
    List<String> lines = ExampleMain.listeningLines(running);
    assertEquals(3, lines.size(), lines.toString());
    assertEquals(List.of("http", "tcp", "udp"), lines.stream().map(l -> l.split(" ")[2]).toList());
    for (String line : lines) {
      assertTrue(line.matches("beth: listening (http|tcp|udp) \\S+:[1-9][0-9]*"), line);
    }
  }

  @Test
  void webSocketEchoesTextAsTextAndBinaryAsBinary() throws Exception {
    BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
    WebSocket ws =
        client
            .newWebSocketBuilder()
            .buildAsync(
                URI.create("ws://127.0.0.1:" + running.address("http").getPort() + "/ws/echo"),
                new WebSocket.Listener() {
                  @Override
                  public CompletionStage<?> onText(
                      WebSocket socket, CharSequence data, boolean last) {
                    messages.add(data.toString());
                    socket.request(1);
                    return null;
                  }

                  @Override
                  public CompletionStage<?> onBinary(
                      WebSocket socket, ByteBuffer data, boolean last) {
                    byte[] bytes = new byte[data.remaining()];
                    data.get(bytes);
                    messages.add(bytes);
                    socket.request(1);
                    return null;
                  }
                })
            .get(20, TimeUnit.SECONDS);
    ws.sendText("hello", true).get(20, TimeUnit.SECONDS);
    assertEquals("hello", messages.poll(20, TimeUnit.SECONDS));
    byte[] bytes = {1, 2, 3, (byte) 0x80};
    ws.sendBinary(ByteBuffer.wrap(bytes), true).get(20, TimeUnit.SECONDS);
    Object binary = messages.poll(20, TimeUnit.SECONDS);
    assertInstanceOf(byte[].class, binary);
    assertArrayEquals(bytes, (byte[]) binary);
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(20, TimeUnit.SECONDS);
  }

  @Test
  void tcpEchoesEveryByte() throws Exception {
    byte[] sent = "every byte back\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
    try (Socket socket =
        new Socket(InetAddress.getLoopbackAddress(), running.address("tcp.TcpEcho").getPort())) {
      socket.setSoTimeout(20_000);
      socket.getOutputStream().write(sent);
      socket.shutdownOutput();
      assertArrayEquals(sent, socket.getInputStream().readAllBytes());
    }
  }

  @Test
  void udpSendsEveryPacketBackToItsSender() throws Exception {
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      socket.setSoTimeout(20_000);
      byte[] sent = "ping".getBytes(StandardCharsets.UTF_8);
      socket.send(
          new DatagramPacket(
              sent,
              sent.length,
              InetAddress.getLoopbackAddress(),
              running.address("udp.UdpEcho").getPort()));
      DatagramPacket reply = new DatagramPacket(new byte[16], 16);
      socket.receive(reply);
      assertEquals(
          "ping", new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8));
    }
  }
}
