package io.beth.bootstrap;

import io.beth.transport.BethResources;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * A started {@link BethApplication}: where each listener is bound, and how to stop them all.
 * Listeners are named as {@link Listener#name()} says: {@code http}, {@code tcp.<SimpleClassName>},
 * {@code udp.<SimpleClassName>}.
 *
 * <p>Beth's threads are daemon threads: they do not keep the JVM alive by themselves. A {@code
 * main} that should serve until the process is stopped waits for {@link #stopped()}:
 *
 * <pre>{@code
 * RunningApplication running = DaggerApp.create().beth().start().join();
 * running.stopped().join(); // serves until stop() or the end of the JVM (Ctrl-C)
 * }</pre>
 */
public final class RunningApplication implements AutoCloseable {

  private final List<Listener> listeners = new ArrayList<>();
  private final Map<String, InetSocketAddress> addresses = new LinkedHashMap<>();
  private final List<Function<Duration, CompletableFuture<Void>>> stops = new ArrayList<>();
  private final BethResources resources;
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();

  /** Closes {@code resources} (null for none) once every listener has stopped. */
  RunningApplication(BethResources resources) {
    this.resources = resources;
  }

  RunningApplication add(Listener listener, Function<Duration, CompletableFuture<Void>> stop) {
    listeners.add(listener);
    addresses.put(listener.name(), listener.address());
    stops.add(stop);
    return this;
  }

  /** Every bound listener: HTTP first, then TCP, then UDP, each in declaration order. */
  public List<Listener> listeners() {
    return Collections.unmodifiableList(listeners);
  }

  /**
   * The bound address of each listener by name, with actual ports, in {@link #listeners()} order.
   */
  public Map<String, InetSocketAddress> addresses() {
    return Collections.unmodifiableMap(addresses);
  }

  /** The bound address of listener {@code name} ({@code "http"}, {@code "tcp.Echo"}), or null. */
  public InetSocketAddress address(String name) {
    return addresses.get(name);
  }

  /**
   * Stops every listener gracefully and at once: each stops accepting, lets what is in flight
   * finish for up to {@code grace}, then closes. Then, if the application was given resources
   * ({@link BethOptions.Builder#resources}), closes them: event loops, then the blocking executor
   * (whose tasks get {@code grace} more), then the timer. Completes once all are closed.
   */
  public CompletableFuture<Void> stop(Duration grace) {
    CompletableFuture<Void> listeners =
        CompletableFuture.allOf(
            stops.stream().map(s -> s.apply(grace)).toArray(CompletableFuture[]::new));
    CompletableFuture<Void> all =
        resources == null
            ? listeners
            : listeners
                .handle((v, failure) -> failure)
                .thenCompose(
                    failure ->
                        resources
                            .shutdownGracefully(Duration.ZERO, grace)
                            .thenRun(
                                () -> {
                                  if (failure != null) {
                                    throw failure instanceof CompletionException c
                                        ? c
                                        : new CompletionException(failure);
                                  }
                                }));
    all.whenComplete(
        (v, e) -> {
          if (e == null) {
            stopped.complete(null);
          } else {
            stopped.completeExceptionally(e);
          }
        });
    return all;
  }

  /**
   * Completes once {@link #stop(Duration)} (or {@link #close()}) has stopped every listener,
   * exceptionally if stopping one failed. Waiting for it keeps a {@code main} serving.
   */
  public CompletableFuture<Void> stopped() {
    return stopped.copy();
  }

  /** {@link #stop(Duration)} with ten seconds' grace, waiting; never call on an event loop. */
  @Override
  public void close() {
    stop(Duration.ofSeconds(10)).join();
  }
}
