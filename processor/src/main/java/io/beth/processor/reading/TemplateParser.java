package io.beth.processor.reading;

import io.beth.processor.model.PathTemplate;
import io.beth.processor.model.PathTemplate.Segment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Parses path templates, naming the first mistake found in a malformed one. */
public final class TemplateParser {

  /** A parse outcome: a template, or else what is wrong with the text. */
  public record Parsed(PathTemplate template, String problem) {
    public boolean ok() {
      return template != null;
    }
  }

  private TemplateParser() {}

  /** Parses {@code text}, such as {@code /users/{id}/posts}. */
  public static Parsed parse(String text) {
    if (text.isEmpty()) {
      return problem("the path is empty; give the route a path such as \"/items\"");
    }
    if (!text.startsWith("/")) {
      return problem("\"" + text + "\" must start with '/'");
    }
    if (text.indexOf('?') >= 0 || text.indexOf('#') >= 0) {
      return problem("\"" + text + "\" contains '?' or '#'; bind query values with @QueryParam");
    }
    if (text.equals("/")) {
      return new Parsed(new PathTemplate(text, List.of()), null);
    }
    if (text.endsWith("/")) {
      return problem("\"" + text + "\" ends with '/'; remove the trailing slash");
    }
    List<Segment> segments = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (String part : text.substring(1).split("/", -1)) {
      if (part.isEmpty()) {
        return problem("\"" + text + "\" has an empty segment ('//'); remove the extra '/'");
      }
      String foreign = foreignPlaceholder(part);
      if (foreign != null) {
        return problem("\"" + text + "\" has the segment \"" + part + "\"; " + foreign);
      }
      if (part.indexOf('{') < 0 && part.indexOf('}') < 0) {
        segments.add(new Segment(false, part));
        continue;
      }
      String name =
          part.startsWith("{") && part.endsWith("}") ? part.substring(1, part.length() - 1) : null;
      if (name == null || !isIdentifier(name)) {
        return problem(
            "\""
                + text
                + "\" has the segment \""
                + part
                + "\"; a placeholder must be"
                + " a whole segment \"{name}\" whose name is a Java identifier");
      }
      if (!names.add(name)) {
        return problem(
            "\""
                + text
                + "\" uses the placeholder {"
                + name
                + "} twice;"
                + " give each placeholder its own name");
      }
      segments.add(new Segment(true, name));
    }
    return new Parsed(new PathTemplate(text, segments), null);
  }

  /**
   * Why {@code part} looks like another framework's placeholder or wildcard ({@code :id}, {@code
   * <id>}, {@code *}, {@code {id:[0-9]+}}), or null.
   */
  private static String foreignPlaceholder(String part) {
    if (part.startsWith(":") && part.length() > 1 && isIdentifier(part.substring(1))) {
      return "Beth would match it literally: write the placeholder as {" + part.substring(1) + "}";
    }
    if (part.startsWith("<") && part.endsWith(">") && part.length() > 2) {
      return "Beth would match it literally: write the placeholder as {"
          + part.substring(1, part.length() - 1)
          + "}";
    }
    if (part.equals("*") || part.equals("**")) {
      return "Beth has no wildcards: declare a {name} placeholder for one segment, or a route per"
          + " path";
    }
    int colon = part.indexOf(':');
    if (part.startsWith("{")
        && part.endsWith("}")
        && colon > 0
        && isIdentifier(part.substring(1, colon).trim())) {
      return "a placeholder takes no pattern, so write {"
          + part.substring(1, colon).trim()
          + "} and check the value in the method (a value that does not convert to the"
          + " parameter's type is answered 400)";
    }
    return null;
  }

  private static Parsed problem(String problem) {
    return new Parsed(null, "Malformed path template: " + problem + ".");
  }

  private static boolean isIdentifier(String name) {
    if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      if (!Character.isJavaIdentifierPart(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
