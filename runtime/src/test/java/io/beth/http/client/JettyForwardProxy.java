package io.beth.http.client;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.proxy.ProxyHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ConnectHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty 12 as an independent HTTP forward proxy on a free port: {@link ProxyHandler.Forward} for
 * absolute-form requests and {@link ConnectHandler} for {@code CONNECT} tunnels. It records every
 * request line it handles, can demand Basic credentials (407 otherwise), and resolves the names in
 * {@code hosts} to addresses of its own (like a hosts file), so tests can use names that only the
 * proxy knows.
 */
final class JettyForwardProxy implements AutoCloseable {

  private final Server server = new Server();
  private final ServerConnector connector = new ServerConnector(server);
  private final String expectedAuthorization;
  private final Map<String, String> hosts;

  /** {@code "GET http://host:port/path"} or {@code "CONNECT host:port"}, in arrival order. */
  final List<String> seen = new CopyOnWriteArrayList<>();

  private JettyForwardProxy(String user, String password, Map<String, String> hosts)
      throws Exception {
    this.expectedAuthorization =
        user == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.hosts = hosts;
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ProxyHandler.Forward forward =
        new ProxyHandler.Forward() {
          @Override
          protected HttpURI rewriteHttpURI(Request request) {
            HttpURI uri = super.rewriteHttpURI(request);
            String address = hosts.get(uri.getHost());
            return address == null ? uri : HttpURI.build(uri).host(address).asImmutable();
          }
        };
    Handler.Wrapper recording =
        new Handler.Wrapper(forward) {
          @Override
          public boolean handle(Request request, Response response, Callback callback)
              throws Exception {
            seen.add(request.getMethod() + " " + request.getHttpURI().asString());
            if (!authorized(request)) {
              response.setStatus(407);
              response.getHeaders().put("Proxy-Authenticate", "Basic realm=\"beth-test\"");
              response.write(true, null, callback);
              return true;
            }
            return super.handle(request, response, callback);
          }
        };
    ConnectHandler connect =
        new ConnectHandler(recording) {
          @Override
          protected void handleConnect(
              Request request, Response response, Callback callback, String serverAddress) {
            seen.add("CONNECT " + serverAddress);
            super.handleConnect(request, response, callback, serverAddress);
          }

          @Override
          protected boolean handleAuthentication(
              Request request, Response response, String address) {
            return authorized(request);
          }

          @Override
          protected InetSocketAddress newConnectAddress(String host, int port) {
            return new InetSocketAddress(hosts.getOrDefault(host, host), port);
          }
        };
    server.setHandler(connect);
    server.start();
  }

  /** An open proxy. */
  static JettyForwardProxy start(Map<String, String> hosts) throws Exception {
    return new JettyForwardProxy(null, null, hosts);
  }

  /** A proxy that answers 407 unless {@code Proxy-Authorization} carries these credentials. */
  static JettyForwardProxy startWithCredentials(
      String user, String password, Map<String, String> hosts) throws Exception {
    return new JettyForwardProxy(user, password, hosts);
  }

  private boolean authorized(Request request) {
    return expectedAuthorization == null
        || expectedAuthorization.equals(request.getHeaders().get("Proxy-Authorization"));
  }

  int port() {
    return connector.getLocalPort();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
