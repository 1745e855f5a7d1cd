package io.beth.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What README.md says beside its Java snippets (which {@link ReadmeSnippetsTest} compiles) agrees
 * with the build: the Maven snippet names the versions and annotation processors the real poms use,
 * CI runs exactly the README's test commands, and every code block is of a kind these tests know,
 * so none escapes them.
 */
class ReadmeConsistencyTest {

  private static final Path ROOT =
      Path.of(System.getProperty("beth.readme", "../README.md")).toAbsolutePath().getParent();
  private static final Pattern FENCE = Pattern.compile("(?m)^([ \\t]*)```(\\S*)");
  private static final Pattern BLOCK = Pattern.compile("(?ms)^```(\\w+)\\n(.*?)^```");
  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

  @Test
  void everyCodeBlockIsJavaXmlOrShellAtTheStartOfALine() throws Exception {
    String readme = readme();
    Matcher fence = FENCE.matcher(readme);
    boolean opening = true;
    int blocks = 0;
    while (fence.find()) {
      int line = (int) readme.substring(0, fence.start()).lines().count() + 1;
      assertEquals("", fence.group(1), "README.md line " + line + ": an indented fence");
      if (opening) {
        assertTrue(
            Set.of("java", "xml", "sh").contains(fence.group(2)),
            "README.md line "
                + line
                + ": a block of kind '"
                + fence.group(2)
                + "', which no test checks (use java, xml or sh)");
        blocks++;
      } else {
        assertEquals("", fence.group(2), "README.md line " + line + ": a closing fence expected");
      }
      opening = !opening;
    }
    assertTrue(opening, "README.md ends inside a code block");
    assertTrue(blocks > 10, "README.md has only " + blocks + " code blocks");
  }

  @Test
  void theMavenSnippetMatchesTheBuild() throws Exception {
    List<String> xml = blocks("xml");
    assertFalse(xml.isEmpty(), "README.md has no Maven snippet");
    Element snippet = parse("<snippet>" + xml.get(0) + "</snippet>");
    Element parent = parse(Files.readString(ROOT.resolve("pom.xml")));
    Element examples = parse(Files.readString(ROOT.resolve("examples/pom.xml")));
    Map<String, String> properties = properties(parent);

    // Each dependency: one the example uses, at the version the parent manages.
    Map<String, String> managed =
        coordinates(
            child(child(parent, "dependencyManagement"), "dependencies"), "dependency", properties);
    Map<String, String> readmeDependencies =
        coordinates(child(snippet, "dependencies"), "dependency", properties);
    Map<String, String> exampleDependencies =
        coordinates(child(examples, "dependencies"), "dependency", properties);
    assertFalse(readmeDependencies.isEmpty());
    readmeDependencies.forEach(
        (artifact, version) -> {
          assertTrue(
              exampleDependencies.containsKey(artifact),
              artifact + " is in the README's snippet but not a dependency of examples/pom.xml");
          assertEquals(managed.get(artifact), version, "the README's version of " + artifact);
        });

    // The processors: exactly the example's, at its versions, in its order.
    Element readmeCompiler = compilerPlugin(child(snippet, "build"));
    Element exampleCompiler = compilerPlugin(child(examples, "build"));
    assertEquals(
        new ArrayList<>(
            coordinates(processorPaths(exampleCompiler), "path", properties).entrySet()),
        new ArrayList<>(coordinates(processorPaths(readmeCompiler), "path", properties).entrySet()),
        "the README's annotation processors");

    // The compiler plugin's version and release: the parent's.
    Element managedCompiler = compilerPlugin(child(child(parent, "build"), "pluginManagement"));
    assertEquals(
        text(managedCompiler, "version", properties),
        text(readmeCompiler, "version", properties),
        "the README's maven-compiler-plugin version");
    assertEquals(
        properties.get("maven.compiler.release"),
        text(child(readmeCompiler, "configuration"), "release", properties),
        "the README's <release>");

    // Every later block is one more dependency to add (a logging provider): at the managed version.
    for (String extra : xml.subList(1, xml.size())) {
      Map<String, String> dependency =
          coordinates(parse("<snippet>" + extra + "</snippet>"), "dependency", properties);
      assertEquals(
          1, dependency.size(), "a later xml block of README.md is one <dependency>:\n" + extra);
      dependency.forEach(
          (artifact, version) ->
              assertEquals(managed.get(artifact), version, "the README's version of " + artifact));
    }
  }

