package io.beth.processor.model;

import java.util.Arrays;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A WebSocket, TCP or UDP handler class: {@code path} is set for WebSocket endpoints, {@code port}
 * for TCP and UDP handlers.
 */
public record EndpointModel(
    Kind kind, TypeElement type, String path, int port, Construction construction) {

  /** The protocol a handler serves. */
  public enum Kind {
    WEBSOCKET,
    TCP,
    UDP
  }

  /** The segments of a WebSocket endpoint's literal path; none for {@code /}. */
  public List<String> pathSegments() {
    return path.equals("/") ? List.of() : Arrays.asList(path.substring(1).split("/", -1));
  }

  /**
   * The name of a TCP or UDP handler's listener: {@code tcp.<SimpleClassName>} or {@code
   * udp.<SimpleClassName>}; its port property is {@code beth.<name>.port}.
   */
  public String listenerName() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + "." + type.getSimpleName();
  }
}
