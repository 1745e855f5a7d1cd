/** UDP sockets as duplex streams of {@link io.beth.udp.UdpPacket}s. */
package io.beth.udp;
