package io.beth.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * tinyproxy run in the foreground from a folder of its own, logging to its stdout (one {@code
 * Request (file descriptor N): <request line>} line per request). CONNECT reaches only the ports
 * given; Basic credentials are demanded when a user is given.
 */
final class Tinyproxy {

  private Tinyproxy() {}

  /**
   * Starts tinyproxy on a free port with {@code connectPorts} open to CONNECT, demanding {@code
   * user}/{@code password} unless {@code user} is null; waits until it accepts connections.
   */
  static PeerProcess start(Path dir, List<Integer> connectPorts, String user, String password)
      throws IOException, InterruptedException {
    String tinyproxy = Peer.TINYPROXY.path();
    return PeerProcess.start(
        dir,
        Pattern.compile("Accepting connections"),
        Duration.ofSeconds(30),
        port -> {
          List<String> lines =
              new ArrayList<>(
                  List.of(
                      "Port " + port,
                      "Listen 127.0.0.1",
                      "Allow 127.0.0.1",
                      "Timeout 60",
                      "LogLevel Info",
                      "MaxClients 20"));
          for (int p : connectPorts) {
            lines.add("ConnectPort " + p);
          }
          if (user != null) {
            lines.add("BasicAuth " + user + " " + password);
          }
          Path config = dir.resolve("tinyproxy-" + port + ".conf");
          try {
            Files.write(config, lines);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return List.of(tinyproxy, "-d", "-c", config.toString());
        });
  }
}
