package io.beth.http;

import io.netty.channel.Channel;

/**
 * Takes a connection over from the HTTP server after a request asked to switch protocols (a
 * WebSocket handshake, say). Return {@link HttpResponse#upgrade(ConnectionUpgrade)} from a handler
 * and the server, instead of writing a response, stops handling HTTP on the connection and calls
 * {@link #upgrade} on its event loop.
 *
 * <p>At that point the pipeline holds, from the socket on: an optional {@code "ssl"} handler, the
 * HTTP request decoder ({@code "decoder"}, an {@code HttpRequestDecoder}), the response encoder
 * ({@code "encoder"}, an {@code HttpResponseEncoder}) and whatever the server's pipeline hook
 * added; no compression and no flush consolidation. The upgrade writes its own response (such as
 * 101 Switching Protocols) and replaces what it needs, for example through Netty's {@code
 * WebSocketServerHandshaker}. If the upgrade throws, the connection is closed.
 */
@FunctionalInterface
public interface ConnectionUpgrade {

  /** Takes over {@code channel}, whose HTTP exchange was {@code request}; never blocks. */
  void upgrade(Channel channel, HttpRequest request) throws Exception;
}
