package io.beth.examples;

import io.beth.annotations.TcpHandler;
import io.beth.stream.DuplexStream;
import io.beth.stream.Streams;
import io.beth.tcp.ConnectionInfo;
import io.beth.tcp.TcpConnectionHandler;
import jakarta.inject.Inject;

/**
 * TCP echo: every byte of a connection goes back to it. Listener {@code tcp.TcpEcho}: port 10001
 * unless {@code --tcp-port} or {@code -Dbeth.tcp.TcpEcho.port} says otherwise.
 */
@TcpHandler(port = 10001)
public final class TcpEcho implements TcpConnectionHandler {

  @Inject
  TcpEcho() {}

  @Override
  public void handle(DuplexStream<byte[], Object> stream, ConnectionInfo info) {
    Streams.connect(stream, stream);
  }
}
