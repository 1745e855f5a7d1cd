package io.beth.processor.reading;

import io.beth.processor.base.RuntimeNames;
import io.beth.processor.model.ResultModel;
import io.beth.processor.model.ResultModel.Kind;
import java.util.List;
import java.util.Optional;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Classifies a route method's return type: {@code HttpResponse}, {@code void}, a {@code Source} or
 * {@code Flow.Publisher} (chunked; of {@code ServerSentEvent}, an event stream), a {@code
 * CompletableFuture}/{@code CompletionStage} of a response, {@code Void} or a value, or a value
 * encoded by the codec; a value (also in a future) may come in an {@code Optional}, whose empty is
 * answered 404. Types a codec would encode by accident (a response builder, an {@code InputStream},
 * a file, a Java stream) are refused with what to return instead.
 */
public final class ResultResolver {

  private static final String FLOW_PUBLISHER = "java.util.concurrent.Flow.Publisher";
  private static final String COMPLETABLE_FUTURE = "java.util.concurrent.CompletableFuture";
  private static final String COMPLETION_STAGE = "java.util.concurrent.CompletionStage";
  private static final String FUTURE = "java.util.concurrent.Future";
  private static final String OPTIONAL = "java.util.Optional";

  private final TypeChecks checks;

  public ResultResolver(TypeChecks checks) {
    this.checks = checks;
  }

  /** Whether {@code type} is a {@code CompletableFuture} or {@code CompletionStage}. */
  public boolean isFuture(TypeMirror type) {
    return checks.is(type, COMPLETABLE_FUTURE) || checks.is(type, COMPLETION_STAGE);
  }

  /** The result model, or else why the type is not supported (a sentence). */
  public Outcome resolve(TypeMirror type) {
    if (type.getKind() == TypeKind.VOID) {
      return ok(new ResultModel(Kind.EMPTY, false, type));
    }
    if (isFuture(type)) {
      List<? extends TypeMirror> args = checks.arguments(type);
      if (args.size() != 1
          || (args.get(0).getKind() != TypeKind.DECLARED
              && args.get(0).getKind() != TypeKind.ARRAY)) {
        return unsupported(
            "the future's value type must be a class such as"
                + " CompletableFuture<User>, CompletableFuture<HttpResponse> or CompletableFuture<Void>");
      }
      TypeMirror value = args.get(0);
      if (checks.is(value, "java.lang.Void")) {
        return ok(new ResultModel(Kind.EMPTY, true, value));
      }
      if (checks.is(value, RuntimeNames.HTTP_RESPONSE)) {
        return ok(new ResultModel(Kind.RESPONSE, true, value));
      }
      if (isStream(value) || checks.isSubtype(value, FUTURE) || isFuture(value)) {
        return unsupported(
            "a future of a stream or of another future is not supported;"
                + " return the stream itself, or a CompletableFuture<HttpResponse> carrying it");
      }
      return value(value, true);
    }
    if (checks.is(type, RuntimeNames.HTTP_RESPONSE)) {
      return ok(new ResultModel(Kind.RESPONSE, false, type));
    }
    if (isStream(type)) {
      List<? extends TypeMirror> args = checks.arguments(type);
      boolean events = args.size() == 1 && checks.is(args.get(0), RuntimeNames.SERVER_SENT_EVENT);
      return ok(new ResultModel(events ? Kind.EVENTS : Kind.STREAM, false, type));
    }
    if (type.getKind() == TypeKind.DECLARED && checks.isSubtype(type, FUTURE)) {
      return unsupported(
          "return CompletableFuture or CompletionStage instead of " + checks.types().erasure(type));
    }
    return value(type, false);
  }

  private boolean isStream(TypeMirror type) {
    return checks.isSubtype(type, RuntimeNames.SOURCE) || checks.isSubtype(type, FLOW_PUBLISHER);
  }

