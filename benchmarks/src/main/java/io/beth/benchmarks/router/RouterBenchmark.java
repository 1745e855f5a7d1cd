package io.beth.benchmarks.router;

import io.beth.http.HttpHandler;
import io.beth.http.HttpRequest;
import io.beth.http.HttpResponse;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Routing one GET request, through to the route's completed response: Beth's generated router (a
 * switch per path segment, literals before placeholders, then the generated binding) against a map
 * of regular expressions tried in order, for 10, 100 and 1,000 routes. Requests cycle over {@value
 * #REQUESTS} paths drawn uniformly from the routes, so the regex router scans half the map on
 * average. Both routers are checked to answer every sampled path 200 before measuring.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RouterBenchmark {

  static final int REQUESTS = 1024;

  @Param({"10", "100", "1000"})
  public int routes;

  private HttpHandler generated;
  private RegexRouter regex;
  private HttpRequest[] requests;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    RouteSet set = new RouteSet(routes);
    generated = GeneratedRouter.compile(set);
    regex = new RegexRouter(set.routes());
    List<RouteSet.Route> list = set.routes();
    Random random = new Random(42);
    requests = new HttpRequest[REQUESTS];
    for (int i = 0; i < REQUESTS; i++) {
      requests[i] =
          HttpRequest.builder().uri(list.get(random.nextInt(list.size())).samplePath()).build();
    }
    for (HttpRequest request : requests) {
      int a = generated.handle(request).toCompletableFuture().join().status();
      int b = regex.handle(request).toCompletableFuture().join().status();
      if (a != 200 || b != 200) {
        throw new IllegalStateException(request.rawPath() + ": generated " + a + ", regex " + b);
      }
    }
  }

  private HttpRequest nextRequest() {
    HttpRequest request = requests[next];
    next = (next + 1) & (REQUESTS - 1);
    return request;
  }

  @Benchmark
  public CompletionStage<HttpResponse> generatedRouter() throws Exception {
    return generated.handle(nextRequest());
  }

  @Benchmark
  public CompletionStage<HttpResponse> regexRouter() {
    return regex.handle(nextRequest());
  }
}
