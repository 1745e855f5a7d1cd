package io.beth.http.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ServerSocketFactory;
import org.bbottema.javasocksproxyserver.SocksServer;
import org.bbottema.javasocksproxyserver.auth.UsernamePasswordAuthenticator;

/**
 * An independent SOCKS5 server (bbottema's java-socks-proxy-server) on a free loopback port,
 * counting the client connections it accepted; optionally demanding a user name and password.
 */
final class SocksProxy implements AutoCloseable {

  private final SocksServer server;
  private final ServerSocket socket;
  final AtomicInteger accepted = new AtomicInteger();

  private SocksProxy(String user, String password) throws IOException {
    socket =
        new ServerSocket(0, 50, InetAddress.getLoopbackAddress()) {
          @Override
          public Socket accept() throws IOException {
            Socket s = super.accept();
            accepted.incrementAndGet();
            return s;
          }
        };
    // the server asks its factory for a socket on a given port: hand it the one bound to port 0
    ServerSocketFactory bound =
        new ServerSocketFactory() {
          @Override
          public ServerSocket createServerSocket(int port) {
            return socket;
          }

          @Override
          public ServerSocket createServerSocket(int port, int backlog) {
            return socket;
          }

          @Override
          public ServerSocket createServerSocket(int port, int backlog, InetAddress address) {
            return socket;
          }
        };
    server = new SocksServer(socket.getLocalPort()).setFactory(bound);
    if (user != null) {
      server.setAuthenticator(
          new UsernamePasswordAuthenticator(false) {
            @Override
            public boolean validate(String u, String p) {
              return user.equals(u) && password.equals(p);
            }
          });
    }
    server.start();
  }

  /** A SOCKS5 server without authentication. */
  static SocksProxy start() throws IOException {
    return new SocksProxy(null, null);
  }

  /** A SOCKS5 server that accepts only {@code user} with {@code password}. */
  static SocksProxy startWithCredentials(String user, String password) throws IOException {
    return new SocksProxy(user, password);
  }

  int port() {
    return socket.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    server.stop();
    socket.close();
  }
}
