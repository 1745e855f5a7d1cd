package io.beth.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Converts request text to route parameters for generated routers: each method takes the raw value
 * (or {@code null} when absent), what it is ({@code "query parameter"}) and its name, and throws
 * {@link BadParameterException} naming them when the value is missing or does not convert.
 */
public final class Params {

  /** Text to a value; may throw anything, which becomes a 400. */
  @FunctionalInterface
  public interface Converter<T> {
    T convert(String text) throws Exception;
  }

  private Params() {}

  /** The converted value; absent is a 400. */
  public static <T> T required(String raw, String kind, String name, Converter<T> converter) {
    if (raw == null) {
      throw new BadParameterException("Missing " + kind + " '" + name + "'", null);
    }
    return convert(raw, kind, name, converter);
  }

  /** The converted value, or the converted default when absent. */
  public static <T> T orDefault(
      String raw, String defaultValue, String kind, String name, Converter<T> converter) {
    return convert(raw == null ? defaultValue : raw, kind, name, converter);
  }

  /** The converted value, empty when absent. */
  public static <T> Optional<T> optional(
      String raw, String kind, String name, Converter<T> converter) {
    return raw == null ? Optional.empty() : Optional.of(convert(raw, kind, name, converter));
  }

  /** Every value converted, in order; {@code defaultValue} (if not null) alone when none. */
  public static <T> List<T> list(
      List<String> raws, String defaultValue, String kind, String name, Converter<T> converter) {
    List<T> values = new ArrayList<>(raws.size());
    for (String raw : raws) {
      values.add(convert(raw, kind, name, converter));
    }
    if (values.isEmpty() && defaultValue != null) {
      values.add(convert(defaultValue, kind, name, converter));
    }
    return values;
  }

  /** {@code text} itself. */
  public static String text(String text) {
    return text;
  }

  /** {@code true} or {@code false} exactly, ignoring case; anything else fails. */
  public static Boolean parseBoolean(String text) {
    if (text.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (text.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    throw new IllegalArgumentException("expected true or false");
  }

  /** The single character of {@code text}; any other length fails. */
  public static Character parseChar(String text) {
    if (text.length() != 1) {
      throw new IllegalArgumentException("expected one character");
    }
    return text.charAt(0);
  }

  private static <T> T convert(String raw, String kind, String name, Converter<T> converter) {
    try {
      T value = converter.convert(raw);
      if (value == null) {
        throw new IllegalArgumentException("no value");
      }
      return value;
    } catch (BadParameterException e) {
      throw e;
    } catch (Exception e) {
      throw new BadParameterException(
          "Invalid "
              + kind
              + " '"
              + name
              + "': \""
              + raw
              + "\" ("
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + ")",
          e);
    }
  }
}
