/**
 * The threads and the Netty transport of Beth's servers and clients: {@link
 * io.beth.transport.BethResources} owns the event loops (on the {@link io.beth.transport.Transport}
 * chosen once: io_uring, epoll or NIO), the executor of handlers that may block and the timer;
 * {@link io.beth.transport.BethResources#shared()} is the default. The bridge between a channel and
 * a duplex stream is in {@code io.beth.transport.internal}.
 */
package io.beth.transport;
