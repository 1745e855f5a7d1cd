package io.beth.websocket;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * Jetty 12's WebSocket server (core, no servlets) as an independent peer. Paths: {@code /echo}
 * echoes data messages ({@code "close:CODE"} closes with CODE, {@code "flood:N:SIZE"} sends N
 * binary messages of SIZE bytes, each after the previous one was written; {@code
 * "fragments:N:SIZE"} sends one binary message in N fragments of SIZE bytes, byte i being {@code
 * (byte) (i * 31)}); {@code /paused} reads nothing until {@link #resume()}, then only counts what
 * arrives; {@code /refuse} answers 403 "go away". Subprotocol {@code superchat} is selected when
 * offered; {@code permessage-deflate} is Jetty's default; pings are counted and answered. Public:
 * Jetty reaches the endpoint through method handles.
 */
public final class JettyPeer implements AutoCloseable {

  private final Server server = new Server();
  private final ServerConnector connector = new ServerConnector(server);
  final CompletableFuture<Endpoint> opened = new CompletableFuture<>();

  /** Bytes {in, out} on the wire of each connection, once it closed. */
  final BlockingQueue<long[]> closedConnections = new LinkedBlockingQueue<>();

  JettyPeer() throws Exception {
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    connector.setAcceptedReceiveBufferSize(16 * 1024); // small windows make a stall come early
    connector.setAcceptedSendBufferSize(16 * 1024);
    connector.addBean(
        new Connection.Listener() {
          @Override
          public void onClosed(Connection connection) {
            closedConnections.add(new long[] {connection.getBytesIn(), connection.getBytesOut()});
          }
        });
    server.addConnector(connector);
    ContextHandler context = new ContextHandler("/");
    WebSocketUpgradeHandler ws =
        WebSocketUpgradeHandler.from(
            server,
            context,
            container -> {
              container.setMaxTextMessageSize(16 << 20);
              container.setMaxBinaryMessageSize(16 << 20);
              container.addMapping(
                  "/echo",
                  (request, response, callback) -> {
                    if (request.hasSubProtocol("superchat")) {
                      response.setAcceptedSubProtocol("superchat");
                    }
                    return new Endpoint(true, true);
                  });
              container.addMapping(
                  "/paused", (request, response, callback) -> new Endpoint(false, false));
              container.addMapping(
                  "/refuse",
                  (request, response, callback) -> {
                    response.setStatus(403);
                    response.getHeaders().put("Content-Type", "text/plain");
                    Content.Sink.write(response, true, "go away", callback);
                    return null;
                  });
            });
    context.setHandler(ws);
    server.setHandler(context);
    server.start();
  }

  URI uri(String path) {
    return URI.create("ws://127.0.0.1:" + connector.getLocalPort() + path);
  }

  /** The server side of the (first) socket, once Jetty opened it. */
  Endpoint endpoint() {
    return opened.orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join();
  }

  /** Lets the paused socket read. */
  void resume() {
    endpoint().resume();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  /** One server-side socket. */
  public final class Endpoint implements Session.Listener {
    final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
    final AtomicLong bytesReceived = new AtomicLong();
    final AtomicInteger messagesReceived = new AtomicInteger();
    final AtomicInteger floodSent = new AtomicInteger();
    final AtomicInteger pings = new AtomicInteger();
    final CompletableFuture<Void> floodDone = new CompletableFuture<>();
    private final boolean echo;
    private volatile boolean reading;
    volatile Session session;

    Endpoint(boolean reading, boolean echo) {
      this.reading = reading;
      this.echo = echo;
    }

    void resume() {
      reading = true;
      session.demand();
    }

    private void next() {
      if (reading) {
        session.demand();
      }
    }

    @Override
    public void onWebSocketOpen(Session session) {
      this.session = session;
      opened.complete(this);
      next();
    }

    @Override
    public void onWebSocketText(String text) {
      messagesReceived.incrementAndGet();
      bytesReceived.addAndGet(text.getBytes(StandardCharsets.UTF_8).length);
      if (text.startsWith("close:")) {
        session.close(Integer.parseInt(text.substring(6)), "server says bye", Callback.NOOP);
      } else if (text.startsWith("fragments:")) {
        String[] parts = text.split(":");
        fragments(0, Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
      } else if (text.startsWith("flood:")) {
        String[] parts = text.split(":");
        flood(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
      } else if (echo) {
        session.sendText(text, Callback.NOOP);
      }
      next();
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
      messagesReceived.incrementAndGet();
      bytesReceived.addAndGet(payload.remaining());
      if (echo) {
        ByteBuffer copy = ByteBuffer.allocate(payload.remaining()).put(payload).flip();
        session.sendBinary(copy, Callback.NOOP);
      }
      callback.succeed();
      next();
    }

    private void fragments(int index, int count, int size) {
      ByteBuffer fragment = ByteBuffer.allocate(size);
      for (int i = 0; i < size; i++) {
        fragment.put(i, (byte) ((long) (index * size + i) * 31));
      }
      boolean last = index == count - 1;
      session.sendPartialBinary(
          fragment,
          last,
          Callback.from(
              () -> {
                if (!last) {
                  fragments(index + 1, count, size);
                }
              },
              Throwable::printStackTrace));
    }

    private void flood(int remaining, int size) {
      if (remaining == 0) {
        floodDone.complete(null);
        return;
      }
      session.sendBinary(
          ByteBuffer.allocate(size),
          Callback.from(
              () -> {
                floodSent.incrementAndGet();
                flood(remaining - 1, size);
              },
              floodDone::completeExceptionally));
    }

    @Override
    public void onWebSocketPing(ByteBuffer payload) {
      pings.incrementAndGet();
      // an endpoint that listens to pings answers them itself (Jetty's auto-pong is then off)
      ByteBuffer copy = ByteBuffer.allocate(payload.remaining()).put(payload).flip();
      session.sendPong(copy, Callback.NOOP);
      next();
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
      next();
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
      closed.complete(new CloseStatus(statusCode, reason == null ? "" : reason));
    }

    @Override
    public void onWebSocketError(Throwable cause) {
      closed.completeExceptionally(cause);
    }
  }
}
