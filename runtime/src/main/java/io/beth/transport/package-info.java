/**
 * The Netty transport shared by Beth's servers and clients: event loop groups (native epoll when
 * available) and channel classes. The bridge between a channel and a duplex stream is in
 * {@code io.beth.transport.internal}.
 */
package io.beth.transport;
