package io.beth.peers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The JDK's own HTTP server ({@code com.sun.net.httpserver}) as an origin behind the proxies, on a
 * free loopback port, plain or HTTPS with a self-signed certificate. It answers every request with
 * {@code origin says <path?query>} and records, per request, the request line and its {@code Via}
 * header ({@code -} when absent).
 */
final class JdkOrigin implements AutoCloseable {

  private final HttpServer server;

  /** {@code "GET /path?query via=..."} per request, in arrival order. */
  final List<String> requests = new CopyOnWriteArrayList<>();

  private JdkOrigin(HttpServer server) {
    this.server = server;
    server.createContext("/", this::handle);
    server.start();
  }

  /** A plain HTTP origin. */
  static JdkOrigin http() throws IOException {
    return new JdkOrigin(
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
  }

  /** An HTTPS origin presenting {@code cert}. */
  static JdkOrigin https(SelfSignedCertificate cert) throws IOException, GeneralSecurityException {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry("origin", cert.key(), new char[0], new X509Certificate[] {cert.cert()});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, new char[0]);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), null, null);
    HttpsServer server =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(context));
    return new JdkOrigin(server);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      String target = exchange.getRequestURI().toString();
      String via = exchange.getRequestHeaders().getFirst("Via");
      requests.add(
          exchange.getRequestMethod() + " " + target + " via=" + (via == null ? "-" : via));
      byte[] body = ("origin says " + target).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
