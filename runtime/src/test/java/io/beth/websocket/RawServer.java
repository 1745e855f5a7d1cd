package io.beth.websocket;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * A hand-written WebSocket server over a {@link ServerSocket}, for what real servers refuse to do:
 * it answers one opening handshake by hand, then the test writes and reads raw frames (see {@link
 * RawClient#writeFrame} and {@link RawClient#readFrame(Socket)}).
 */
final class RawServer implements AutoCloseable {

  private final ServerSocket server;
  private final CompletableFuture<Socket> accepted = new CompletableFuture<>();

  /** The handshake request's head, once read. */
  final CompletableFuture<String> request = new CompletableFuture<>();

  /** Accepts one connection and switches it to WebSocket, adding {@code extraHeaders}. */
  static RawServer switching(String extraHeaders) throws IOException {
    return new RawServer(
        key ->
            ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Accept: "
                    + accept(key)
                    + "\r\n"
                    + extraHeaders
                    + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
  }

  /** Accepts one connection and answers its handshake with {@code response}, whatever it is. */
  static RawServer answering(byte[] response) throws IOException {
    return new RawServer(key -> response);
  }

  private RawServer(java.util.function.Function<String, byte[]> answer) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t =
        new Thread(
            () -> {
              try {
                Socket s = server.accept();
                s.setSoTimeout(5000);
                String head = RawClient.readHead(s.getInputStream());
                request.complete(head);
                String key = null;
                for (String line : head.split("\r\n")) {
                  if (line.toLowerCase(Locale.ROOT).startsWith("sec-websocket-key:")) {
                    key = line.substring(line.indexOf(':') + 1).trim();
                  }
                }
                OutputStream out = s.getOutputStream();
                out.write(answer.apply(key));
                out.flush();
                accepted.complete(s);
              } catch (IOException | RuntimeException e) {
                accepted.completeExceptionally(e);
                request.completeExceptionally(e);
              }
            },
            "raw-websocket-server");
    t.setDaemon(true);
    t.start();
  }

  /** The {@code ws://} URI of this server. */
  URI uri() {
    return URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/ws");
  }

  /** The accepted connection, once the handshake response went out. */
  Socket socket() {
    return accepted.orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join();
  }

  /** The Sec-WebSocket-Accept value for {@code key}. */
  static String accept(String key) {
    try {
      byte[] sha1 =
          MessageDigest.getInstance("SHA-1")
              .digest(
                  (key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")
                      .getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(sha1);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() throws IOException {
    if (accepted.isDone() && !accepted.isCompletedExceptionally()) {
      accepted.join().close();
    }
    server.close();
  }
}
