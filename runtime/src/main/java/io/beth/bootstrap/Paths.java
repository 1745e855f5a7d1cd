package io.beth.bootstrap;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Splits request paths into percent-decoded segments for generated routers. */
public final class Paths {

  private static final String[] ROOT = new String[0];

  private Paths() {}

  /**
   * The segments of {@code rawPath} (as sent, still encoded), each percent-decoded, so an encoded
   * {@code %2F} stays inside its segment: {@code "/a/b%20c"} is {@code ["a", "b c"]}, {@code "/"}
   * is empty, and {@code "/a/"} is {@code ["a", ""]}. A malformed escape is a 400.
   */
  public static String[] segments(String rawPath) {
    if (rawPath.isEmpty() || rawPath.equals("/")) {
      return ROOT;
    }
    int start = rawPath.charAt(0) == '/' ? 1 : 0;
    int count = 1;
    for (int i = start; i < rawPath.length(); i++) {
      if (rawPath.charAt(i) == '/') {
        count++;
      }
    }
    String[] segments = new String[count];
    int index = 0;
    for (int i = start; i <= rawPath.length(); i++) {
      if (i == rawPath.length() || rawPath.charAt(i) == '/') {
        segments[index++] = decode(rawPath.substring(start, i));
        start = i + 1;
      }
    }
    return segments;
  }

  private static String decode(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c != '%') {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        continue;
      }
      if (i + 2 >= segment.length()) {
        throw new BadParameterException(
            "Malformed percent-encoding in path segment '" + segment + "'", null);
      }
      int hi = Character.digit(segment.charAt(i + 1), 16);
      int lo = Character.digit(segment.charAt(i + 2), 16);
      if (hi < 0 || lo < 0) {
        throw new BadParameterException(
            "Malformed percent-encoding in path segment '" + segment + "'", null);
      }
      bytes.write(hi * 16 + lo);
      i += 2;
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