  private Outcome value(TypeMirror type, boolean async) {
    if (checks.is(type, OPTIONAL)) {
      return optional(type, async);
    }
    String accidental = accidental(type);
    if (accidental != null) {
      return unsupported(accidental);
    }
    switch (type.getKind()) {
      case DECLARED:
        if (checks.arguments(type).stream()
            .anyMatch(a -> a.getKind() != TypeKind.DECLARED && a.getKind() != TypeKind.ARRAY)) {
          return unsupported(
              "its type arguments must be concrete types, not wildcards or" + " type variables");
        }
        return ok(new ResultModel(Kind.VALUE, async, type));
      case ARRAY:
      case BOOLEAN:
      case BYTE:
      case SHORT:
      case INT:
      case LONG:
      case CHAR:
      case FLOAT:
      case DOUBLE:
        return ok(new ResultModel(Kind.VALUE, async, type));
      default:
        return unsupported(
            "a "
                + type.getKind().toString().toLowerCase(java.util.Locale.ROOT)
                + " type cannot be encoded; return a concrete class");
    }
  }

  /** {@code Optional<T>} of a value {@code T}: the value encoded, or 404 when empty. */
  private Outcome optional(TypeMirror type, boolean async) {
    List<? extends TypeMirror> args = checks.arguments(type);
    if (args.size() != 1
        || (args.get(0).getKind() != TypeKind.DECLARED
            && args.get(0).getKind() != TypeKind.ARRAY)) {
      return unsupported("the Optional's value type must be a class such as Optional<User>");
    }
    TypeMirror value = args.get(0);
    if (checks.is(value, RuntimeNames.HTTP_RESPONSE)
        || checks.is(value, "java.lang.Void")
        || checks.is(value, OPTIONAL)
        || isStream(value)
        || checks.isSubtype(value, FUTURE)) {
      return unsupported(
          "an Optional holds a value to encode (its empty is answered 404), not "
              + checks.types().erasure(value)
              + "; return "
              + checks.types().erasure(value)
              + " itself and answer 404 from the method when there is nothing");
    }
    Outcome inner = value(value, async);
    return inner
        .model()
        .map(m -> ok(new ResultModel(Kind.VALUE, async, true, m.valueType())))
        .orElse(inner);
  }

  /** What to return instead of a type a codec would encode by accident; null for others. */
  private String accidental(TypeMirror type) {
    if (checks.is(type, RuntimeNames.HTTP_RESPONSE_BUILDER)) {
      return "it is the response's builder; call build() on it and return the HttpResponse";
    }
    String erased = checks.types().erasure(type).toString();
    String primitive =
        switch (erased) {
          case "java.util.OptionalInt" -> "Optional<Integer>";
          case "java.util.OptionalLong" -> "Optional<Long>";
          case "java.util.OptionalDouble" -> "Optional<Double>";
          default -> null;
        };
    if (primitive != null) {
      return "return " + primitive + " instead (its empty is answered 404)";
    }
    if (checks.isSubtype(type, "java.io.InputStream")
        || checks.is(type, "java.io.File")
        || checks.isSubtype(type, "java.nio.file.Path")
        || checks.is(type, "java.nio.ByteBuffer")) {
      return "the codec would encode it as JSON, not send its bytes; return an HttpResponse"
          + " with it as the body: HttpResponse.builder().body(it).build()";
    }
    if (checks.isSubtype(type, "java.util.stream.BaseStream")
        || checks.isSubtype(type, "java.util.Iterator")) {
      return "the codec cannot encode it; return a List for one JSON array, or a"
          + " Source to send the values as they come";
    }
    return null;
  }

  private static Outcome ok(ResultModel model) {
    return new Outcome(Optional.of(model), "");
  }

  private static Outcome unsupported(String why) {
    return new Outcome(Optional.empty(), why);
  }

  /** A result model, or the reason there is none. */
  public record Outcome(Optional<ResultModel> model, String problem) {}
}
