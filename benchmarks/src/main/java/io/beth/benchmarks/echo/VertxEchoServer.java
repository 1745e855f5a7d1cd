package io.beth.benchmarks.echo;

import io.beth.benchmarks.PlainVertx;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.net.InetSocketAddress;

/**
 * An independent peer: a Vert.x TCP echo the way Vert.x's documentation writes one, with the same
 * guarantee as Beth's and the Netty baseline's (it stops reading while the socket's write queue is
 * full, and resumes when it drains), one server instance per I/O thread on one port, on a Vert.x of
 * its own.
 */
final class VertxEchoServer implements AutoCloseable {

  private final Vertx vertx;
  private final InetSocketAddress address;

  VertxEchoServer(int ioThreads) throws Exception {
    int instances = Math.max(1, ioThreads);
    vertx = PlainVertx.create(instances);
    NetServerOptions options = new NetServerOptions().setHost("127.0.0.1").setTcpNoDelay(true);
    int port;
    try {
      port =
          PlainVertx.listen(
              vertx,
              instances,
              0,
              p ->
                  vertx
                      .createNetServer(options)
                      .connectHandler(VertxEchoServer::echo)
                      .listen(p)
                      .map(server -> server.actualPort()));
    } catch (Exception e) {
      PlainVertx.close(vertx); // its threads would keep the JVM alive
      throw e;
    }
    address = new InetSocketAddress("127.0.0.1", port);
  }

  private static void echo(NetSocket socket) {
    socket.exceptionHandler(ignored -> socket.close()); // as the baseline: a reset load closes
    socket.drainHandler(ignored -> socket.resume());
    socket.handler(
        buffer -> {
          socket.write(buffer);
          if (socket.writeQueueFull()) {
            socket.pause();
          }
        });
  }

  InetSocketAddress address() {
    return address;
  }

  @Override
  public void close() throws Exception {
    PlainVertx.close(vertx);
  }
}
