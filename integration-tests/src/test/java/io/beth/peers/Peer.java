package io.beth.peers;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An external program the peer tests run, found on the {@code PATH} or in {@code /usr/sbin}. A
 * missing one fails the test (never skips it) with a message saying how to install it.
 */
enum Peer {
  CURL("curl", "curl"),
  SOCAT("socat", "socat"),
  NGINX("nginx", "nginx"),
  TINYPROXY("tinyproxy", "tinyproxy"),
  DANTED("danted", "dante-server"),
  CHROMIUM("chromium", "chromium"),
  CHROMEDRIVER("chromedriver", "chromium-driver");

  private final String command;
  private final String debianPackage;

  Peer(String command, String debianPackage) {
    this.command = command;
    this.debianPackage = debianPackage;
  }

  /** The executable's absolute path; fails the calling test when it is not installed. */
  String path() {
    List<String> directories = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      directories.addAll(List.of(path.split(File.pathSeparator)));
    }
    directories.addAll(List.of("/usr/local/sbin", "/usr/sbin", "/sbin", "/usr/bin"));
    for (String directory : directories) {
      Path candidate = Path.of(directory, command);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return fail(
        command
            + " (Debian package "
            + debianPackage
            + ") is not installed: run "
            + "scripts/install-peers before mvn verify -Ppeers");
  }
}
