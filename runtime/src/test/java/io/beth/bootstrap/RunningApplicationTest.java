package io.beth.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.http.HttpHandler;
import io.beth.http.HttpResponse;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link RunningApplication#stopped()}: what a serving {@code main} waits for. */
class RunningApplicationTest {

  @Test
  void stoppedCompletesOnlyOnceTheApplicationStopped() throws Exception {
    RunningApplication running =
        BethApplication.builder()
            .http(HttpHandler.sync(request -> HttpResponse.ok("up")))
            .build()
            .start(BethOptions.builder().freePorts().build())
            .get(10, TimeUnit.SECONDS);
    CompletableFuture<Void> stopped = running.stopped();
    URI uri = URI.create("http://127.0.0.1:" + running.address("http").getPort() + "/");
    HttpClient client = HttpClient.newHttpClient();
    assertEquals(
        "up", client.send(HttpRequest.newBuilder(uri).build(), BodyHandlers.ofString()).body());
    assertFalse(stopped.isDone(), "serving: not stopped");
    stopped.complete(null); // a caller's copy: completing it stops nothing
    assertFalse(running.stopped().isDone(), "a caller cannot complete it for the application");

    running.stop(Duration.ofSeconds(1)).get(10, TimeUnit.SECONDS);
    running.stopped().get(10, TimeUnit.SECONDS);
    Exception refused =
        assertThrows(
            Exception.class,
            () -> client.send(HttpRequest.newBuilder(uri).build(), BodyHandlers.ofString()));
    assertTrue(
        refused instanceof ConnectException || refused.getCause() instanceof ConnectException,
        refused.toString());
  }
}
