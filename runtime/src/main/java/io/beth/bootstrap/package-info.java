/**
 * What generated code and Dagger plug into: the helpers generated routers call to bind parameters,
 * answer results and upgrade WebSocket endpoints, and the bootstrap ({@link
 * io.beth.bootstrap.BethApplication}) that starts an application's listeners (HTTP with its
 * WebSocket endpoints, each TCP handler, each UDP socket) with ports from {@link
 * io.beth.bootstrap.BethOptions}, system properties {@code beth.<listener>.port}, or the
 * annotations. Generated typed clients send through {@link io.beth.bootstrap.RouteClient} and
 * {@link io.beth.bootstrap.RouteCall}, with base URIs from {@link
 * io.beth.bootstrap.BethClientOptions} or the system properties {@code beth.client.*.uri}.
 */
package io.beth.bootstrap;
