package io.beth.http;

/**
 * A snapshot of an {@link HttpClient}'s connection pool.
 *
 * @param open connections open (in use or idle)
 * @param idle open connections waiting in the pool
 * @param pending requests waiting for a connection
 */
public record PoolStats(int open, int idle, int pending) {}
