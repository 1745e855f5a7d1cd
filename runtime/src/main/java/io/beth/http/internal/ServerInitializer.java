package io.beth.http.internal;

import io.beth.http.HttpHandler;
import io.beth.http.HttpServerOptions;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.stream.ChunkedWriteHandler;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * Assembles an HTTP/1.1 connection's pipeline and its parts, the only place that does: TLS; the
 * request decoder (carrying the head and idle timeouts) and the response encoder; compression;
 * flush consolidation; then two handlers, {@link PipelinedRequests} (the inbound entry, keeping
 * pipelined requests in order) and {@link HttpConnectionHandler} (the connection's life). One part
 * per job of an exchange between them, each called by the one before it rather than through a
 * pipeline hop (a hop per message and per exchange cost about 5% of a plaintext request): {@link
 * RequestReader} (messages into exchanges), {@link ExpectContinue}, {@link Dispatcher}. The body
 * gate ({@link ReadPauses}) is shared by the parts that pause reads; a lingering close and an
 * upgrade rearrange the pipeline when they happen.
 */
final class ServerInitializer extends ChannelInitializer<Channel> {

  static final String DECODER = "decoder";
  static final String ENCODER = "encoder";
  static final String COMPRESSOR = "compressor";
  static final String CHUNKED_WRITER = "chunked-writer";
  static final String FLUSH_CONSOLIDATION = "flush-consolidation";
  static final String PIPELINING = "beth-pipelining";
  static final String CONNECTION = "beth-http";

  private final HttpServerOptions options;
  private final SslContext sslContext;
  private final HttpHandler handler;
  private final Executor executor;
  private final BooleanSupplier serverDraining;

  /**
   * Connections of a server with {@code options} calling {@code handler}, blocking handlers on
   * {@code executor}; {@code serverDraining} says whether the server is stopping. Builds the TLS
   * context here, before the server binds: one that cannot be built fails the start.
   */
  ServerInitializer(
      HttpServerOptions options,
      HttpHandler handler,
      Executor executor,
      BooleanSupplier serverDraining) {
    this.options = options;
    this.sslContext = options.sslContext();
    this.handler = handler;
    this.executor = executor;
    this.serverDraining = serverDraining;
  }

  @Override
  protected void initChannel(Channel ch) {
    ChannelPipeline p = ch.pipeline();
    if (sslContext != null) {
      p.addLast("ssl", sslContext.newHandler(ch.alloc()));
    }
    HttpConnectionHandler connection = new HttpConnectionHandler(options, executor, serverDraining);
    ReadPauses pauses = new ReadPauses(ch);
    ConnectionTimeouts timeouts =
        new ConnectionTimeouts(
            options.headerReadTimeout().toNanos(),
            options.idleTimeout().toNanos(),
            connection::isBusy);
    PipelinedRequests pipelining = new PipelinedRequests(pauses);
    RequestReader reader =
        new RequestReader(
            connection,
            pipelining,
            timeouts,
            pauses,
            new ExpectContinue(connection, options.expectContinue()),
            new Dispatcher(connection, handler, executor));
    pipelining.passTo(reader::read);
    connection.assemble(pipelining, timeouts, pauses, reader);

    p.addLast(
        DECODER,
        new RequestDecoder(
            new HttpDecoderConfig()
                .setMaxInitialLineLength(options.maxInitialLineLength())
                .setMaxHeaderSize(options.maxHeaderSize())
                .setMaxChunkSize(options.maxChunkSize()),
            timeouts,
            options.decompressRequests()));
    p.addLast(ENCODER, new HttpResponseEncoder());
    if (options.compression()) {
      p.addLast(
          COMPRESSOR,
          new ResponseCompressor(
              options.compressionMinSize(), options.compressionLevel(), options.compressible()));
    }
    if (sslContext != null || options.compression()) {
      p.addLast(CHUNKED_WRITER, new ChunkedWriteHandler());
    }
    // Responses written while a read is in progress (pipelined requests, inline handlers) are
    // flushed once at the end of the read instead of one syscall each.
    p.addLast(
        FLUSH_CONSOLIDATION,
        new FlushConsolidationHandler(
            FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, false));
    p.addLast(PIPELINING, pipelining);
    p.addLast(CONNECTION, connection);
    if (options.pipelineHook() != null) {
      options.pipelineHook().accept(p);
    }
  }
}
