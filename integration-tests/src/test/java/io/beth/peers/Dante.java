package io.beth.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Dante's SOCKS5 server ({@code danted}) in the foreground, run as root (it switches to {@code
 * nobody} for the unprivileged work), without authentication, from 127.0.0.0/8 to anywhere; it logs
 * to stderr, one {@code tcp/connect} line per tunnel naming the destination as {@code
 * a.b.c.d.port}.
 */
final class Dante {

  private Dante() {}

  /** Starts danted on a free port; waits until it runs. */
  static PeerProcess start(Path dir) throws IOException, InterruptedException {
    String danted = Peer.DANTED.path();
    return PeerProcess.start(
        dir,
        Pattern.compile("Dante/server.* running"),
        Duration.ofSeconds(30),
        port -> {
          Path config = dir.resolve("danted-" + port + ".conf");
          try {
            Files.writeString(
                config,
                String.join(
                    "\n",
                    "logoutput: stderr",
                    "internal: 127.0.0.1 port = " + port,
                    "external: 127.0.0.1",
                    "socksmethod: none",
                    "clientmethod: none",
                    "user.privileged: root",
                    "user.unprivileged: nobody",
                    "client pass {",
                    "  from: 127.0.0.0/8 to: 0.0.0.0/0",
                    "  log: connect disconnect error",
                    "}",
                    "socks pass {",
                    "  from: 127.0.0.0/8 to: 0.0.0.0/0",
                    "  command: connect",
                    "  log: connect disconnect error",
                    "}",
                    ""));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return List.of(
              danted,
              "-f",
              config.toString(),
              "-p",
              dir.resolve("danted-" + port + ".pid").toString());
        });
  }
}
