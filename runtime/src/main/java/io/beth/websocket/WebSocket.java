package io.beth.websocket;

import io.beth.stream.DuplexStream;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/**
 * An open WebSocket as a duplex stream. Taken messages are {@code String} for text messages and
 * {@code byte[]} for binary ones (fragments already aggregated). Put a {@link CharSequence} to send
 * a text message, anything {@link io.beth.bytes.Bytes} converts (such as {@code byte[]}, {@code
 * ByteBuffer}, {@code ByteBuf}) to send a binary one; a put completes once the message is accepted,
 * later while the peer is slow to read.
 *
 * <p>Control frames are the runtime's: pings are answered, heartbeat pings are sent if configured.
 * Closing the outbound half (or the whole socket) sends a close frame after the accepted messages
 * and waits for the peer's close frame up to the close timeout; the inbound half ends when the
 * peer's close frame arrives. A connection lost without a close frame fails the inbound half with a
 * {@link WebSocketException}.
 */
public interface WebSocket extends DuplexStream<Object, Object> {

  /** The negotiated subprotocol, or {@code null} if none. */
  String subprotocol();

  /** Whether {@code permessage-deflate} was negotiated. */
  boolean isCompressed();

  /** The address of the peer. */
  InetSocketAddress remoteAddress();

  /** Completes with the status the socket ended with, once it ended; see {@link CloseStatus}. */
  CompletableFuture<CloseStatus> closeStatus();

  /**
   * Sends a close frame with {@code code} and {@code reason} after the messages already accepted,
   * then waits for the peer's; the socket accepts no more messages. A null {@code reason} is none.
   *
   * @throws IllegalArgumentException if {@code code} may not be sent (RFC 6455 7.4 allows
   *     1000-1003, 1007-1014 and 3000-4999) or {@code reason} is over 123 bytes of UTF-8; the
   *     socket is then left as it was
   */
  void close(int code, String reason);
}
