package io.beth.codec;

import java.io.IOException;
import java.lang.reflect.Type;

/**
 * Turns values into bodies and bodies into values for one family of media types. Beth's generated
 * routers and clients use the codecs of {@link Codecs}: the first that {@link #supports(String)
 * supports} a request's {@code Content-Type} decodes it, and the first codec encodes results.
 *
 * <pre>{@code
 * Codecs codecs = Codecs.of(new MyCborCodec(), JsonCodec.create());
 * }</pre>
 */
public interface Codec {

  /** The media type this codec writes, such as {@code application/json}. */
  String mediaType();

  /**
   * Whether this codec reads bodies of {@code contentType} (parameters such as charset included).
   */
  boolean supports(String contentType);

  /** The bytes of {@code value}. */
  byte[] encode(Object value) throws IOException;

  /** The value of type {@code type} that {@code body} holds; fails if it holds none. */
  Object decode(byte[] body, Type type) throws IOException;
}
