package io.beth.codec;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Locale;
import java.util.Objects;

/**
 * JSON through Jackson ({@code jackson-databind}, a dependency of the runtime). Reads {@code
 * application/json} and any {@code +json} type, and bodies without a type.
 */
public final class JsonCodec implements Codec {

  private final ObjectMapper mapper;

  private JsonCodec(ObjectMapper mapper) {
    this.mapper = Objects.requireNonNull(mapper, "mapper == null");
  }

  /** A codec with a default {@code ObjectMapper} (modules found on the class path registered). */
  public static JsonCodec create() {
    return new JsonCodec(new ObjectMapper().findAndRegisterModules());
  }

  /** A codec using {@code mapper}. */
  public static JsonCodec create(ObjectMapper mapper) {
    return new JsonCodec(mapper);
  }

  @Override
  public String mediaType() {
    return "application/json";
  }

  @Override
  public boolean supports(String contentType) {
    if (contentType == null) {
      return true;
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    int semicolon = type.indexOf(';');
    type = (semicolon < 0 ? type : type.substring(0, semicolon)).trim();
    return type.equals("application/json") || type.endsWith("+json");
  }

  @Override
  public byte[] encode(Object value) throws IOException {
    return mapper.writeValueAsBytes(value);
  }

  @Override
  public Object decode(byte[] body, Type type) throws IOException {
    return mapper.readValue(body, mapper.constructType(type));
  }
}
