package io.beth.tcp;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * What is known about one TCP connection when its handler is called.
 *
 * @param remoteAddress the peer's address
 * @param localAddress this side's address
 * @param tlsSession the negotiated TLS session, empty for a plain connection
 */
public record ConnectionInfo(
    InetSocketAddress remoteAddress,
    InetSocketAddress localAddress,
    Optional<SSLSession> tlsSession) {

  /** Checks that no component is null. */
  public ConnectionInfo {
    Objects.requireNonNull(remoteAddress, "remoteAddress == null");
    Objects.requireNonNull(localAddress, "localAddress == null");
    Objects.requireNonNull(tlsSession, "tlsSession == null");
  }

  /** Whether the connection is encrypted with TLS. */
  public boolean isTls() {
    return tlsSession.isPresent();
  }
}
