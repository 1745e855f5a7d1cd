package io.beth.processor.model;

import java.util.List;
import java.util.stream.Collectors;

/** A parsed path template: its text and its segments, in order. The root {@code /} has none. */
public record PathTemplate(String text, List<Segment> segments) {

  public PathTemplate {
    segments = List.copyOf(segments);
  }

  /** One segment: literal text, or a placeholder whose {@code text} is the name. */
  public record Segment(boolean placeholder, String text) {}

  /** The placeholder names, in order. */
  public List<String> placeholders() {
    return segments.stream().filter(Segment::placeholder).map(Segment::text).toList();
  }

  /** The template with placeholder names erased: two templates with one shape match alike. */
  public String shape() {
    return segments.stream()
        .map(s -> s.placeholder() ? "{}" : s.text())
        .collect(Collectors.joining("/", "/", ""));
  }

  /** Whether this template matches the literal path {@code path} split into segments. */
  public boolean matches(List<String> path) {
    if (path.size() != segments.size()) {
      return false;
    }
    for (int i = 0; i < path.size(); i++) {
      Segment s = segments.get(i);
      if (!s.placeholder() && !s.text().equals(path.get(i))) {
        return false;
      }
    }
    return true;
  }
}
