package io.beth.http.internal;

import io.beth.http.HttpServerOptions;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.stream.ChunkedWriteHandler;

/**
 * Assembles a connection's pipeline: TLS, head timeout, codec, the HTTP version check,
 * (de)compression, flush consolidation, Beth.
 */
final class ServerInitializer extends ChannelInitializer<Channel> {

  private final NettyHttpServer server;
  private final HttpServerOptions options;

  ServerInitializer(NettyHttpServer server) {
    this.server = server;
    this.options = server.options();
  }

  @Override
  protected void initChannel(Channel ch) {
    ChannelPipeline p = ch.pipeline();
    if (options.sslContext() != null) {
      p.addLast("ssl", options.sslContext().newHandler(ch.alloc()));
    }
    HeadTimeout headTimeout = new HeadTimeout(options.headerReadTimeout().toNanos());
    p.addLast("decoder", new RequestDecoder(new HttpDecoderConfig()
        .setMaxInitialLineLength(options.maxInitialLineLength())
        .setMaxHeaderSize(options.maxHeaderSize())
        .setMaxChunkSize(options.maxChunkSize()), headTimeout, options.decompressRequests()));
    p.addLast("encoder", new HttpResponseEncoder());
    p.addLast("version-check", new VersionCheck(headTimeout));
    if (options.compression()) {
      p.addLast("compressor", new ResponseCompressor(options.compressionMinSize(),
          options.compressionLevel(), options.compressible()));
    }
    if (options.sslContext() != null || options.compression()) {
      p.addLast("chunked-writer", new ChunkedWriteHandler());
    }
    // Responses written while a read is in progress (pipelined requests, inline handlers) are
    // flushed once at the end of the read instead of one syscall each.
    p.addLast("flush-consolidation", new FlushConsolidationHandler(
        FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, false));
    p.addLast("beth-http", new HttpConnectionHandler(server, headTimeout));
    if (options.pipelineHook() != null) {
      options.pipelineHook().accept(p);
    }
  }
}
