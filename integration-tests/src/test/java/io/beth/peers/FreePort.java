package io.beth.peers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Ports for peers that cannot bind port 0 and report it (nginx, tinyproxy, dante, chromedriver): a
 * loopback port the kernel just handed out and released. {@link PeerProcess#start} tries again with
 * a new one if another process took it meanwhile.
 */
final class FreePort {

  private FreePort() {}

  /** A loopback TCP port that was free a moment ago. */
  static int pick() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
