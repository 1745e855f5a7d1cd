package io.beth.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Immutable HTTP header fields: names are case-insensitive, a name may carry several values, and
 * the order of fields is kept. Build one with {@link #builder()} or {@link #of(String...)}; derive
 * one with {@link #newBuilder()}.
 *
 * <p>Names must be HTTP tokens and values must not contain CR, LF or NUL, so that a header never
 * injects another; violations throw {@link IllegalArgumentException}.
 */
public final class HttpHeaders implements Iterable<Map.Entry<String, String>> {

  /** No headers. */
  public static final HttpHeaders EMPTY = new HttpHeaders(new String[0], 0);

  private final String[] namesAndValues;
  private final int size;

  private HttpHeaders(String[] namesAndValues, int size) {
    this.namesAndValues = namesAndValues;
    this.size = size;
  }

  /** Headers from alternating names and values: {@code of("Accept", "text/plain", ...)}. */
  public static HttpHeaders of(String... namesAndValues) {
    Objects.requireNonNull(namesAndValues, "namesAndValues == null");
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("expected alternating names and values");
    }
    Builder builder = new Builder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      builder.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return builder.build();
  }

  /** Headers with one field per map entry, in the map's order. */
  public static HttpHeaders of(Map<String, String> headers) {
    Objects.requireNonNull(headers, "headers == null");
    Builder builder = new Builder();
    headers.forEach(builder::add);
    return builder.build();
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The first value of {@code name}, or {@code null} if absent. */
  public String get(String name) {
    Objects.requireNonNull(name, "name == null");
    for (int i = 0; i < size; i++) {
      if (name.equalsIgnoreCase(namesAndValues[2 * i])) {
        return namesAndValues[2 * i + 1];
      }
    }
    return null;
  }

  /** Every value of {@code name}, in order; empty if absent. */
  public List<String> values(String name) {
    Objects.requireNonNull(name, "name == null");
    List<String> result = null;
    for (int i = 0; i < size; i++) {
      if (name.equalsIgnoreCase(namesAndValues[2 * i])) {
        if (result == null) {
          result = new ArrayList<>(2);
        }
        result.add(namesAndValues[2 * i + 1]);
      }
    }
    return result == null ? List.of() : Collections.unmodifiableList(result);
  }

  /** Whether a field named {@code name} is present. */
  public boolean contains(String name) {
    return get(name) != null;
  }

  /**
   * Whether some value of {@code name}, read as a comma-separated list, holds {@code token}
   * (case-insensitive), as in {@code containsToken("Connection", "close")}.
   */
  public boolean containsToken(String name, String token) {
    Objects.requireNonNull(token, "token == null");
    for (String value : values(name)) {
      for (String part : value.split(",")) {
        if (part.trim().equalsIgnoreCase(token)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The number of fields (a name with two values counts twice). */
  public int size() {
    return size;
  }

  /** Whether there are no fields. */
  public boolean isEmpty() {
    return size == 0;
  }

  /** The name of field {@code index}, as it was given. */
  public String name(int index) {
    return namesAndValues[2 * checkIndex(index)];
  }

  /** The value of field {@code index}. */
  public String value(int index) {
    return namesAndValues[2 * checkIndex(index) + 1];
  }

  private int checkIndex(int index) {
    return Objects.checkIndex(index, size);
  }

  /** The distinct names, case-insensitively ordered. */
  public Set<String> names() {
    TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < size; i++) {
      names.add(namesAndValues[2 * i]);
    }
    return Collections.unmodifiableSet(names);
  }

  /** The fields as a map from lower-case name to values, in order of first appearance. */
  public Map<String, List<String>> toMultimap() {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      map.computeIfAbsent(namesAndValues[2 * i].toLowerCase(Locale.ROOT), k -> new ArrayList<>(1))
          .add(namesAndValues[2 * i + 1]);
    }
    map.replaceAll((k, v) -> Collections.unmodifiableList(v));
    return Collections.unmodifiableMap(map);
  }

  /** A builder holding these fields. */
  public Builder newBuilder() {
    Builder builder = new Builder();
    builder.addAll(this);
    return builder;
  }

  /** Iterates the fields in order as (name, value) entries. */
  @Override
  public Iterator<Map.Entry<String, String>> iterator() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < size;
      }

      @Override
      public Map.Entry<String, String> next() {
        if (next >= size) {
          throw new NoSuchElementException();
        }
        int i = next++;
        return Map.entry(namesAndValues[2 * i], namesAndValues[2 * i + 1]);
      }
    };
  }

  /** Equal when the same fields appear in the same order, names compared case-insensitively. */
  @Override
  public boolean equals(Object other) {
    if (!(other instanceof HttpHeaders)) {
      return false;
    }
    HttpHeaders that = (HttpHeaders) other;
    if (that.size != size) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      if (!namesAndValues[2 * i].equalsIgnoreCase(that.namesAndValues[2 * i])
          || !namesAndValues[2 * i + 1].equals(that.namesAndValues[2 * i + 1])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int hash = 1;
    for (int i = 0; i < size; i++) {
      hash = 31 * hash + namesAndValues[2 * i].toLowerCase(Locale.ROOT).hashCode();
      hash = 31 * hash + namesAndValues[2 * i + 1].hashCode();
    }
    return hash;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < size; i++) {
      sb.append(namesAndValues[2 * i]).append(": ").append(namesAndValues[2 * i + 1]).append('\n');
    }
    return sb.toString();
  }

  /** Builds {@link HttpHeaders}; not thread-safe. */
  public static final class Builder {
    private String[] namesAndValues = new String[16];
    private int size;

    Builder() {}

    /** Adds a field, keeping any existing values of {@code name}. */
    public Builder add(String name, String value) {
      checkName(name);
      checkValue(name, value);
      if (2 * size + 2 > namesAndValues.length) {
        namesAndValues = Arrays.copyOf(namesAndValues, namesAndValues.length * 2);
      }
      namesAndValues[2 * size] = name;
      namesAndValues[2 * size + 1] = value;
      size++;
      return this;
    }

    /** Replaces every value of {@code name} with {@code value}. */
    public Builder set(String name, String value) {
      checkName(name);
      checkValue(name, value);
      remove(name);
      return add(name, value);
    }

    /** Removes every value of {@code name}. */
    public Builder remove(String name) {
      Objects.requireNonNull(name, "name == null");
      int kept = 0;
      for (int i = 0; i < size; i++) {
        if (!name.equalsIgnoreCase(namesAndValues[2 * i])) {
          namesAndValues[2 * kept] = namesAndValues[2 * i];
          namesAndValues[2 * kept + 1] = namesAndValues[2 * i + 1];
          kept++;
        }
      }
      Arrays.fill(namesAndValues, 2 * kept, 2 * size, null);
      size = kept;
      return this;
    }

    /** Adds every field of {@code headers}. */
    public Builder addAll(HttpHeaders headers) {
      Objects.requireNonNull(headers, "headers == null");
      for (int i = 0; i < headers.size; i++) {
        add(headers.namesAndValues[2 * i], headers.namesAndValues[2 * i + 1]);
      }
      return this;
    }

    /** The first value of {@code name} added so far, or {@code null}. */
    public String get(String name) {
      Objects.requireNonNull(name, "name == null");
      for (int i = 0; i < size; i++) {
        if (name.equalsIgnoreCase(namesAndValues[2 * i])) {
          return namesAndValues[2 * i + 1];
        }
      }
      return null;
    }

    /** The headers added so far; the builder stays usable. */
    public HttpHeaders build() {
      return size == 0 ? EMPTY : new HttpHeaders(Arrays.copyOf(namesAndValues, 2 * size), size);
    }

    /** The characters of a token (RFC 9110): visible ASCII except the delimiters. */
    private static final boolean[] TOKEN = new boolean[0x7f];

    static {
      for (char c = '!'; c < 0x7f; c++) {
        TOKEN[c] = "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
      }
    }

    private static void checkName(String name) {
      Objects.requireNonNull(name, "name == null");
      if (name.isEmpty()) {
        throw new IllegalArgumentException("name is empty");
      }
      for (int i = 0; i < name.length(); i++) {
        if (!isTokenChar(name.charAt(i))) {
          throw new IllegalArgumentException(
              "unexpected char 0x"
                  + Integer.toHexString(name.charAt(i))
                  + " at "
                  + i
                  + " in header name: "
                  + name);
        }
      }
    }

    private static void checkValue(String name, String value) {
      Objects.requireNonNull(value, "value == null");
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '\r' || c == '\n' || c == 0 || c > 0xff) {
          throw new IllegalArgumentException(
              "unexpected char 0x"
                  + Integer.toHexString(c)
                  + " at "
                  + i
                  + " in "
                  + name
                  + " value");
        }
      }
    }

    private static boolean isTokenChar(char c) {
      return c < TOKEN.length && TOKEN[c];
    }
  }
}
