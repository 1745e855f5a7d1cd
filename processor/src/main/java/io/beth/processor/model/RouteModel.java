package io.beth.processor.model;

import io.beth.processor.base.Annotations;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * One route: the method that serves it (declared by {@code declaringType}), its HTTP method, its
 * full template (prefix included), its parameters in order and its result.
 */
public record RouteModel(
    ExecutableElement method,
    TypeElement declaringType,
    String httpMethod,
    PathTemplate template,
    List<ParameterModel> parameters,
    ResultModel result) {

  /** The annotation that declares a route, or every route of a type, non-blocking. */
  public static final String NON_BLOCKING = "io.beth.annotations.NonBlocking";

  public RouteModel {
    parameters = List.copyOf(parameters);
  }

  /** The body parameter (decoded, text, bytes or streamed), if any. */
  public Optional<ParameterModel> body() {
    return parameters.stream().filter(ParameterModel::isBody).findFirst();
  }

  /** Whether the route is declared never to block: {@code @NonBlocking} on it or its type. */
  public boolean nonBlocking() {
    return Annotations.find(method, NON_BLOCKING).isPresent()
        || Annotations.find(declaringType, NON_BLOCKING).isPresent();
  }

  /** {@code Type.method()} for messages. */
  public String describe() {
    return declaringType.getSimpleName() + "." + method.getSimpleName() + "()";
  }
}
