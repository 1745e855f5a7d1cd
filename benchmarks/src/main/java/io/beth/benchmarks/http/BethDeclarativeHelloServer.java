package io.beth.benchmarks.http;

import io.beth.bootstrap.BethOptions;
import io.beth.bootstrap.RunningApplication;
import io.beth.http.HttpServerOptions;

/**
 * Beth's hello-world server written with annotations ({@link DeclarativeHelloRoutes}) and started
 * through its Dagger component, as a user's application is: the non-blocking routes at {@code
 * /plaintext} and {@code /json}, the same routes without {@code @NonBlocking} ({@link
 * BlockingHelloRoutes}) under {@code /blocking}. Usage: {@code BethDeclarativeHelloServer port
 * [ioThreads]}.
 */
public final class BethDeclarativeHelloServer {

  private BethDeclarativeHelloServer() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    RunningApplication running =
        DaggerDeclarativeHelloComponent.create()
            .beth()
            .start(
                BethOptions.builder()
                    .http(HttpServerOptions.builder().ioThreads(threads).build())
                    .httpPort(port)
                    .build())
            .join();
    System.err.println("beth (declarative) listening on " + running.address("http"));
    new java.util.concurrent.CountDownLatch(1).await();
  }
}
