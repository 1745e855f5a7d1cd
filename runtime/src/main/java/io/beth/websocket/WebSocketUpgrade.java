package io.beth.websocket;

import io.beth.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/**
 * The outcome of {@link WebSockets#upgrade}: the response the handler returns, and the socket once
 * the handshake went out.
 *
 * @param response return this from the handler: the upgrade, or a refusal (400, 403, 426)
 * @param socket completes with the open socket, or fails if the request was refused or the
 *     connection was lost during the handshake
 */
public record WebSocketUpgrade(HttpResponse response, CompletableFuture<WebSocket> socket) {}
