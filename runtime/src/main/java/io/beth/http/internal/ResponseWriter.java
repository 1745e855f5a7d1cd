package io.beth.http.internal;

import io.beth.bytes.ByteSources;
import io.beth.http.HttpResponse;
import io.beth.http.HttpServerOptions;
import io.beth.stream.Source;
import io.beth.stream.Streams;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.stream.ChunkedNioFile;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one response: in-memory bodies as one message with {@code Content-Length}, files zero-copy
 * (or in chunks under TLS and compression), streams chunked while the channel is writable. Reports
 * the end to {@link HttpConnectionHandler#responseDone}.
 */
final class ResponseWriter {

  private static final Logger log = LoggerFactory.getLogger(ResponseWriter.class);
  private static final int FILE_CHUNK = 16 * 1024;
  private static final int CHUNK = ByteSources.DEFAULT_CHUNK_SIZE;
  private static final int SHORT_TEXT = 256; // characters

  private final ChannelHandlerContext ctx;
  private final HttpConnectionHandler connection;
  private final HttpServerOptions options;
  private final boolean tls;
  private final Executor executor;

  ResponseWriter(
      ChannelHandlerContext ctx,
      HttpConnectionHandler connection,
      HttpServerOptions options,
      boolean tls,
      Executor executor) {
    this.ctx = ctx;
    this.connection = connection;
    this.options = options;
    this.tls = tls;
    this.executor = executor;
  }

  /** Starts writing {@code response} for {@code ex}; owns the response body from here on. */
  void write(Exchange ex, HttpResponse response) {
    Object body = response.body();
    int status = response.status();
    HttpResponseStatus st = HttpResponseStatus.valueOf(status);
    HttpHeaders headers;
    try {
      headers = ResponseHeads.headers(response, ex.version, ex.keepAliveResponse);
    } catch (RuntimeException e) {
      log.error(
          "cannot encode the headers of the response to {} {}",
          ex.request.method(),
          ex.request.uri(),
          e);
      Chunks.dispose(body);
      writeStatus(ex, 500);
      return;
    }
    Charset charset = Chunks.charsetOf(response.header("Content-Type"));
    if (ex.head || status == 204 || status == 304 || status < 200) {
      writeWithoutBody(ex, st, headers, body, charset);
    } else if (Chunks.isInMemory(body)) {
      ByteBuf content =
          body == null
              ? Unpooled.EMPTY_BUFFER
              : body instanceof String text && text.length() <= SHORT_TEXT
                  // the encoder copies a short body into the head's buffer anyway: an array spares
                  // a pooled buffer (and the leak detector's sampling of it)
                  ? Unpooled.wrappedBuffer(text.getBytes(charset))
                  : Chunks.toByteBuf(body, ctx.alloc(), charset);
      headers.remove(HttpHeaderNames.TRANSFER_ENCODING);
      headers.setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
      writeFull(
          ex,
          new DefaultFullHttpResponse(
              ex.version, st, content, headers, ResponseHeads.TRAILERS.newHeaders()));
    } else if (body instanceof Path || body instanceof File) {
      writeFile(ex, st, headers, body instanceof Path ? (Path) body : ((File) body).toPath());
    } else if (body instanceof InputStream) {
      Source<byte[]> chunks = ByteSources.fromInputStream((InputStream) body, CHUNK, executor);
      writeStream(ex, st, headers, toSource(chunks), charset);
    } else {
      writeStream(ex, st, headers, toSource((Flow.Publisher<?>) body), charset);
    }
  }

  /** A plain response with the given status and a short text body. */
  void writeStatus(Exchange ex, int status) {
    writeLast(ex, ResponseHeads.status(ex.version, status, ex.keepAliveResponse, ex.head));
  }

  @SuppressWarnings("unchecked")
  private static Source<Object> toSource(Flow.Publisher<?> publisher) {
    if (publisher instanceof Source) {
      return (Source<Object>) publisher;
    }
    return Streams.fromPublisher((Flow.Publisher<Object>) publisher, 4);
  }

  private void writeWithoutBody(
      Exchange ex, HttpResponseStatus st, HttpHeaders headers, Object body, Charset charset) {
    int status = st.code();
    headers.remove(HttpHeaderNames.TRANSFER_ENCODING);
    if (ex.head
        && status >= 200
        && status != 204
        && status != 304
        && !headers.contains(HttpHeaderNames.CONTENT_LENGTH)) {
      // A HEAD answer announces the length GET would send when it is known without sending.
      long length = Chunks.inMemoryLength(body, charset);
      if (length < 0 && (body instanceof Path || body instanceof File)) {
        try {
          length = Files.size(body instanceof Path ? (Path) body : ((File) body).toPath());
        } catch (IOException e) {
          Chunks.dispose(body);
          writeStatus(ex, e instanceof NoSuchFileException ? 404 : 500);
          return;
        }
      }
      if (length >= 0) {
        headers.set(HttpHeaderNames.CONTENT_LENGTH, length);
      }
    }
    Chunks.dispose(body);
    writeLast(
        ex,
        new DefaultFullHttpResponse(
            ex.version, st, Unpooled.EMPTY_BUFFER, headers, ResponseHeads.TRAILERS.newHeaders()));
  }

  private void writeFile(Exchange ex, HttpResponseStatus st, HttpHeaders headers, Path path) {
    FileChannel file;
    long length;
    try {
      file = FileChannel.open(path, StandardOpenOption.READ);
      length = file.size();
    } catch (IOException e) {
      if (!(e instanceof NoSuchFileException)) {
        log.error("cannot open {} to answer {} {}", path, ex.request.method(), ex.request.uri(), e);
      }
      writeStatus(ex, e instanceof NoSuchFileException ? 404 : 500);
      return;
    }
    headers.remove(HttpHeaderNames.TRANSFER_ENCODING);
    headers.set(HttpHeaderNames.CONTENT_LENGTH, length);
    boolean compressing =
        options.compression()
            && ResponseCompressor.acceptsSomeCoding(ex.request.headers().values("Accept-Encoding"))
            && ResponseCompressor.shouldCompress(
                headers.get(HttpHeaderNames.CONTENT_TYPE),
                length,
                options.compressionMinSize(),
                options.compressible());
    ctx.write(new DefaultHttpResponse(ex.version, st, headers));
    if (!tls && !compressing) {
      ctx.write(new DefaultFileRegion(file, 0, length));
      writeLast(ex, LastHttpContent.EMPTY_LAST_CONTENT);
    } else {
      try {
        writeLast(ex, new HttpChunkedInput(new ChunkedNioFile(file, 0, length, FILE_CHUNK)));
      } catch (IOException e) {
        closeQuietly(file);
        log.error("cannot read {}", path, e);
        ctx.close();
      }
    }
  }

  private void writeStream(
      Exchange ex,
      HttpResponseStatus st,
      HttpHeaders headers,
      Source<Object> source,
      Charset charset) {
    if (!headers.contains(HttpHeaderNames.CONTENT_LENGTH)) {
      if (ex.version.isKeepAliveDefault()) {
        headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
      } else {
        // HTTP/1.0 has no chunking: the end of the body is the end of the connection.
        ex.keepAliveResponse = false;
        ResponseHeads.connection(headers, ex.version, false);
      }
    }
    ctx.write(new DefaultHttpResponse(ex.version, st, headers));
    ctx.flush();
    StreamWriter writer = new StreamWriter(ctx, connection, ex, source, charset);
    ex.writer = writer;
    writer.start();
  }

  /**
   * Writes a whole response. On a connection that stays open the exchange is done at once: later
   * responses queue behind this one in the channel, and a failed write closes the channel.
   */
  private void writeFull(Exchange ex, Object message) {
    if (!ex.keepAliveResponse) {
      writeLast(ex, message);
      return;
    }
    ctx.writeAndFlush(message, ctx.voidPromise());
    connection.responseDone(ex, true);
  }

  private void writeLast(Exchange ex, Object message) {
    ctx.writeAndFlush(message).addListener(f -> connection.responseDone(ex, f.isSuccess()));
  }

  private static void closeQuietly(FileChannel file) {
    try {
      file.close();
    } catch (IOException ignored) {
      // already failing
    }
  }
}
