/**
 * TCP servers and clients whose connections are duplex streams of bytes ({@link
 * io.beth.tcp.TcpServer}, {@link io.beth.tcp.TcpClient}), and {@link io.beth.tcp.Framing} to cut
 * them into lines or length-prefixed frames.
 */
package io.beth.tcp;
