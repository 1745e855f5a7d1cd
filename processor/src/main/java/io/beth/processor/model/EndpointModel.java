package io.beth.processor.model;

import javax.lang.model.element.TypeElement;

/**
 * A WebSocket, TCP or UDP handler class: {@code path} is set for WebSocket endpoints, {@code port}
 * for TCP and UDP handlers.
 */
public record EndpointModel(Kind kind, TypeElement type, String path, int port,
    Construction construction) {

  /** The protocol a handler serves. */
  public enum Kind {
    WEBSOCKET,
    TCP,
    UDP
  }
}
