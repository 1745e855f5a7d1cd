package io.beth.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * nginx run in the foreground from a folder of its own: configuration, pid, temp paths and the
 * served files ({@code www/}) all inside it; the access log goes to its stderr, one {@code ACCESS
 * ...} line per request with the connection's serial number and request count, the bytes sent, the
 * gzip ratio and the transfer encoding.
 */
final class Nginx {

  /** The access log's format: {@code ACCESS conn=N req=N uri=/x status=200 bytes=N gzip=R te=T}. */
  static final String LOG_FORMAT =
      "ACCESS conn=$connection req=$connection_requests "
          + "uri=$request_uri status=$status bytes=$bytes_sent gzip=$gzip_ratio "
          + "te=$sent_http_transfer_encoding";

  private Nginx() {}

  /** The folder nginx serves; create files in it before requesting them. */
  static Path www(Path dir) throws IOException {
    return Files.createDirectories(dir.resolve("www"));
  }

  /**
   * Starts nginx serving {@code www(dir)} with {@code locations} (nginx {@code location} blocks)
   * inside its one server; waits until its workers run.
   */
  static PeerProcess start(Path dir, String locations) throws IOException, InterruptedException {
    String nginx = Peer.NGINX.path();
    Path www = www(dir);
    for (String temp : List.of("body", "proxy", "fastcgi", "uwsgi", "scgi")) {
      Files.createDirectories(dir.resolve("temp").resolve(temp));
    }
    // nginx started as root serves from worker processes running as nobody: let them read.
    openToOthers(dir);
    return PeerProcess.start(
        dir,
        Pattern.compile("start worker process"),
        Duration.ofSeconds(30),
        port -> {
          Path config = dir.resolve("nginx-" + port + ".conf");
          try {
            Files.writeString(config, config(dir, www, port, locations));
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
          return List.of(nginx, "-e", "stderr", "-p", dir.toString(), "-c", config.toString());
        });
  }

  private static String config(Path dir, Path www, int port, String locations) {
    Path temp = dir.resolve("temp");
    return String.join(
        "\n",
        "daemon off;",
        "master_process on;",
        "worker_processes 1;",
        "pid " + dir.resolve("nginx.pid") + ";",
        "error_log stderr notice;",
        "events { worker_connections 256; }",
        "http {",
        "  types { text/plain txt; text/html html; application/octet-stream bin; }",
        "  default_type application/octet-stream;",
        "  log_format peers '" + LOG_FORMAT + "';",
        "  access_log /dev/stderr peers;",
        "  client_body_temp_path " + temp.resolve("body") + ";",
        "  proxy_temp_path " + temp.resolve("proxy") + ";",
        "  fastcgi_temp_path " + temp.resolve("fastcgi") + ";",
        "  uwsgi_temp_path " + temp.resolve("uwsgi") + ";",
        "  scgi_temp_path " + temp.resolve("scgi") + ";",
        "  keepalive_timeout 60s;",
        "  keepalive_requests 1000;",
        "  sendfile on;",
        "  server {",
        "    listen 127.0.0.1:" + port + ";",
        "    root " + www + ";",
        locations,
        "  }",
        "}",
        "");
  }

  private static void openToOthers(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Files.setPosixFilePermissions(
            path,
            PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
      }
    }
  }
}
