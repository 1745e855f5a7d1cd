package io.beth.http.client;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Jetty 12 as an independent origin server on a free port, counting the connections it accepted and
 * closed. The handler may block (it runs on Jetty's thread pool).
 */
final class JettyOrigin implements AutoCloseable {

  /** A blocking request handler. */
  interface Handling {
    void handle(Request request, Response response) throws Exception;
  }

  private final Server server = new Server();
  private final ServerConnector connector;
  final AtomicInteger opened = new AtomicInteger();
  final AtomicInteger closed = new AtomicInteger();
  private final Semaphore closedEvents = new Semaphore(0);

  private JettyOrigin(Handling handling, SslContextFactory.Server tls) throws Exception {
    connector = tls == null ? new ServerConnector(server) : new ServerConnector(server, tls);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    connector.addEventListener(
        new Connection.Listener() {
          @Override
          public void onOpened(Connection connection) {
            opened.incrementAndGet();
          }

          @Override
          public void onClosed(Connection connection) {
            closed.incrementAndGet();
            closedEvents.release();
          }
        });
    server.addConnector(connector);
    server.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback) {
            try {
              handling.handle(request, response);
              callback.succeeded();
            } catch (Throwable t) {
              callback.failed(t);
            }
            return true;
          }
        });
    server.start();
  }

  static JettyOrigin start(Handling handling) throws Exception {
    return new JettyOrigin(handling, null);
  }

  static JettyOrigin startTls(Handling handling, SslContextFactory.Server tls) throws Exception {
    return new JettyOrigin(handling, tls);
  }

  /** Closes connections idle for {@code millis} (a keep-alive timeout), from the next one on. */
  void idleTimeout(long millis) {
    connector.setIdleTimeout(millis);
  }

  int port() {
    return connector.getLocalPort();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  /** Waits until the server has seen {@code n} more connections close; false after 10 s. */
  boolean awaitClosed(int n) throws InterruptedException {
    return closedEvents.tryAcquire(n, 10, TimeUnit.SECONDS);
  }

  /** Writes {@code text} as the whole (last) content, blocking until written. */
  static void write(Response response, String text) throws Exception {
    write(response, true, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@code bytes}, blocking until written. */
  static void write(Response response, boolean last, byte[] bytes) throws Exception {
    Callback.Completable done = new Callback.Completable();
    response.write(last, ByteBuffer.wrap(bytes), done);
    done.get();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
