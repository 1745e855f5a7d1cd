package io.beth.benchmarks;

import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.transport.Transport;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Vert.x, an independent peer beside Beth and the hand-written Netty baselines: an instance on the
 * transport {@link PlainNetty#transport()} chooses, and servers spread over its event loops the way
 * Vert.x spreads them (a verticle deployed in several instances, each with a server on one shared
 * port and an event loop of its own, taking the connections in turn).
 */
public final class PlainVertx {

  /** The prefix of the names of Vert.x's event-loop and acceptor threads. */
  public static final String THREADS = "vert.x-";

  private PlainVertx() {}

  /** A new Vert.x with {@code eventLoops} event loops on {@link PlainNetty#transport()}. */
  public static Vertx create(int eventLoops) {
    Transport transport;
    switch (PlainNetty.transport()) {
      case IO_URING:
        transport = Transport.IO_URING;
        break;
      case EPOLL:
        transport = Transport.EPOLL;
        break;
      default:
        transport = Transport.NIO;
    }
    VertxOptions options = new VertxOptions().setEventLoopPoolSize(eventLoops);
    Vertx vertx = Vertx.builder().with(options).withTransport(transport).build();
    if (!vertx.isNativeTransportEnabled() && transport != Transport.NIO) {
      vertx.close();
      throw new IllegalStateException(
          "Vert.x could not run on " + PlainNetty.transport(),
          vertx.unavailableNativeTransportCause());
    }
    return vertx;
  }

  /**
   * Starts {@code instances} servers on one port, each on an event loop of its own: deploys that
   * many instances of a verticle whose start is {@code listen} (which binds one server to the port
   * it is given and completes with the port bound). {@code port} 0 picks a free port that all the
   * instances share. Returns the port.
   */
  public static int listen(
      Vertx vertx, int instances, int port, IntFunction<Future<Integer>> listen) throws Exception {
    AtomicInteger bound = new AtomicInteger();
    int shared = port == 0 ? -1 : port; // Vert.x: a negative port is a free port, shared
    Supplier<Deployable> verticle = () -> context -> listen.apply(shared).onSuccess(bound::set);
    vertx
        .deployVerticle(verticle, new DeploymentOptions().setInstances(instances))
        .toCompletionStage()
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    return bound.get();
  }

  /** Closes {@code vertx} and everything it runs, waiting at most 10 s. */
  public static void close(Vertx vertx) throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
