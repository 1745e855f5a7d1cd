package io.beth.bootstrap;

import io.beth.http.HttpHandler;
import io.beth.http.HttpServer;
import io.beth.tcp.TcpConnectionHandler;
import io.beth.tcp.TcpServer;
import io.beth.transport.BethResources;
import io.beth.udp.UdpChannel;
import io.beth.udp.UdpSocketHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything an application's Beth annotations declared, as the generated Dagger module provides
 * it: the HTTP router (with the WebSocket endpoints), every TCP handler and every UDP socket. Ask
 * your component for it and start it.
 *
 * <pre>{@code
 * @Component(modules = {BethModule.class, MyServicesModule.class})
 * interface App {
 *   BethApplication beth();
 * }
 *
 * RunningApplication running = DaggerApp.create().beth()
 *     .start(BethOptions.builder().httpPort(0).port("tcp.Echo", 7001).build()).join();
 * running.listeners().forEach(System.out::println);
 * running.stop(Duration.ofSeconds(5)).join();
 * }</pre>
 *
 * <p>Listener names and how their ports are chosen: see {@link BethOptions}. Given {@link
 * BethOptions.Builder#resources resources}, every listener runs on them and {@link
 * RunningApplication#stop} closes them after the listeners.
 */
public final class BethApplication {

  private static final Logger log = LoggerFactory.getLogger(BethApplication.class);

  /** The HTTP port used when neither options nor the system property give one. */
  public static final int DEFAULT_HTTP_PORT = 8080;

  private final HttpHandler http;
  private final List<Endpoint<TcpConnectionHandler>> tcp;
  private final List<Endpoint<UdpSocketHandler>> udp;

  private BethApplication(Builder b) {
    this.http = b.http;
    this.tcp = List.copyOf(b.tcp);
    this.udp = List.copyOf(b.udp);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The names of the listeners this application starts, in start order. */
  public Set<String> listenerNames() {
    Set<String> names = new LinkedHashSet<>();
    if (http != null) {
      names.add(BethOptions.HTTP);
    }
    tcp.forEach(e -> names.add(e.name));
    udp.forEach(e -> names.add(e.name));
    return names;
  }

  /** Starts every listener, with system properties and annotation defaults for ports. */
  public CompletableFuture<RunningApplication> start() {
    return start(BethOptions.defaults());
  }

  /**
   * Starts every listener at once; completes once all are bound, or fails (having stopped those
   * that started, and leaving the options' resources open) with an {@link IllegalStateException}
   * naming the first that could not start.
   */
  public CompletableFuture<RunningApplication> start(BethOptions options) {
    Objects.requireNonNull(options, "options == null");
    Set<String> names = listenerNames();
    for (String name : options.portOverrides()) {
      if (!names.contains(name) && !name.equals(BethOptions.HTTP)) {
        return CompletableFuture.failedFuture(
            new IllegalArgumentException(
                "A port was given for "
                    + name
                    + ", but the application has no listener of that name; its listeners are "
                    + names));
      }
    }
    List<CompletableFuture<Started>> starting = new ArrayList<>();
    if (http != null) {
      starting.add(startHttp(options));
    }
    tcp.forEach(e -> starting.add(startTcp(e, options)));
    udp.forEach(e -> starting.add(startUdp(e, options)));
    return CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new))
        .handle(
            (ignored, failure) -> {
              if (failure == null) {
                RunningApplication running = new RunningApplication(options.resources());
                starting.forEach(s -> running.add(s.join().listener, s.join().stop));
                return running;
              }
              for (CompletableFuture<Started> s : starting) {
                s.thenAccept(started -> started.stop.apply(Duration.ZERO));
              }
              throw failure instanceof CompletionException c ? c : new CompletionException(failure);
            });
  }

  private CompletableFuture<Started> startHttp(BethOptions options) {
    return attempt(
        BethOptions.HTTP,
        () -> options.httpPort(),
        port ->
            HttpServer.start(http, options.httpOptions())
                .thenApply(
                    s ->
                        new Started(new Listener(BethOptions.HTTP, "http", s.address()), s::stop)));
  }

  private static CompletableFuture<Started> startTcp(
      Endpoint<TcpConnectionHandler> endpoint, BethOptions options) {
    return attempt(
        endpoint.name,
        () -> options.port(endpoint.name, endpoint.defaultPort),
        port ->
            TcpServer.start(
                    endpoint.handler, options.tcpOptions(endpoint.name, endpoint.defaultPort))
                .thenApply(
                    s -> new Started(new Listener(endpoint.name, "tcp", s.address()), s::stop)));
  }

  private static CompletableFuture<Started> startUdp(
      Endpoint<UdpSocketHandler> endpoint, BethOptions options) {
    return attempt(
        endpoint.name,
        () -> options.port(endpoint.name, endpoint.defaultPort),
        port ->
            UdpChannel.open(options.udpOptions(endpoint.name, endpoint.defaultPort))
                .thenApply(channel -> serveUdp(endpoint, channel, resourcesOf(options))));
  }

  /** Hands {@code channel} to the endpoint's handler off the event loop. */
  private static Started serveUdp(
      Endpoint<UdpSocketHandler> endpoint, UdpChannel channel, BethResources resources) {
    resources
        .blockingExecutor()
        .execute(
            () -> {
              try {
                endpoint.handler.handle(channel);
              } catch (Exception | Error e) {
                log.warn("UDP handler {} failed; closing its socket", endpoint.name, e);
                channel.fail(e);
              }
            });
    return new Started(
        new Listener(endpoint.name, "udp", channel.localAddress()),
        grace -> closeUdp(channel, grace, resources));
  }

  private static BethResources resourcesOf(BethOptions options) {
    return options.resources() != null ? options.resources() : BethResources.shared();
  }

  private static CompletableFuture<Void> closeUdp(
      UdpChannel channel, Duration grace, BethResources resources) {
    channel.close();
    CompletableFuture<Void> closed = channel.socketClosed().toCompletableFuture();
    if (!closed.isDone()) {
      ScheduledFuture<?> deadline =
          resources
              .timer()
              .schedule(
                  () -> {
                    if (!closed.isDone()) {
                      channel.fail(new IllegalStateException("the application stopped"));
                    }
                  },
                  grace.toNanos(),
                  TimeUnit.NANOSECONDS);
      closed.whenComplete((v, e) -> deadline.cancel(false));
    }
    return closed;
  }

  /** Runs {@code start} on the resolved port; any failure names the listener and the port. */
  private static CompletableFuture<Started> attempt(
      String name, PortResolver resolver, Function<Integer, CompletableFuture<Started>> start) {
    int port;
    try {
      port = resolver.port();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<Started> started;
    try {
      started = start.apply(port);
    } catch (RuntimeException e) {
      started = CompletableFuture.failedFuture(e);
    }
    return started.handle(
        (s, e) -> {
          if (e == null) {
            return s;
          }
          Throwable cause =
              e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
          throw new CompletionException(
              new IllegalStateException(
                  "Cannot start " + name + " on port " + port + ": " + cause.getMessage(), cause));
        });
  }

  @FunctionalInterface
  private interface PortResolver {
    int port();
  }

  private record Started(Listener listener, Function<Duration, CompletableFuture<Void>> stop) {}

  private record Endpoint<H>(String name, int defaultPort, H handler) {}

  /** Builds a {@link BethApplication}; generated modules call it. */
  public static final class Builder {
    private HttpHandler http;
    private final List<Endpoint<TcpConnectionHandler>> tcp = new ArrayList<>();
    private final List<Endpoint<UdpSocketHandler>> udp = new ArrayList<>();
    private final Set<String> names = new LinkedHashSet<>();

    Builder() {}

    /** The handler of the application's HTTP server (its generated router). */
    public Builder http(HttpHandler handler) {
      this.http = Objects.requireNonNull(handler, "handler == null");
      return this;
    }

    /**
     * A TCP server named {@code tcp.<name>} (a {@code @TcpHandler} class's simple name) on {@code
     * defaultPort} unless options or the system property say otherwise.
     */
    public Builder tcp(String name, int defaultPort, TcpConnectionHandler handler) {
      tcp.add(
          new Endpoint<>(
              name("tcp", name, defaultPort),
              defaultPort,
              Objects.requireNonNull(handler, "handler == null")));
      return this;
    }

    /**
     * A UDP socket named {@code udp.<name>} (a {@code @UdpSocket} class's simple name) on {@code
     * defaultPort} unless options or the system property say otherwise.
     */
    public Builder udp(String name, int defaultPort, UdpSocketHandler handler) {
      udp.add(
          new Endpoint<>(
              name("udp", name, defaultPort),
              defaultPort,
              Objects.requireNonNull(handler, "handler == null")));
      return this;
    }

    private String name(String protocol, String name, int port) {
      Objects.requireNonNull(name, "name == null");
      if (name.isEmpty() || name.contains(".")) {
        throw new IllegalArgumentException("a listener name is a simple name: " + name);
      }
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range (0 to 65535): " + port);
      }
      String full = protocol + "." + name;
      if (!names.add(full)) {
        throw new IllegalArgumentException("two listeners named " + full);
      }
      return full;
    }

    public BethApplication build() {
      return new BethApplication(this);
    }
  }
}
