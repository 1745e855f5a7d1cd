package io.beth.transport;

import io.beth.stream.internal.DaemonTimer;
import io.beth.transport.internal.BlockingExecutor;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads Beth runs on, with one owner: event loops on one {@link Transport}, the executor of
 * handlers that may block (a virtual thread per task on Java 21+), and one timer for the timeouts
 * no channel owns (a channel's own timeouts and heartbeats run on its event loop). Every server and
 * client runs on the resources its options name ({@code resources(...)}), else on {@link
 * #shared()}; a {@code BethApplication} given resources in its options closes them when it stops.
 * Threads start on first use.
 *
 * <pre>{@code
 * BethResources resources = BethResources.builder().eventLoopThreads(2).build();
 * HttpServer server = HttpServer.start(handler,
 *     HttpServerOptions.builder().resources(resources).build()).join();
 * // ...
 * server.stop(Duration.ofSeconds(5)).join();
 * resources.close();
 * }</pre>
 *
 * <p>Closing stops, in order: the event loops (every channel still on them closes at once, without
 * grace: a server on them stops listening and drops its connections, and nothing can start on them
 * any more, which fails with an {@link IllegalStateException}); then the blocking executor (running
 * tasks get the timeout to finish, then are interrupted; an executor given to the builder is left
 * running); then the timer (delayed tasks are dropped). Stop servers and close clients first.
 */
public final class BethResources implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(BethResources.class);

  /** How long {@link #shutdownGracefully()} lets blocking tasks finish. */
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private static volatile BethResources shared;

  private final String name;
  private final Transport transport;
  private final EventLoopGroup eventLoops;
  private final Executor blockingExecutor;
  private final ExecutorService ownedExecutor;
  private final DaemonTimer timer;
  private final boolean isShared;
  private final AtomicBoolean closing = new AtomicBoolean();
  private final CompletableFuture<Void> terminated = new CompletableFuture<>();

  private BethResources(Builder b, boolean isShared) {
    this.name = b.name;
    this.transport = b.transport != null ? b.transport : Transport.configured();
    if (!transport.isAvailable()) {
      throw new IllegalStateException(
          "the "
              + transport
              + " transport is not available here ("
              + transport.unavailabilityCause()
              + "); choose another with "
              + Transport.PROPERTY
              + " or BethResources.builder().transport(...)",
          transport.unavailabilityCause());
    }
    this.isShared = isShared;
    this.eventLoops =
        new MultiThreadIoEventLoopGroup(
            b.eventLoopThreads,
            new DefaultThreadFactory(name + "-io", true),
            transport.ioHandlerFactory());
    this.ownedExecutor =
        b.blockingExecutor == null ? BlockingExecutor.create(name + "-blocking") : null;
    this.blockingExecutor = b.blockingExecutor != null ? b.blockingExecutor : ownedExecutor;
    this.timer = isShared ? DaemonTimer.shared() : new DaemonTimer(name + "-timer");
  }

  /**
   * The shared default, created on first use with daemon threads named {@code beth-io-*}, {@code
   * beth-blocking-*} (before Java 21) and {@code beth-timer}, on {@link Transport#configured()}; it
   * lives as long as the JVM and is never closed. Stream timeouts, periodic sources and Server-Sent
   * Events keep-alives use its timer.
   */
  public static BethResources shared() {
    BethResources r = shared;
    if (r == null) {
      synchronized (BethResources.class) {
        r = shared;
        if (r == null) {
          shared = r = new BethResources(new Builder(), true);
        }
      }
    }
    return r;
  }

  /** A builder of resources of one's own: name {@code beth}, the configured transport. */
  public static Builder builder() {
    return new Builder();
  }

  /** The prefix of its threads' names. */
  public String name() {
    return name;
  }

  /** The transport of its event loops. */
  public Transport transport() {
    return transport;
  }

  /** The event loops every channel on these resources is registered with. */
  public EventLoopGroup eventLoopGroup() {
    return eventLoops;
  }

  /** Where handlers that may block run (and name lookups, file reads). */
  public Executor blockingExecutor() {
    return blockingExecutor;
  }

  /**
   * The timer for timeouts and periodic work that belongs to no one channel (grace periods, for
   * one); tasks run on its one thread and must not block. Closing the resources stops it; it
   * refuses {@code shutdown()}.
   */
  public ScheduledExecutorService timer() {
    return timer;
  }

  /** Whether these are {@link #shared()}, which are never closed. */
  public boolean isShared() {
    return isShared;
  }

  /** Whether closing has begun: nothing can start on them any more. */
  public boolean isClosed() {
    return closing.get();
  }

  /** {@link #shutdownGracefully(Duration, Duration)} with no quiet period and five seconds. */
  public CompletableFuture<Void> shutdownGracefully() {
    return shutdownGracefully(Duration.ZERO, DEFAULT_TIMEOUT);
  }

  /**
   * Closes, in the order the class comment says: the event loops with Netty's {@code quietPeriod}
   * and {@code timeout}, then the blocking executor (its tasks get {@code timeout}), then the
   * timer. The future completes once all have stopped; calling again returns the same. The shared
   * default refuses with an {@link IllegalStateException}.
   */
  public CompletableFuture<Void> shutdownGracefully(Duration quietPeriod, Duration timeout) {
    Objects.requireNonNull(quietPeriod, "quietPeriod == null");
    Objects.requireNonNull(timeout, "timeout == null");
    if (isShared) {
      throw new IllegalStateException("the shared resources are never closed");
    }
    if (closing.compareAndSet(false, true)) {
      eventLoops.shutdownGracefully(quietPeriod.toNanos(), timeout.toNanos(), TimeUnit.NANOSECONDS);
      // Waits on the timer's own thread: a listener on Netty's termination future would start
      // Netty's global executor thread.
      timer.execute(() -> stopInOrder(quietPeriod.plus(timeout), timeout));
    }
    return terminated.copy();
  }

  /**
   * {@link #shutdownGracefully()}, waiting for it. Never call it on one of these resources' threads
   * (it would wait for itself): that is an {@link IllegalStateException}.
   */
  @Override
  public void close() {
    if (timer.isTimerThread() || onEventLoop()) {
      throw new IllegalStateException(
          "close() on a thread of " + this + " would wait for itself; use shutdownGracefully()");
    }
    shutdownGracefully().join();
  }

  /** Completes once closed: every thread of these resources has stopped. */
  public CompletableFuture<Void> terminationFuture() {
    return terminated.copy();
  }

  private boolean onEventLoop() {
    for (EventExecutor loop : eventLoops) {
      if (loop.inEventLoop()) {
        return true;
      }
    }
    return false;
  }

  /** On the timer's thread: waits for the loops, stops the executor, then the timer. */
  private void stopInOrder(Duration loopsTimeout, Duration executorTimeout) {
    try {
      long loopsWait = loopsTimeout.plusSeconds(5).toNanos();
      if (!eventLoops.awaitTermination(loopsWait, TimeUnit.NANOSECONDS)) {
        log.warn("{}: event loops still running {} after closing; going on", this, loopsTimeout);
      }
      if (ownedExecutor != null) {
        ownedExecutor.shutdown();
        if (!ownedExecutor.awaitTermination(executorTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
          log.warn(
              "{}: blocking tasks still running {} after closing; interrupting them",
              this,
              executorTimeout);
          ownedExecutor.shutdownNow();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      timer.terminationFuture().whenComplete((v, e) -> terminated.complete(null));
      timer.stop();
    }
  }

  @Override
  public String toString() {
    return "BethResources["
        + name
        + ", "
        + transport
        + (isShared ? ", shared" : "")
        + (closing.get() ? ", closed" : "")
        + "]";
  }

  /** Builds {@link BethResources}; each {@link #build()} makes a new set of threads. */
  public static final class Builder {
    private String name = "beth";
    private Transport transport;
    private int eventLoopThreads;
    private Executor blockingExecutor;

    private Builder() {}

    /**
     * The prefix of the threads' names (default {@code beth}): {@code <name>-io-*} for the event
     * loops, {@code <name>-blocking-*} for the blocking executor's before Java 21 (virtual threads
     * are unnamed), {@code <name>-timer}.
     */
    public Builder name(String name) {
      Objects.requireNonNull(name, "name == null");
      if (name.isBlank()) {
        throw new IllegalArgumentException("name is blank");
      }
      this.name = name;
      return this;
    }

    /**
     * The transport of the event loops; by default {@link Transport#configured()}. One not
     * available here fails {@link #build()} with why.
     */
    public Builder transport(Transport transport) {
      this.transport = Objects.requireNonNull(transport, "transport == null");
      return this;
    }

    /** How many event loops; 0 (the default) is Netty's default, twice the processors. */
    public Builder eventLoopThreads(int threads) {
      if (threads < 0) {
        throw new IllegalArgumentException("eventLoopThreads < 0: " + threads);
      }
      this.eventLoopThreads = threads;
      return this;
    }

    /**
     * Runs handlers that may block on {@code executor} instead of an executor of the resources'
     * own; closing the resources leaves it running (its owner shuts it down).
     */
    public Builder blockingExecutor(Executor executor) {
      this.blockingExecutor = Objects.requireNonNull(executor, "executor == null");
      return this;
    }

    /** New resources; threads start on first use. */
    public BethResources build() {
      return new BethResources(this, false);
    }
  }
}
