package io.beth.http.client;

import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.StandardConstants;
import okhttp3.mockwebserver.MockWebServer;

/**
 * OkHttp's MockWebServer serving HTTPS on a free loopback port with a self-signed certificate,
 * recording the SNI host names clients sent (through an {@link SNIMatcher} on each accepted
 * socket).
 */
final class TlsOrigin implements AutoCloseable {

  final MockWebServer server = new MockWebServer();

  /** The SNI host name of every handshake, in order. */
  final List<String> sniNames = new CopyOnWriteArrayList<>();

  TlsOrigin(SelfSignedCertificate cert) throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry("server", cert.key(), new char[0], new X509Certificate[] {cert.cert()});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, new char[0]);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), null, null);
    server.useHttps(new Recording(context.getSocketFactory()), false);
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  int port() {
    return server.getPort();
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
  }

  /** Hands out the context's server sockets with an SNI matcher that records and accepts all. */
  private final class Recording extends SSLSocketFactory {
    private final SSLSocketFactory delegate;

    Recording(SSLSocketFactory delegate) {
      this.delegate = delegate;
    }

    private Socket recording(Socket socket) {
      SSLSocket ssl = (SSLSocket) socket;
      SSLParameters params = ssl.getSSLParameters();
      params.setSNIMatchers(
          List.of(
              new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
                @Override
                public boolean matches(SNIServerName name) {
                  sniNames.add(new SNIHostName(name.getEncoded()).getAsciiName());
                  return true;
                }
              }));
      ssl.setSSLParameters(params);
      return ssl;
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose)
        throws IOException {
      return recording(delegate.createSocket(s, host, port, autoClose));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return recording(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
        throws IOException {
      return recording(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return recording(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(
        InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
      return recording(delegate.createSocket(address, port, localAddress, localPort));
    }

    @Override
    public String[] getDefaultCipherSuites() {
      return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
      return delegate.getSupportedCipherSuites();
    }
  }
}
