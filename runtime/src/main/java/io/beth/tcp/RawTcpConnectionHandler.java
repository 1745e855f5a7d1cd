package io.beth.tcp;

import io.beth.stream.DuplexStream;
import io.netty.buffer.ByteBuf;

/**
 * Like {@link TcpConnectionHandler}, but the bytes received are handed over as Netty {@link
 * ByteBuf}s without copying: whoever takes a buffer from the stream must release it. For full
 * performance; see {@link TcpServer#startRaw}.
 */
@FunctionalInterface
public interface RawTcpConnectionHandler {

  /** Takes charge of one connection; release every buffer taken from {@code stream}. */
  void handle(DuplexStream<ByteBuf, Object> stream, ConnectionInfo info) throws Exception;
}
