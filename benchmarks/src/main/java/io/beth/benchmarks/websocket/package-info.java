/**
 * WebSocket echo load harness: Beth's WebSocket echo beside a hand-written Netty WebSocket echo and
 * a Vert.x WebSocket echo, driven by one Netty client in the same JVM.
 */
package io.beth.benchmarks.websocket;
