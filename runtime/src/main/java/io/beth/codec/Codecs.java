package io.beth.codec;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Objects;

/**
 * An ordered list of codecs: decoding picks the first that supports the body's content type,
 * encoding uses the first. {@link #defaults()} is JSON through Jackson.
 */
public final class Codecs {

  private final List<Codec> codecs;

  private Codecs(List<Codec> codecs) {
    if (codecs.isEmpty()) {
      throw new IllegalArgumentException("at least one codec is needed");
    }
    this.codecs = List.copyOf(codecs);
  }

  /** The codecs given, in order of preference. */
  public static Codecs of(Codec... codecs) {
    return new Codecs(List.of(codecs));
  }

  /**
   * JSON through Jackson, one shared instance (made on first use: a Jackson {@code ObjectMapper} is
   * costly to build and thread-safe to share). The runtime depends on {@code jackson-databind}; an
   * application that excludes it must give its own codecs (bind {@code Codecs} in its component),
   * or this fails saying so.
   */
  public static Codecs defaults() {
    Codecs d = shared;
    if (d == null) {
      try {
        d = of(JsonCodec.create());
      } catch (LinkageError e) {
        throw new IllegalStateException(
            "the default JSON codec needs jackson-databind on the"
                + " class path (beth-runtime depends on it: was it excluded?); add"
                + " com.fasterxml.jackson.core:jackson-databind, or bind Codecs of your own",
            e);
      }
      shared = d; // a race builds two, and either will do
    }
    return d;
  }

  private static volatile Codecs shared;

  /** The codec that encodes results. */
  public Codec encoder() {
    return codecs.get(0);
  }

  /** The first codec that reads {@code contentType}, or {@code null} if none does. */
  public Codec forContentType(String contentType) {
    for (Codec codec : codecs) {
      if (codec.supports(contentType)) {
        return codec;
      }
    }
    return null;
  }

  /** Decodes {@code body} of {@code contentType} as {@code type}. */
  public Object decode(String contentType, byte[] body, Type type) throws IOException {
    for (Codec codec : codecs) {
      if (codec.supports(contentType)) {
        return codec.decode(body, type);
      }
    }
    throw new UnsupportedMediaTypeException(contentType);
  }

  /** Thrown when no codec reads a body's content type. */
  public static final class UnsupportedMediaTypeException extends IOException {
    private static final long serialVersionUID = 1L;

    /** That no codec reads {@code contentType} (null when the body has none). */
    public UnsupportedMediaTypeException(String contentType) {
      super("no codec reads the content type " + Objects.toString(contentType, "(none)"));
    }
  }
}
