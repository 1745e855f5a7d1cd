package io.beth.processor.model;

import javax.lang.model.type.TypeMirror;

/**
 * What a route method returns: the kind of result, whether it comes as a future, whether the value
 * comes in an {@code Optional} (empty answered 404), and the type of the value (the future's and
 * the optional's argument when {@code async} or {@code optional}).
 */
public record ResultModel(Kind kind, boolean async, boolean optional, TypeMirror valueType) {

  /** A result that is not optional. */
  public ResultModel(Kind kind, boolean async, TypeMirror valueType) {
    this(kind, async, false, valueType);
  }

  /** The result kinds the router can answer with. */
  public enum Kind {
    /** An {@code HttpResponse} sent as it is. */
    RESPONSE,
    /** Nothing: answered 204. */
    EMPTY,
    /** A value encoded by the codec. */
    VALUE,
    /** A {@code Source} or {@code Flow.Publisher} sent chunked. */
    STREAM,
    /** A {@code Source} or {@code Flow.Publisher} of {@code ServerSentEvent}: an event stream. */
    EVENTS
  }
}
