package io.beth.websocket;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/** OkHttp's WebSocket client, collecting messages, the handshake response and the close status. */
final class OkHttpClientPeer extends WebSocketListener {

  final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
  final CompletableFuture<Response> opened = new CompletableFuture<>();
  final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();

  /** Completes with the handshake response (null if none) when the connection failed. */
  final CompletableFuture<Response> failed = new CompletableFuture<>();

  /** The body of the refused handshake's response, read when the connection failed. */
  volatile String failedBody;

  WebSocket socket;

  /** Connects with {@code client} to {@code request}; does not wait for the handshake. */
  static OkHttpClientPeer connect(OkHttpClient client, Request request) {
    OkHttpClientPeer peer = new OkHttpClientPeer();
    peer.socket = client.newWebSocket(request, peer);
    return peer;
  }

  /** The handshake response once open, failing the test if it does not open. */
  Response awaitOpen() throws Exception {
    return CompletableFuture.anyOf(
            opened,
            failed.thenApply(
                r -> {
                  throw new AssertionError("WebSocket failed to open: " + r);
                }))
        .thenApply(Response.class::cast)
        .get(10, TimeUnit.SECONDS);
  }

  Object next() throws InterruptedException {
    Object m = messages.poll(10, TimeUnit.SECONDS);
    if (m == null) {
      throw new AssertionError("no message within 10 s");
    }
    return m;
  }

  @Override
  public void onOpen(WebSocket webSocket, Response response) {
    opened.complete(response);
  }

  @Override
  public void onMessage(WebSocket webSocket, String text) {
    messages.add(text);
  }

  @Override
  public void onMessage(WebSocket webSocket, ByteString bytes) {
    messages.add(bytes.toByteArray());
  }

  @Override
  public void onClosing(WebSocket webSocket, int code, String reason) {
    webSocket.close(code, null);
  }

  @Override
  public void onClosed(WebSocket webSocket, int code, String reason) {
    closed.complete(new CloseStatus(code, reason));
  }

  @Override
  public void onFailure(WebSocket webSocket, Throwable t, Response response) {
    if (response != null && response.body() != null) {
      try {
        failedBody = response.body().string();
      } catch (java.io.IOException | IllegalStateException e) {
        failedBody = "unreadable: " + e;
      }
    }
    failed.complete(response);
    closed.completeExceptionally(t);
  }
}
