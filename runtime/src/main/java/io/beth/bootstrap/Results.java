package io.beth.bootstrap;

import io.beth.codec.Codec;
import io.beth.codec.Codecs;
import io.beth.http.HttpRequest;
import io.beth.http.HttpResponse;
import io.beth.http.HttpStatusException;
import io.beth.http.ServerSentEvent;
import io.beth.http.ServerSentEvents;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;

/** Turns route results into responses for generated routers. */
public final class Results {

  private static final CompletableFuture<HttpResponse> NO_CONTENT =
      CompletableFuture.completedFuture(HttpResponse.status(204).build());

  /** A route call that may throw. */
  @FunctionalInterface
  public interface Call {
    CompletionStage<HttpResponse> call() throws Exception;
  }

  private Results() {}

  /** {@code 204 No Content}. */
  public static CompletableFuture<HttpResponse> noContent() {
    return NO_CONTENT;
  }

  /** {@code 204 No Content} once {@code done} completes. */
  public static CompletionStage<HttpResponse> noContent(CompletionStage<?> done) {
    return done.thenApply(ignored -> HttpResponse.status(204).build());
  }

  /** {@code response}, completed. */
  public static CompletableFuture<HttpResponse> response(HttpResponse response) {
    return CompletableFuture.completedFuture(response);
  }