  @Test
  void ciRunsExactlyTheReadmesTestCommands() throws Exception {
    String readme = readme();
    int from = readme.indexOf("\n## Run the tests\n");
    assertTrue(from >= 0, "README.md has no 'Run the tests' section");
    int to = readme.indexOf("\n## ", from + 1);
    Matcher block = BLOCK.matcher(readme.substring(from, to < 0 ? readme.length() : to));
    List<String> commands = new ArrayList<>();
    while (block.find()) {
      if (block.group(1).equals("sh")) {
        block.group(2).lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(commands::add);
      }
    }
    assertFalse(commands.isEmpty(), "the 'Run the tests' section shows no command");
    List<String> ci =
        Files.readAllLines(ROOT.resolve(".ci/run")).stream()
            .map(String::strip)
            .filter(l -> l.startsWith("mvn ") || l.startsWith("scripts/"))
            .toList();
    assertEquals(commands, ci, ".ci/run's Maven and script commands against README.md's");
  }

  private static String readme() throws Exception {
    return Files.readString(ROOT.resolve("README.md"));
  }

  private static List<String> blocks(String kind) throws Exception {
    Matcher block = BLOCK.matcher(readme());
    List<String> found = new ArrayList<>();
    while (block.find()) {
      if (block.group(1).equals(kind)) {
        found.add(block.group(2));
      }
    }
    return found;
  }

  private static Element parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document document =
        factory
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    return document.getDocumentElement();
  }

  private static Map<String, String> properties(Element pom) {
    Map<String, String> properties = new HashMap<>();
    for (Element property : children(child(pom, "properties"))) {
      properties.put(property.getTagName(), property.getTextContent().strip());
    }
    properties.put("project.version", child(pom, "version").getTextContent().strip());
    return properties;
  }

  /** {@code groupId:artifactId} to version, in document order, of the {@code tag} children. */
  private static Map<String, String> coordinates(
      Element parent, String tag, Map<String, String> properties) {
    Map<String, String> found = new LinkedHashMap<>();
    for (Element element : children(parent)) {
      if (element.getTagName().equals(tag)) {
        found.put(
            text(element, "groupId", properties) + ":" + text(element, "artifactId", properties),
            text(element, "version", properties));
      }
    }
    return found;
  }

  /**
   * The maven-compiler-plugin among the {@code plugins} of {@code build} (or of its
   * pluginManagement).
   */
  private static Element compilerPlugin(Element build) {
    for (Element plugin : children(child(build, "plugins"))) {
      if ("maven-compiler-plugin".equals(text(plugin, "artifactId", Map.of()))) {
        return plugin;
      }
    }
    throw new AssertionError("no maven-compiler-plugin in " + build.getTagName());
  }

  private static Element processorPaths(Element compilerPlugin) {
    return child(child(compilerPlugin, "configuration"), "annotationProcessorPaths");
  }

  private static String text(Element parent, String tag, Map<String, String> properties) {
    Element element = child(parent, tag);
    if (element == null) {
      return null;
    }
    Matcher property = PROPERTY.matcher(element.getTextContent().strip());
    StringBuilder resolved = new StringBuilder();
    while (property.find()) {
      property.appendReplacement(
          resolved,
          Matcher.quoteReplacement(properties.getOrDefault(property.group(1), property.group())));
    }
    property.appendTail(resolved);
    return resolved.toString();
  }

  private static Element child(Element parent, String tag) {
    if (parent == null) {
      return null;
    }
    for (Element element : children(parent)) {
      if (element.getTagName().equals(tag)) {
        return element;
      }
    }
    return null;
  }

  private static List<Element> children(Element parent) {
    List<Element> elements = new ArrayList<>();
    if (parent == null) {
      return elements;
    }
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
        elements.add((Element) nodes.item(i));
      }
    }
    return elements;
  }
}
