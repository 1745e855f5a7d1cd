/**
 * WebSocket server and client as duplex streams: {@link io.beth.websocket.WebSockets#upgrade} turns
 * an HTTP request into a {@link io.beth.websocket.WebSocket}, {@link
 * io.beth.websocket.WebSocketClient#connect} opens one to a {@code ws://} or {@code wss://} URI.
 */
package io.beth.websocket;