  /** {@code 200} with {@code value} encoded by the first codec; a null value is a 204. */
  public static CompletableFuture<HttpResponse> encode(Object value, Codecs codecs) {
    try {
      return CompletableFuture.completedFuture(encoded(value, codecs));
    } catch (Exception e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** {@link #encode} once {@code value} completes. */
  public static CompletionStage<HttpResponse> encodeLater(CompletionStage<?> value, Codecs codecs) {
    return value.thenApply(
        v -> {
          try {
            return encoded(v, codecs);
          } catch (Exception e) {
            throw new CompletionException(e);
          }
        });
  }

  /**
   * {@code 200} with the value of {@code value} encoded by the first codec; an empty (or null)
   * {@code Optional} is {@code 404 Not Found}.
   */
  public static CompletableFuture<HttpResponse> encodeOptional(Optional<?> value, Codecs codecs) {
    return value == null || value.isEmpty() ? notFound() : encode(value.get(), codecs);
  }

  /** {@link #encodeOptional} once {@code value} completes. */
  public static CompletionStage<HttpResponse> encodeOptionalLater(
      CompletionStage<? extends Optional<?>> value, Codecs codecs) {
    return value.thenCompose(v -> encodeOptional(v, codecs));
  }

  /** {@code 200} with {@code stream} sent in chunks. */
  public static CompletableFuture<HttpResponse> stream(Flow.Publisher<?> stream) {
    return CompletableFuture.completedFuture(HttpResponse.builder().body(stream).build());
  }

  /** {@code 200} with {@code events} sent as {@code text/event-stream}, with keep-alives. */
  public static CompletableFuture<HttpResponse> events(Flow.Publisher<ServerSentEvent> events) {
    return CompletableFuture.completedFuture(ServerSentEvents.response(events));
  }

  /**
   * The body of {@code request} decoded as {@code type} by the codec of its content type, for the
   * route parameter {@code name}. A body no codec reads is a 415; one the codec cannot decode is a
   * 400 whose message names the parameter and what was wrong (an empty body, or one that is not the
   * expected value in its media type) without the codec's own wording, which stays in the
   * exception's cause: {@code "Missing body for parameter 'user': the request has no body (expected
   * User)"}.
   */
  public static Object decode(
      HttpRequest request, byte[] body, Type type, Codecs codecs, String name) {
    String contentType = request.contentType();
    try {
      return codecs.decode(contentType, body, type);
    } catch (Codecs.UnsupportedMediaTypeException e) {
      throw new BadParameterException(
          415, "Unsupported body for parameter '" + name + "': " + e.getMessage(), e);
    } catch (Exception e) {
      String expected = describe(type);
      throw new BadParameterException(
          body.length == 0
              ? "Missing body for parameter '"
                  + name
                  + "': the request has no body (expected "
                  + expected
                  + ")"
              : "Invalid body for parameter '"
                  + name
                  + "': the body is not a valid "
                  + expected
                  + " in "
                  + mediaType(contentType, codecs),
          e);
    }
  }

  /** {@code type} by simple names, as {@code List<User>}. */
  static String describe(Type type) {
    if (type instanceof Class<?> c) {
      return c.isArray() ? describe(c.getComponentType()) + "[]" : c.getSimpleName();
    }
    if (type instanceof ParameterizedType p) {
      StringBuilder out = new StringBuilder(describe(p.getRawType())).append('<');
      Type[] args = p.getActualTypeArguments();
      for (int i = 0; i < args.length; i++) {
        out.append(i == 0 ? "" : ", ").append(describe(args[i]));
      }
      return out.append('>').toString();
    }
    if (type instanceof GenericArrayType a) {
      return describe(a.getGenericComponentType()) + "[]";
    }
    return type.getTypeName();
  }

  /** The media type of {@code contentType} without parameters, or its decoder's for none. */
  private static String mediaType(String contentType, Codecs codecs) {
    if (contentType == null || contentType.isBlank()) {
      Codec codec = codecs.forContentType(contentType);
      return (codec == null ? codecs.encoder() : codec).mediaType();
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
  }

  /**
   * Runs {@code call}, turning a {@link BadParameterException} (thrown or completed) into its 400
   * response and any other exception into a failed future, which the server answers.
   */
  public static CompletionStage<HttpResponse> guard(Call call) {
    CompletionStage<HttpResponse> stage;
    try {
      stage = call.call();
    } catch (BadParameterException e) {
      return CompletableFuture.completedFuture(e.response());
    } catch (Exception e) {
      return CompletableFuture.failedFuture(e);
    }
    if (stage instanceof CompletableFuture<HttpResponse> done
        && done.isDone()
        && !done.isCompletedExceptionally()) {
      return done; // answered already: nothing to translate, no stage to chain
    }
    return stage.exceptionallyCompose(
        e -> {
          Throwable cause =
              e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
          return cause instanceof BadParameterException bad
              ? CompletableFuture.completedFuture(bad.response())
              : CompletableFuture.failedFuture(cause);
        });
  }

  /**
   * Runs {@code call} on {@code request}'s executor: a route that may block, called by a router
   * that runs on the event loop. An executor that refuses the work gives a 503.
   */
  public static CompletionStage<HttpResponse> offLoop(HttpRequest request, Call call) {
    CompletableFuture<HttpResponse> answer = new CompletableFuture<>();
    try {
      request
          .executor()
          .execute(
              () -> {
                try {
                  call.call()
                      .whenComplete(
                          (response, error) -> {
                            if (error != null) {
                              answer.completeExceptionally(error);
                            } else {
                              answer.complete(response);
                            }
                          });
                } catch (Throwable e) {
                  answer.completeExceptionally(e);
                }
              });
    } catch (RejectedExecutionException e) {
      return CompletableFuture.failedFuture(
          new HttpStatusException(503, "executor refused the request"));
    }
    return answer;
  }

  /** {@code 404 Not Found}. */
  public static CompletableFuture<HttpResponse> notFound() {
    return CompletableFuture.completedFuture(HttpResponse.status(404).build());
  }

  /** {@code 405 Method Not Allowed} with {@code Allow}. */
  public static CompletableFuture<HttpResponse> methodNotAllowed(String allow) {
    return CompletableFuture.completedFuture(
        HttpResponse.status(405).header("Allow", allow).build());
  }

  /** {@code 204} answering {@code OPTIONS} with {@code Allow}. */
  public static CompletableFuture<HttpResponse> options(String allow) {
    return CompletableFuture.completedFuture(
        HttpResponse.status(204).header("Allow", allow).build());
  }

  private static HttpResponse encoded(Object value, Codecs codecs) throws Exception {
    if (value == null) {
      return HttpResponse.status(204).build();
    }
    return HttpResponse.builder()
        .contentType(codecs.encoder().mediaType())
        .body(codecs.encoder().encode(value))
        .build();
  }
}
