package io.beth.examples;

import io.beth.bootstrap.BethClientOptions;
import io.beth.http.HttpClient;
import io.beth.http.HttpResponseException;
import java.io.PrintStream;
import java.net.URI;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Calls {@code GET /users/{id}} of a running example through the generated typed client and prints
 * {@code user <id>: <name>}:
 *
 * <pre>{@code
 * java -cp examples/target/beth-examples.jar io.beth.examples.UserClientMain 7
 * java -cp examples/target/beth-examples.jar io.beth.examples.UserClientMain \
 *     --base-uri http://localhost:8081 7
 * }</pre>
 *
 * The base URI is {@code --base-uri}, else the system property {@code
 * beth.client.io.beth.examples.UserApi.uri}, else {@code http://localhost:8080}. Exits 0 on
 * success, 1 if the call failed, 2 for a bad command line.
 */
public final class UserClientMain {

  /** Where the example listens by default. */
  static final URI DEFAULT_BASE_URI = URI.create("http://localhost:8080");

  private UserClientMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line {@code args}, printing to {@code out} and {@code err}; the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    BethClientOptions.Builder options = BethClientOptions.builder().baseUri(DEFAULT_BASE_URI);
    long id;
    try {
      int i = 0;
      if (args.length == 3 && args[0].equals("--base-uri")) {
        options.baseUri(UserApi.class, URI.create(args[1]));
        i = 2;
      } else if (args.length != 1) {
        throw new IllegalArgumentException("usage: UserClientMain [--base-uri URI] ID");
      }
      id = Long.parseLong(args[i]);
    } catch (IllegalArgumentException e) {
      err.println(
          "beth-examples: "
              + (e instanceof NumberFormatException
                  ? "the user id must be a number, not " + args[args.length - 1]
                  : e.getMessage()));
      return 2;
    }
    try (HttpClient client = HttpClient.create()) {
      UserApi users = DaggerUserClientComponent.factory().create(client, options.build()).users();
      User user = users.user(id).get(30, TimeUnit.SECONDS);
      out.println("user " + user.id() + ": " + user.name());
      return 0;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof HttpResponseException http) {
        String body = http.response().string().join();
        err.println("beth-examples: " + http.getMessage() + (body.isEmpty() ? "" : ": " + body));
      } else {
        err.println("beth-examples: the call failed: " + cause);
      }
      return 1;
    } catch (Exception e) {
      err.println("beth-examples: the call failed: " + e);
      return 1;
    }
  }
}
