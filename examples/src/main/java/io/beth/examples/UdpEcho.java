package io.beth.examples;

import io.beth.annotations.UdpSocket;
import io.beth.stream.Streams;
import io.beth.udp.UdpChannel;
import io.beth.udp.UdpSocketHandler;
import jakarta.inject.Inject;

/**
 * UDP echo: every packet goes back to its sender (a packet received carries the sender's address,
 * and a packet put is sent to its address). Listener {@code udp.UdpEcho}: port 10002 unless {@code
 * --udp-port} or {@code -Dbeth.udp.UdpEcho.port} says otherwise.
 */
@UdpSocket(port = 10002)
public final class UdpEcho implements UdpSocketHandler {

  @Inject
  UdpEcho() {}

  @Override
  public void handle(UdpChannel socket) {
    Streams.connect(socket, socket);
  }
}
