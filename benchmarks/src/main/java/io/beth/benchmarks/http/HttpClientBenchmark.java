package io.beth.benchmarks.http;

import io.beth.benchmarks.PlainNetty;
import io.beth.benchmarks.PlainVertx;
import io.beth.http.ClientRequest;
import io.beth.http.ClientResponse;
import io.beth.http.HttpClientOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Requests/s of Beth's HTTP client beside the JDK's {@code java.net.http.HttpClient} and Vert.x's
 * HTTP client against the same server, in one JVM: each client keeps {@code inFlight} requests
 * outstanding on keep-alive connections (a closed loop: every completed response starts the next
 * request), is warmed up, then measured; each round starts with the next client, and the medians
 * and the ratios beth/jdk, beth/vertx and vertx/jdk are reported. Vert.x runs on the transport
 * {@link PlainNetty} chooses (epoll here) with as many event loops as Beth's client.
 *
 * <p>Usage: {@code HttpClientBenchmark url [inFlight warmupSeconds seconds rounds ioThreads]}.
 */
public final class HttpClientBenchmark {

  private HttpClientBenchmark() {}

  /** One client under test: sends a GET and completes with the body's length. */
  private interface Client extends AutoCloseable {
    CompletableFuture<Integer> get();

    @Override
    void close();
  }

  public static void main(String[] args) throws Exception {
    URI uri = URI.create(args[0]);
    int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 64;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
    int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
    int ioThreads = args.length > 5 ? Integer.parseInt(args[5]) : 1;

    Map<String, Supplier<Client>> clients = new LinkedHashMap<>();
    clients.put("beth", () -> beth(uri, inFlight, ioThreads));
    clients.put("jdk", () -> jdk(uri));
    clients.put("vertx", () -> vertx(uri, inFlight, ioThreads));
    List<String> names = new ArrayList<>(clients.keySet());
    Map<String, List<Double>> results = new LinkedHashMap<>();
    System.out.printf(
        Locale.ROOT,
        "%d in flight, %d I/O threads per client, Vert.x on %s%n",
        inFlight,
        ioThreads,
        PlainNetty.transport());
    for (int round = 1; round <= rounds; round++) {
      for (int i = 0; i < names.size(); i++) { // each round starts with the next client
        String name = names.get((round - 1 + i) % names.size());
        try (Client client = clients.get(name).get()) {
          run(client, inFlight, warmup);
          double rps = run(client, inFlight, seconds);
          results.computeIfAbsent(name, k -> new ArrayList<>()).add(rps);
          System.out.printf(Locale.ROOT, "round %d %-5s %10.0f requests/s%n", round, name, rps);
        }
      }
    }
    double beth = median(results.get("beth"));
    double jdk = median(results.get("jdk"));
    double vertx = median(results.get("vertx"));
    System.out.printf(
        Locale.ROOT,
        "%nmedian of %d rounds, %d in flight, %d s each:%n",
        rounds,
        inFlight,
        seconds);
    System.out.printf(
        Locale.ROOT,
        "beth  %10.0f requests/s%njdk   %10.0f requests/s%n" + "vertx %10.0f requests/s%n",
        beth,
        jdk,
        vertx);
    System.out.printf(
        Locale.ROOT,
        "beth/jdk %.2f%nbeth/vertx %.2f%nvertx/jdk %.2f%n",
        beth / jdk,
        beth / vertx,
        vertx / jdk);
  }

  private static Client beth(URI uri, int inFlight, int ioThreads) {
    io.beth.http.HttpClient client =
        io.beth.http.HttpClient.create(
            HttpClientOptions.builder()
                .maxConnectionsPerHost(inFlight)
                .maxConnections(inFlight)
                .ioThreads(ioThreads)
                .build());
    ClientRequest request = ClientRequest.get(uri).build();
    return new Client() {
      @Override
      public CompletableFuture<Integer> get() {
        return client.send(request).thenCompose(ClientResponse::bytes).thenApply(b -> b.length);
      }

      @Override
      public void close() {
        client.close();
      }
    };
  }

  /**
   * The JDK's client on an executor of its own. It is {@link AutoCloseable} from JDK 21 on and then
   * closed; on JDK 17 it has no close, so its executor is shut down and the last reference dropped,
   * and its selector thread ends once the client is collected.
   */
  private static Client jdk(URI uri) {
    ExecutorService executor =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread t = new Thread(runnable, "jdk-http-client");
              t.setDaemon(true);
              return t;
            });
    HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
    return new Client() {
      private HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(10))
              .executor(executor)
              .build();

      @Override
      public CompletableFuture<Integer> get() {
        return client
            .sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
            .thenApply(r -> r.body().length);
      }

      @Override
      public void close() {
        Object c = client;
        client = null;
        if (c instanceof AutoCloseable closeable) { // JDK 21+
          try {
            closeable.close();
          } catch (Exception e) {
            throw new IllegalStateException("closing the JDK client", e);
          }
        }
        executor.shutdown();
      }
    };
  }

  /**
   * Vert.x's HTTP/1.1 client with a pool of {@code inFlight} keep-alive connections (its default is
   * 5), on a Vert.x of its own with {@code ioThreads} event loops, closed with it.
   */
  private static Client vertx(URI uri, int inFlight, int ioThreads) {
    Vertx vertx = PlainVertx.create(ioThreads);
    HttpClientAgent client =
        vertx.createHttpClient(
            new io.vertx.core.http.HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
            new PoolOptions().setHttp1MaxSize(inFlight));
    String path = uri.getRawPath();
    return new Client() {
      @Override
      public CompletableFuture<Integer> get() {
        return client
            .request(HttpMethod.GET, uri.getPort(), uri.getHost(), path)
            .compose(request -> request.send().compose(HttpClientResponse::body))
            .map(Buffer::length)
            .toCompletionStage()
            .toCompletableFuture();
      }

      @Override
      public void close() {
        try {
          PlainVertx.close(vertx);
        } catch (Exception e) {
          throw new IllegalStateException("closing Vert.x", e);
        }
      }
    };
  }

  /** Runs {@code inFlight} closed loops for {@code seconds}; returns completed requests/s. */
  private static double run(Client client, int inFlight, int seconds) throws Exception {
    AtomicLong completed = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    CountDownLatch loops = new CountDownLatch(inFlight);
    long start = System.nanoTime();
    for (int i = 0; i < inFlight; i++) {
      loop(client::get, end, completed, failed, loops);
    }
    if (!loops.await(seconds + 30L, TimeUnit.SECONDS)) {
      throw new IllegalStateException("requests did not finish");
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    if (failed.get() > 0) {
      throw new IllegalStateException(failed.get() + " requests failed");
    }
    return completed.get() / elapsed;
  }

  private static void loop(
      Supplier<CompletableFuture<Integer>> send,
      long end,
      AtomicLong completed,
      AtomicLong failed,
      CountDownLatch loops) {
    send.get()
        .whenComplete(
            (length, error) -> {
              if (error != null) {
                failed.incrementAndGet();
                loops.countDown();
                return;
              }
              completed.incrementAndGet();
              if (System.nanoTime() < end) {
                loop(send, end, completed, failed, loops);
              } else {
                loops.countDown();
              }
            });
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
