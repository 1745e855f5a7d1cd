package io.beth.bootstrap;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** A started {@link BethApplication}: where each server listens, and how to stop them all. */
public final class RunningApplication implements AutoCloseable {

  private final Map<String, InetSocketAddress> addresses = new LinkedHashMap<>();
  private final List<Function<Duration, CompletableFuture<Void>>> stops = new ArrayList<>();

  RunningApplication() {}

  RunningApplication add(String name, InetSocketAddress address,
      Function<Duration, CompletableFuture<Void>> stop) {
    addresses.put(name, address);
    stops.add(stop);
    return this;
  }

  /** The bound address of each server by name ({@code "http"}), with actual ports. */
  public Map<String, InetSocketAddress> addresses() {
    return Collections.unmodifiableMap(addresses);
  }

  /** The bound address of server {@code name}, or {@code null}. */
  public InetSocketAddress address(String name) {
    return addresses.get(name);
  }

  /** Stops every server gracefully, each within {@code grace}, all at once. */
  public CompletableFuture<Void> stop(Duration grace) {
    return CompletableFuture.allOf(stops.stream().map(s -> s.apply(grace))
        .toArray(CompletableFuture[]::new));
  }

  /** {@link #stop(Duration)} with ten seconds' grace, waiting; never call on an event loop. */
  @Override
  public void close() {
    stop(Duration.ofSeconds(10)).join();
  }
}
