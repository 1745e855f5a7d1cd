package io.beth.processor.reading;

import io.beth.processor.base.RuntimeNames;
import io.beth.processor.model.ParameterModel.Binding;
import java.util.Optional;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * What a {@code @Body} parameter's type receives: {@code Source<byte[]>} the body as a stream,
 * {@code String} (or {@code CharSequence}) its text, {@code byte[]} its bytes, and any other
 * concrete type the body decoded by a codec. Types that look like a stream or an optional body but
 * are none of these are refused with the type to declare instead.
 */
final class BodyTypes {

  private final TypeChecks checks;

  BodyTypes(TypeChecks checks) {
    this.checks = checks;
  }

  /** The binding of a {@code @Body} parameter of {@code type}, or empty if none fits. */
  Optional<Binding> binding(TypeMirror type, boolean client) {
    if (checks.isByteSource(type, RuntimeNames.SOURCE)) {
      return Optional.of(Binding.BODY_STREAM);
    }
    if (checks.is(type, "java.lang.String") || checks.is(type, "java.lang.CharSequence")) {
      return Optional.of(Binding.BODY_TEXT);
    }
    if (type.getKind() == TypeKind.ARRAY && type.toString().equals("byte[]")) {
      return Optional.of(Binding.BODY_BYTES);
    }
    return problem(type, client) == null ? Optional.of(Binding.BODY) : Optional.empty();
  }

  /** Why a {@code @Body} parameter cannot have {@code type}, with the fix; null if it can. */
  String problem(TypeMirror type, boolean client) {
    if (type.getKind() == TypeKind.TYPEVAR || type.getKind() == TypeKind.WILDCARD) {
      return "which no codec can decode to; declare a concrete class";
    }
    if (checks.is(type, RuntimeNames.HTTP_REQUEST)) {
      return client
          ? "which a client method cannot send; declare the value to send as the body"
          : "which is the whole request, not its body; remove @Body (an unannotated "
              + "HttpRequest parameter receives the request)";
    }
    if (checks.is(type, "java.util.Optional")) {
      return "but a body is not optional; declare the value type itself (an empty body is"
          + " answered 400), or byte[] to accept an empty body and check its length";
    }
    if (checks.isSubtype(type, RuntimeNames.SOURCE)
        || checks.isSubtype(type, "java.util.concurrent.Flow.Publisher")
        || checks.isSubtype(type, "java.io.InputStream")
        || checks.isSubtype(type, "java.nio.channels.ReadableByteChannel")) {
      return "which Beth does not stream a body as; declare Source<byte[]> to receive the body as"
          + " a stream of chunks, or byte[] for all of it";
    }
    if (checks.is(type, "java.nio.ByteBuffer")) {
      return "which Beth does not bind a body to; declare byte[] for the whole body, or"
          + " Source<byte[]> for a stream of chunks";
    }
    return null;
  }
}
