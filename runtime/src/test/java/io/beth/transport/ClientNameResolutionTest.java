package io.beth.transport;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.http.ClientRequest;
import io.beth.http.HttpClient;
import io.beth.tcp.TcpClient;
import io.beth.tcp.TcpClientOptions;
import io.beth.websocket.WebSocketClient;
import io.beth.websocket.WebSocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A host name that does not resolve fails the client's future with an error naming it. */
class ClientNameResolutionTest {

  private static final String HOST = "no-such-host.invalid";

  @Test
  void theHttpClientFailsWithUnknownHost() {
    try (HttpClient client = HttpClient.create()) {
      ExecutionException e =
          assertThrows(
              ExecutionException.class,
              () ->
                  client
                      .send(ClientRequest.get(URI.create("http://" + HOST + ":8080/")).build())
                      .get(30, TimeUnit.SECONDS));
      assertInstanceOf(UnknownHostException.class, e.getCause());
      assertTrue(e.getCause().getMessage().contains(HOST), e.getCause().getMessage());
    }
  }

  @Test
  void theTcpClientFailsWithUnknownHost() {
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () ->
                TcpClient.connect(HOST, 7000, TcpClientOptions.DEFAULT).get(30, TimeUnit.SECONDS));
    assertInstanceOf(UnknownHostException.class, e.getCause());
    assertTrue(e.getCause().getMessage().contains(HOST), e.getCause().getMessage());
  }

  @Test
  void theWebSocketClientFailsWithUnknownHost() {
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () ->
                WebSocketClient.connect(URI.create("ws://" + HOST + ":8080/"))
                    .get(30, TimeUnit.SECONDS));
    assertInstanceOf(WebSocketException.class, e.getCause());
    assertInstanceOf(UnknownHostException.class, e.getCause().getCause());
    assertTrue(e.getCause().getMessage().contains(HOST), e.getCause().getMessage());
  }
}
