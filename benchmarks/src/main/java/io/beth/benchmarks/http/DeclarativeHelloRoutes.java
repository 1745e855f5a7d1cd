package io.beth.benchmarks.http;

import io.beth.annotations.HttpRoute;
import io.beth.annotations.NonBlocking;
import io.beth.http.HttpResponse;
import jakarta.inject.Inject;

/**
 * The hello-world routes written with annotations, declared non-blocking as the programmatic {@link
 * BethHelloServer}'s handler is: {@code GET /plaintext} and {@code GET /json} (the message encoded
 * by Beth's JSON codec).
 */
@NonBlocking
public final class DeclarativeHelloRoutes {

  private static final HttpResponse HELLO = HttpResponse.ok("Hello, World!");

  /** The JSON answer. */
  public record Message(String message) {}

  @Inject
  DeclarativeHelloRoutes() {}

  /** {@code Hello, World!} as text. */
  @HttpRoute(method = "GET", path = "/plaintext")
  public HttpResponse plaintext() {
    return HELLO;
  }

  /** {@code {"message":"Hello, World!"}}. */
  @HttpRoute(method = "GET", path = "/json")
  public Message json() {
    return new Message("Hello, World!");
  }
}
