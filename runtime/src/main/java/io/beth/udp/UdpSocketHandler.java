package io.beth.udp;

/**
 * Handles a UDP socket: the contract of a {@code @UdpSocket} class, which the application's
 * bootstrap opens on the class's port and hands over once bound. A socket that sends every packet
 * back to its sender:
 *
 * <pre>{@code
 * @UdpSocket(port = 10002)
 * public final class Echo implements UdpSocketHandler {
 *   @Inject Echo() {}
 *
 *   @Override
 *   public void handle(UdpChannel socket) {
 *     Streams.connect(socket, socket);
 *   }
 * }
 * }</pre>
 *
 * <p>{@link #handle} is called once, off the event loop (it may block, but should return quickly
 * and let the stream do the work). Packets received are taken from the channel with their sender's
 * address; a packet put is sent to its own address. The application closes the channel when it
 * stops; if {@code handle} throws, the channel fails and closes at once.
 */
@FunctionalInterface
public interface UdpSocketHandler {

  /** Takes charge of the bound socket. */
  void handle(UdpChannel socket) throws Exception;
}
