package io.beth.peers;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A Maven local repository of the quickstart's own, holding the Beth artifacts this build made, so
 * that a user's project can be built against them without {@code mvn install} (which would write
 * into the shared {@code ~/.m2}). Beth's poms and jars are laid out as {@code install} lays them
 * out; every other artifact is fetched, by the Maven settings {@link #prepare} writes, from the
 * build's own local repository (a {@code file:} remote, so nothing is downloaded twice) and else
 * from Maven Central.
 *
 * <p>The locations come from the build ({@code integration-tests/pom.xml}): {@code beth.build.root}
 * (the reactor's directory), {@code beth.version}, {@code beth.m2.repository} (the build's local
 * repository) and {@code beth.quickstart.repository} (this one, kept in {@code target} between
 * runs).
 */
final class QuickstartRepository {

  /** Beth's artifacts a user's build needs: artifact id, module folder (null: the parent pom). */
  private static final String[][] ARTIFACTS = {
    {"beth-parent", null},
    {"beth-annotations", "annotations"},
    {"beth-processor", "processor"},
    {"beth-runtime", "runtime"},
  };

  private QuickstartRepository() {}

  /**
   * Puts the built Beth artifacts into the quickstart repository and writes, in {@code dir}, the
   * Maven settings that use it; returns the settings file.
   */
  static Path prepare(Path dir) throws IOException {
    Path root = Path.of(System.getProperty("beth.build.root", ".."));
    String version = property("beth.version");
    Path repository =
        Path.of(System.getProperty("beth.quickstart.repository", "target/quickstart-repository"))
            .toAbsolutePath();
    Path home =
        Path.of(
            System.getProperty(
                "beth.m2.repository",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
    for (String[] artifact : ARTIFACTS) {
      Path module = artifact[1] == null ? root : root.resolve(artifact[1]);
      Path target =
          Files.createDirectories(repository.resolve(Path.of("io", "beth", artifact[0], version)));
      String base = artifact[0] + "-" + version;
      Files.copy(
          module.resolve("pom.xml"),
          target.resolve(base + ".pom"),
          StandardCopyOption.REPLACE_EXISTING);
      if (artifact[1] != null) {
        Path jar = module.resolve(Path.of("target", base + ".jar"));
        if (!Files.isRegularFile(jar)) {
          fail(
              jar.toAbsolutePath()
                  + " does not exist: mvn verify -Ppeers packages it before"
                  + " these tests");
        }
        Files.copy(jar, target.resolve(base + ".jar"), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Path settings = dir.resolve("quickstart-settings.xml");
    Files.writeString(settings, settings(repository, home));
    return settings;
  }

  private static String settings(Path repository, Path home) {
    String remote =
        "<id>build-local-repository</id><url>"
            + home.toUri()
            + "</url>"
            + "<releases><checksumPolicy>ignore</checksumPolicy></releases>"
            + "<snapshots><enabled>false</enabled></snapshots>";
    return """
        <settings>
          <localRepository>%s</localRepository>
          <profiles>
            <profile>
              <id>quickstart</id>
              <repositories><repository>%s</repository></repositories>
              <pluginRepositories><pluginRepository>%s</pluginRepository></pluginRepositories>
            </profile>
          </profiles>
          <activeProfiles><activeProfile>quickstart</activeProfile></activeProfiles>
        </settings>
        """
        .formatted(repository, remote, remote);
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      fail("system property " + name + " is not set: run through mvn verify -Ppeers");
    }
    return value;
  }
}
