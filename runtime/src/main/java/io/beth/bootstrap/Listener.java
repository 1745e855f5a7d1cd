package io.beth.bootstrap;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One bound listener of a {@link RunningApplication}.
 *
 * @param name the listener's name: {@code http} for the HTTP server (which also serves the
 *     WebSocket endpoints), {@code tcp.<SimpleClassName>} for a {@code @TcpHandler} class and
 *     {@code udp.<SimpleClassName>} for a {@code @UdpSocket} class; the system property {@code
 *     beth.<name>.port} and {@link BethOptions.Builder#port(String, int)} set its port
 * @param protocol {@code http}, {@code tcp} or {@code udp}
 * @param address the bound address, with the actual port when 0 was asked for
 */
public record Listener(String name, String protocol, InetSocketAddress address) {

  /** Checks that no component is null. */
  public Listener {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(protocol, "protocol == null");
    Objects.requireNonNull(address, "address == null");
  }
}
