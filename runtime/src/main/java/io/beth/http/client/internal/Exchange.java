package io.beth.http.client.internal;

import io.beth.codec.Codecs;
import io.beth.http.ClientResponse;
import io.beth.http.HttpHeaders;
import io.beth.http.ReadTimeoutException;
import io.beth.stream.Source;
import io.beth.transport.internal.InboundBridge;
import io.beth.transport.internal.OutboundBridge;
import io.beth.transport.internal.ReadGate;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One request and its response over one pooled connection. Everything but {@link #abort} runs on
 * the connection's event loop. The response body goes into a bounded stream; while a put waits,
 * auto-read is off. The connection returns to the pool once the request is written and the response
 * read to its end (kept alive), and is closed on any failure or abort.
 *
 * <p>The read-idle timeout is the exchange's own: it starts once the request is written (or at the
 * first response byte, if the server answers during the upload), every message read restarts it,
 * and it does not run while the consumer is behind. Time spent idle in the pool or uploading never
 * counts.
 */
final class Exchange {

  private static final int BODY_CAPACITY = 16;

  private final PooledConnection conn;
  private final ConnectionPool pool;
  private final Channel channel;
  private final String method;
  private final URI uri;
  private final HttpHeaders headers;
  private final byte[] fixedBody;
  private final Source<byte[]> streamBody;
  private final long readIdleNanos;
  private final Codecs codecs;

  /** Whether to look for the server's close on the socket first: written, it would not retry. */
  private final boolean checkPeerClosed;

  /** Completes with the response head, or fails (a {@link StaleConnectionException} may retry). */
  final CompletableFuture<ClientResponse> response = new CompletableFuture<>();

  /** The response body's bridge, once the head arrived. */
  private InboundBridge<byte[]> body;

  /** The request body's bridge, when it is streamed. */
  private OutboundBridge<byte[]> upload;

  /** The request head was handed to the channel: from here on bytes of it may have left. */
  private boolean writing;

  private boolean requestWritten;
  private boolean lastReceived;
  private boolean keepAlive;

  /** The request asked for the connection to close ({@code Connection: close}). */
  private boolean requestCloses;

  private boolean done;

  /** The read-idle check, armed once a response is due; event loop only. */
  private ScheduledFuture<?> readTimer;

  private long lastReadNanos;

  Exchange(
      PooledConnection conn,
      ConnectionPool pool,
      String method,
      URI uri,
      HttpHeaders headers,
      byte[] fixedBody,
      Source<byte[]> streamBody,
      long readIdleNanos,
      Codecs codecs,
      boolean checkPeerClosed) {
    this.conn = conn;
    this.pool = pool;
    this.channel = conn.channel;
    this.method = method;
    this.uri = uri;
    this.headers = headers;
    this.fixedBody = fixedBody;
    this.streamBody = streamBody;
    this.readIdleNanos = readIdleNanos;
    this.codecs = codecs;
    this.checkPeerClosed = checkPeerClosed;
  }

  /** Starts the exchange on the connection's event loop. */
  void start() {
    channel.eventLoop().execute(this::writeRequest);
  }

