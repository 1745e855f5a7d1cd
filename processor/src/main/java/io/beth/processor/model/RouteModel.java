package io.beth.processor.model;

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

  public RouteModel {
    parameters = List.copyOf(parameters);
  }

  /** The body parameter (decoded or streamed), if any. */
  public Optional<ParameterModel> body() {
    return parameters.stream()
        .filter(p -> p.binding() == ParameterModel.Binding.BODY
            || p.binding() == ParameterModel.Binding.BODY_STREAM)
        .findFirst();
  }

  /** {@code Type.method()} for messages. */
  public String describe() {
    return declaringType.getSimpleName() + "." + method.getSimpleName() + "()";
  }
}
