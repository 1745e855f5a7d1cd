/**
 * TCP and UDP echo load harness: Beth's TCP server and UDP socket echoes beside hand-written Netty
 * equivalents (and, for TCP, a Vert.x echo), driven by the same Netty load clients in one JVM.
 */
package io.beth.benchmarks.echo;
