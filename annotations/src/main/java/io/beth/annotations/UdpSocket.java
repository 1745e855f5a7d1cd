package io.beth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class that handles the packets of a UDP socket bound to {@link #port()}.
 *
 * <pre>{@code
 * @UdpSocket(port = 5353)
 * final class Resolver implements UdpSocketHandler {
 *   @Inject Resolver(Zones zones) { ... }
 *   ...
 * }
 * }</pre>
 *
 * <p>The class must implement the runtime's {@code io.beth.udp.UdpSocketHandler}, which is offered
 * the socket's duplex stream of packets. The port (0 to 65535; 0 picks a free port) is a default:
 * the system property {@code beth.udp.<SimpleClassName>.port} or the bootstrap's programmatic
 * override replaces it. Two UDP sockets of one application may not share a port. The class must be
 * constructible by Dagger: an {@code @Inject} constructor, or else a non-private constructor
 * without parameters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface UdpSocket {

  /** The default port, 0 to 65535; 0 picks a free port. */
  int port();
}
