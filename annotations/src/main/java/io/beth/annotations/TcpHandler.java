package io.beth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class that handles the connections of a TCP server listening on {@link #port()}.
 *
 * <pre>{@code
 * @TcpHandler(port = 7000)
 * final class Echo implements TcpConnectionHandler {
 *   @Inject Echo() {}
 *   ...
 * }
 * }</pre>
 *
 * <p>The class must implement the runtime's {@code io.beth.tcp.TcpConnectionHandler}, which is
 * offered each connection's duplex stream and info. The port (0 to 65535; 0 picks a free port) is a
 * default: the system property {@code beth.tcp.<SimpleClassName>.port} or the bootstrap's
 * programmatic override replaces it. Two TCP handlers of one application may not share a port. The
 * class must be constructible by Dagger: an {@code @Inject} constructor, or else a non-private
 * constructor without parameters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface TcpHandler {

  /** The default port, 0 to 65535; 0 picks a free port. */
  int port();
}