  private void writeRequest() {
    if (!channel.isActive()) {
      fail(new IOException("connection closed before the request"), true);
      return;
    }
    if (conn.reused && checkPeerClosed && PeerClosed.closedByPeer(channel)) {
      fail(new IOException("connection closed by the server before the request"), true);
      return;
    }
    conn.handler.exchange = this;
    // a pooled connection may have been left paused by the previous exchange's slow consumer
    channel.config().setAutoRead(true);
    String target = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) {
      target += "?" + uri.getRawQuery();
    }
    if (conn.key.absoluteForm()) {
      target = "http://" + conn.key.hostHeader() + target;
    }
    HttpMethod m = HttpMethod.valueOf(method);
    HttpRequest request;
    if (streamBody != null) {
      request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, m, target);
      HttpUtil.setTransferEncodingChunked(request, true);
    } else {
      byte[] bytes = fixedBody == null ? new byte[0] : fixedBody;
      request =
          new DefaultFullHttpRequest(
              HttpVersion.HTTP_1_1, m, target, Unpooled.wrappedBuffer(bytes));
      if (fixedBody != null
          || m == HttpMethod.POST
          || m == HttpMethod.PUT
          || m == HttpMethod.PATCH) {
        HttpUtil.setContentLength(request, bytes.length);
      }
    }
    for (Map.Entry<String, String> h : headers) {
      request.headers().add(h.getKey(), h.getValue());
    }
    if (!request.headers().contains(HttpHeaderNames.HOST)) {
      request.headers().set(HttpHeaderNames.HOST, conn.key.hostHeader());
    }
    if (conn.key.absoluteForm()) {
      String authorization = Proxies.authorization(conn.key.proxy());
      if (authorization != null && !request.headers().contains(Proxies.AUTHORIZATION_HEADER)) {
        request.headers().set(Proxies.AUTHORIZATION_HEADER, authorization);
      }
    }
    requestCloses = !HttpUtil.isKeepAlive(request);
    if (!request.headers().contains(HttpHeaderNames.ACCEPT_ENCODING)) {
      request.headers().set(HttpHeaderNames.ACCEPT_ENCODING, HttpHeaderValues.GZIP_DEFLATE);
    }
    writing = true;
    if (streamBody == null) {
      channel
          .writeAndFlush(request)
          .addListener(
              (ChannelFutureListener)
                  f -> {
                    if (f.isSuccess()) {
                      requestWritten = true;
                      armReadTimer();
                      finishIfDone();
                    } else {
                      fail(new IOException("request write failed", f.cause()), true);
                    }
                  });
    } else {
      upload = new OutboundBridge<>(channel, streamBody, new ChunkWriter());
      channel.writeAndFlush(request).addListener(writeThen(upload::resume));
    }
  }

  private ChannelFutureListener writeThen(Runnable next) {
    return f -> {
      if (f.isSuccess()) {
        next.run();
      } else {
        fail(new IOException("request write failed", f.cause()), true);
      }
    };
  }

  /** Writes the chunks of a streamed request body, then its end. */
  private final class ChunkWriter implements OutboundBridge.Writer<byte[]> {

    private final ChannelFutureListener failOnError =
        f -> {
          if (!f.isSuccess()) {
            fail(new IOException("request write failed", f.cause()), true);
          }
        };

    @Override
    public boolean write(byte[] chunk) {
      if (done) {
        return false;
      }
      channel.write(new DefaultHttpContent(Unpooled.wrappedBuffer(chunk))).addListener(failOnError);
      return true;
    }

    @Override
    public void end(Throwable cause) {
      if (done) {
        return;
      }
      if (cause != null) {
        fail(cause, false);
        return;
      }
      channel
          .writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT)
          .addListener(
              writeThen(
                  () -> {
                    requestWritten = true;
                    armReadTimer();
                    finishIfDone();
                  }));
    }
  }

  void writable() {
    if (upload != null) {
      upload.writabilityChanged();
    }
  }

  /** Starts the read-idle check unless it runs already: a response is due from now on. */
  private void armReadTimer() {
    lastReadNanos = System.nanoTime();
    if (readTimer == null && !done && !lastReceived) {
      readTimer =
          channel.eventLoop().schedule(this::checkRead, readIdleNanos, TimeUnit.NANOSECONDS);
    }
  }

  /**
   * Fails the exchange if nothing was read for the read-idle timeout while a response is due and
   * the consumer keeps up; else checks again when the timeout would next be reached.
   */
  private void checkRead() {
    readTimer = null;
    if (done || lastReceived) {
      return;
    }
    long now = System.nanoTime();
    if (body != null && body.isPaused()) {
      lastReadNanos = now; // the consumer is behind: waiting for it is not the server's fault
    }
    long left = readIdleNanos - (now - lastReadNanos);
    if (left > 0) {
      readTimer = channel.eventLoop().schedule(this::checkRead, left, TimeUnit.NANOSECONDS);
      return;
    }
    fail(
        new ReadTimeoutException(
            "nothing read for the read-idle timeout ("
                + TimeUnit.NANOSECONDS.toMillis(readIdleNanos)
                + " ms)"),
        false);
  }

  private void cancelReadTimer() {
    if (readTimer != null) {
      readTimer.cancel(false);
      readTimer = null;
    }
  }

  void onMessage(Object msg) {
    try {
      if (done) {
        return;
      }
      if (msg instanceof HttpResponse head) {
        onHead(head);
      }
      // every message read restarts the read-idle timeout; during the upload only the final
      // response starts it (an interim 100 Continue just says to go on sending)
      if (requestWritten || body != null) {
        armReadTimer();
      }
      if (msg instanceof HttpContent content && body != null) {
        if (content.content().isReadable()) {
          body.deliver(ByteBufUtil.getBytes(content.content()));
        }
        if (msg instanceof LastHttpContent) {
          lastReceived = true;
          cancelReadTimer();
          // back in the pool before the consumer can see the end and send the next request
          finishIfDone();
          body.end(); // after the chunks still waiting for room
        }
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void onHead(HttpResponse head) {
    int code = head.status().code();
    if (code >= 100 && code < 200 && code != 101) {
      // interim (100 Continue, 103 Early Hints, ...): the final response follows
      return;
    }
    if (head.decoderResult().isFailure()) {
      fail(new IOException("malformed response", head.decoderResult().cause()), false);
      return;
    }
    // either side may have said the connection ends with this exchange; a 101 leaves HTTP behind
    keepAlive = HttpUtil.isKeepAlive(head) && !requestCloses && code != 101;
    HttpHeaders.Builder hb = HttpHeaders.builder();
    for (Map.Entry<String, String> h : head.headers()) {
      hb.add(h.getKey(), h.getValue());
    }
    // a consumer that closes the body early ends the exchange: the connection cannot be reused
    body =
        InboundBridge.create(
            channel,
            BODY_CAPACITY,
            readGate(),
            InboundBridge.WhenGone.STOP_READING,
            () -> {
              if (!lastReceived && !done) {
                abort(null);
              }
            });
    response.complete(new ClientResponse(uri, code, hb.build(), body.source(), codecs));
  }

  /** Reads pause while the body's consumer is behind; waiting for it is not the server's fault. */
  private ReadGate readGate() {
    ReadGate autoRead = ReadGate.autoRead(channel);
    return new ReadGate() {
      @Override
      public void pause() {
        autoRead.pause();
      }

      @Override
      public void resume() {
        if (!done) { // else the connection is closed, or serves the next exchange already
          lastReadNanos = System.nanoTime();
          autoRead.resume();
        }
      }
    };
  }

  private void finishIfDone() {
    if (done || !requestWritten || !lastReceived) {
      return;
    }
    done = true;
    cancelReadTimer();
    conn.handler.exchange = null;
    pool.release(conn, keepAlive);
  }

  /**
   * Fails the exchange and closes the connection. {@code connectionLost} marks failures a stale
   * keep-alive connection causes: before any response byte on a reused connection they surface as
   * {@link StaleConnectionException} so that the request may be retried, marked {@linkplain
   * StaleConnectionException#unsent() unsent} when the connection was found closed before the
   * request was written (a streamed body is then left open, untouched, for the retry).
   */
  void fail(Throwable cause, boolean connectionLost) {
    if (done) {
      return;
    }
    done = true;
    cancelReadTimer();
    if (conn.handler.exchange == this) {
      conn.handler.exchange = null;
    }
    channel.close();
    boolean stale = connectionLost && conn.reused && body == null;
    boolean unsent = stale && !writing;
    if (upload != null) {
      upload.cancel();
    } else if (streamBody != null && !unsent) {
      streamBody.close();
    }
    if (body == null) {
      response.completeExceptionally(stale ? new StaleConnectionException(cause, unsent) : cause);
    } else {
      body.fail(cause);
    }
  }

  /**
   * Aborts from any thread: the connection is closed, the body (if any) fails with {@code cause}.
   */
  void abort(Throwable cause) {
    channel
        .eventLoop()
        .execute(
            () -> {
              if (done) {
                return;
              }
              fail(cause != null ? cause : new IOException("exchange aborted"), false);
            });
  }
}
