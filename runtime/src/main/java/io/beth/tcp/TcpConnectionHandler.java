package io.beth.tcp;

import io.beth.stream.DuplexStream;

/**
 * Handles one TCP connection, given as a duplex stream: it emits the bytes received as {@code
 * byte[]} chunks (boundaries are arbitrary: see {@link Framing}) and accepts anything convertible
 * to bytes ({@code byte[]}, {@code ByteBuffer}, {@code ByteBuf}, {@code CharSequence} as UTF-8). An
 * echo server:
 *
 * <pre>{@code
 * TcpServer.start((stream, info) -> Streams.connect(stream, stream), TcpServerOptions.DEFAULT);
 * }</pre>
 *
 * <p>The handler is called once per connection (after the TLS handshake, if any) on the server's
 * handler executor; it should return quickly and let the stream do the work.
 */
@FunctionalInterface
public interface TcpConnectionHandler {

  /** Takes charge of one connection; closing the stream closes the connection. */
  void handle(DuplexStream<byte[], Object> stream, ConnectionInfo info) throws Exception;
}
