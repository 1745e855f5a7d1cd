package io.beth.websocket;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The JDK's WebSocket client, collecting whole messages; reads only while {@code reading}. */
final class JdkClient implements WebSocket.Listener {

  final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
  final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
  final AtomicInteger pings = new AtomicInteger();
  private final StringBuilder text = new StringBuilder();
  private java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();
  private final boolean reading;
  WebSocket socket;

  private JdkClient(boolean reading) {
    this.reading = reading;
  }

  static JdkClient connect(int port, String... subprotocols) {
    return connect(port, true, subprotocols);
  }

  static JdkClient connect(int port, boolean reading, String... subprotocols) {
    JdkClient client = new JdkClient(reading);
    WebSocket.Builder b =
        HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
    if (subprotocols.length > 0) {
      b.subprotocols(
          subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
    }
    client.socket =
        b.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), client)
            .orTimeout(5, TimeUnit.SECONDS)
            .join();
    return client;
  }

  /** Connects with {@code http} (for its TLS settings) to {@code uri}, reading. */
  static JdkClient connect(HttpClient http, URI uri) {
    JdkClient client = new JdkClient(true);
    client.socket =
        http.newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .buildAsync(uri, client)
            .orTimeout(10, TimeUnit.SECONDS)
            .join();
    return client;
  }

  /** Connects with {@code http} to {@code uri}, reading, without waiting. */
  static CompletableFuture<JdkClient> connectAsync(HttpClient http, URI uri) {
    JdkClient client = new JdkClient(true);
    return http.newWebSocketBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .buildAsync(uri, client)
        .thenApply(
            ws -> {
              client.socket = ws;
              return client;
            });
  }

  Object next() throws InterruptedException {
    return next(10);
  }

  Object next(int seconds) throws InterruptedException {
    Object m = messages.poll(seconds, TimeUnit.SECONDS);
    if (m == null) {
      throw new AssertionError("no message within " + seconds + " s");
    }
    return m;
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    if (reading) {
      webSocket.request(1);
    }
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    text.append(data);
    if (last) {
      messages.add(text.toString());
      text.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    binary.write(bytes, 0, bytes.length);
    if (last) {
      messages.add(binary.toByteArray());
      binary = new java.io.ByteArrayOutputStream();
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
    pings.incrementAndGet();
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(new CloseStatus(statusCode, reason));
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.completeExceptionally(error);
  }
}
