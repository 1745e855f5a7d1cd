package io.beth.http.internal;

import io.beth.http.HttpHandler;
import io.beth.http.HttpRequest;
import io.beth.http.HttpResponse;
import io.beth.http.HttpStatusException;
import java.io.PrintStream;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * When no SLF4J provider is on the class path, Beth's log of a failed handler (the cause of a 500)
 * goes nowhere: then each such failure is also printed as one line on standard error, naming the
 * request and the exception, so that a new application's first 500 is never silent. With a provider
 * (even {@code slf4j-nop}, a choice of silence) nothing is printed here: the log has it.
 */
final class UnloggedFailures {

  /** What every line ends with: how to see the whole log. */
  static final String HINT =
      "(no SLF4J provider on the class path, so this is all Beth's log"
          + " says: add one, such as org.slf4j:slf4j-simple, for the stack trace)";

  private UnloggedFailures() {}

  /** {@code handler} itself if SLF4J logs somewhere, else it reporting failures on stderr. */
  static HttpHandler wrapIfUnlogged(HttpHandler handler) {
    return Slf4j.NO_PROVIDER ? reporting(handler, System.err) : handler;
  }

  /** {@code handler}, each failure of which is printed on {@code out}, then passed on as it was. */
  static HttpHandler reporting(HttpHandler handler, PrintStream out) {
    return new HttpHandler() {
      @Override
      public CompletionStage<HttpResponse> handle(HttpRequest request) throws Exception {
        CompletionStage<HttpResponse> stage;
        try {
          stage = handler.handle(request);
        } catch (Exception e) {
          report(out, request, e);
          throw e;
        }
        if (stage == null) {
          report(out, request, null);
          return null;
        }
        return stage.whenComplete(
            (response, error) -> {
              if (error != null || response == null) {
                report(out, request, error);
              }
            });
      }

      @Override
      public boolean isBlocking() {
        return handler.isBlocking();
      }

      @Override
      public String toString() {
        return handler.toString();
      }
    };
  }

  /** One line for the failure of {@code request}: {@code error}, or no response at all if null. */
  private static void report(PrintStream out, HttpRequest request, Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof HttpStatusException) {
      return; // a status chosen on purpose, not a failure
    }
    String what = cause == null ? "completed with no response" : "failed: " + oneLine(cause);
    out.println(
        "beth: the handler of "
            + request.method()
            + " "
            + request.uri()
            + " "
            + what
            + ", answered 500 "
            + HINT);
  }

  private static String oneLine(Throwable cause) {
    return cause.toString().replace('\n', ' ').replace('\r', ' ');
  }

  /** Whether SLF4J found no provider: looked at once. */
  private static final class Slf4j {
    static final boolean NO_PROVIDER = noProvider();

    /**
     * SLF4J fell back to its no-operation logger, and not because a provider chose it (slf4j-nop):
     * no provider is named by property or found as a service.
     */
    private static boolean noProvider() {
      if (!(LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory)
          || System.getProperty(LoggerFactory.PROVIDER_PROPERTY_KEY) != null) {
        return false;
      }
      try {
        return ServiceLoader.load(SLF4JServiceProvider.class, LoggerFactory.class.getClassLoader())
            .findFirst()
            .isEmpty();
      } catch (ServiceConfigurationError e) {
        return false; // a provider is there, broken: SLF4J says so itself
      }
    }
  }
}
