package io.beth.http.internal;

import io.netty.channel.ChannelPipeline;

/**
 * Takes HTTP off a connection that switches protocols: the handlers the server added for HTTP/1.1
 * exchanges go, leaving the request decoder and the response encoder (and TLS, and what the
 * server's pipeline hook added) for the upgrade to replace as it needs; see {@link
 * io.beth.http.ConnectionUpgrade}.
 */
final class Upgrades {

  /** The handlers an upgrade removes: compression, flush consolidation and the exchange's own. */
  static final String[] HTTP_HANDLERS = {
    RequestDecoder.DECOMPRESSOR,
    ServerInitializer.COMPRESSOR,
    ServerInitializer.CHUNKED_WRITER,
    ServerInitializer.FLUSH_CONSOLIDATION,
    ServerInitializer.PIPELINING,
    ServerInitializer.CONNECTION,
  };

  private Upgrades() {}

  /** Removes the HTTP exchange handlers from {@code pipeline}. */
  static void leaveHttp(ChannelPipeline pipeline) {
    for (String name : HTTP_HANDLERS) {
      if (pipeline.get(name) != null) {
        pipeline.remove(name);
      }
    }
  }
}
