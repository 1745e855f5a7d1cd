package io.beth.examples;

import io.beth.annotations.WebSocketEndpoint;
import io.beth.http.HttpRequest;
import io.beth.stream.Streams;
import io.beth.websocket.WebSocket;
import io.beth.websocket.WebSocketHandler;
import jakarta.inject.Inject;

/**
 * WebSocket {@code /ws/echo}: each message goes back as it came, text as text (it arrives as a
 * {@code String}) and binary as binary (a {@code byte[]}).
 */
@WebSocketEndpoint(path = "/ws/echo")
public final class EchoSocket implements WebSocketHandler {

  @Inject
  EchoSocket() {}

  @Override
  public void handle(WebSocket socket, HttpRequest upgrade) {
    Streams.connect(socket, socket);
  }
}
