package io.beth.http.internal;

import io.beth.http.HttpHeaders;
import io.beth.http.HttpRequest;
import io.beth.http.HttpServerOptions;
import io.beth.stream.Source;
import io.beth.transport.internal.InboundBridge;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.CharsetUtil;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what the HTTP decoder reads into exchanges: a request head becomes an {@link Exchange} with
 * its {@link HttpRequest}, admitted by {@link ExpectContinue} and run by {@link Dispatcher}; the
 * body's chunks go into the request's body stream through an {@link InboundBridge}, with reads
 * paused while its consumer is behind. A request that cannot be understood is answered (400, or
 * 414/431 for a line or headers too long, 505 for a major version other than 1) and the connection
 * closed; a later HTTP/1.x is served as HTTP/1.1. Fed by {@link PipelinedRequests}, it is no
 * pipeline handler of its own (a hop less per message); event loop only.
 */
final class RequestReader {

  private static final Logger log = LoggerFactory.getLogger(RequestReader.class);

  private final HttpConnectionHandler connection;
  private final HttpServerOptions options;
  private final PipelinedRequests pipelining;
  private final ConnectionTimeouts timeouts;
  private final ReadPauses pauses;
  private final ExpectContinue expect;
  private final Dispatcher dispatcher;
  private ChannelHandlerContext ctx; // the connection's, where answers are written from
  private boolean broken;

  RequestReader(
      HttpConnectionHandler connection,
      PipelinedRequests pipelining,
      ConnectionTimeouts timeouts,
      ReadPauses pauses,
      ExpectContinue expect,
      Dispatcher dispatcher) {
    this.connection = connection;
    this.options = connection.options();
    this.pipelining = pipelining;
    this.timeouts = timeouts;
    this.pauses = pauses;
    this.expect = expect;
    this.dispatcher = dispatcher;
  }

  /** Nothing more is read as HTTP: every message from here on is dropped. */
  void stop() {
    broken = true;
  }

  /** Reads one message the decoder produced, taking ownership of it. */
  void read(Object msg) {
    if (ctx == null) {
      ctx = connection.ctx();
    }
    if (broken) {
      ReferenceCountUtil.release(msg);
    } else if (msg instanceof io.netty.handler.codec.http.HttpRequest head) {
      onHead(head);
      if (msg instanceof HttpContent content) { // a whole request in one message
        onContent(content);
      }
    } else if (msg instanceof HttpContent content) {
      onContent(content);
    } else {
      ReferenceCountUtil.release(msg);
    }
  }

  private void onHead(io.netty.handler.codec.http.HttpRequest req) {
    // decoded in the read under way, or held behind the previous exchange and passed on now
    long arrival = pipelining.isReplaying() ? System.nanoTime() : timeouts.lastReadNanos();
    Throwable failure = req.decoderResult().cause();
    if (!(req instanceof HttpContent)) {
      ReferenceCountUtil.release(req); // only an invalid message holds (empty) content
    }
    if (failure != null) {
      reject(statusFor(failure), failure);
      return;
    }
    if (req.protocolVersion().majorVersion() != 1) {
      rejectVersion(req.protocolVersion());
      return;
    }
    if (req.protocolVersion().minorVersion() > 1) {
      // a later HTTP/1.x is served as the highest this server speaks (RFC 9110 2.5)
      req.setProtocolVersion(HttpVersion.HTTP_1_1);
    }
    if (req.protocolVersion().equals(HttpVersion.HTTP_1_1)
        && !req.headers().contains(HttpHeaderNames.HOST)) {
      reject(400, new IllegalArgumentException("HTTP/1.1 request without Host"));
      return;
    }
    timeouts.headReceived();
    boolean hasBody =
        HttpUtil.isTransferEncodingChunked(req) || HttpUtil.getContentLength(req, 0L) > 0;
    Exchange[] holder = hasBody ? new Exchange[1] : null; // for the body's gate and give-up
    InboundBridge<Object> body = hasBody ? bodyBridge(holder) : null;
    HttpRequest request;
    try {
      request = toRequest(req, body, arrival);
    } catch (IllegalArgumentException e) {
      reject(400, e);
      return;
    }
    Exchange ex =
        new Exchange(
            request,
            body,
            req.protocolVersion(),
            HttpMethod.HEAD.equals(req.method()),
            HttpUtil.isKeepAlive(req),
            false,
            req.headers().get(HttpHeaderNames.EXPECT));
    if (holder != null) {
      holder[0] = ex;
    }
    connection.begin(ex);
    if (expect.admit(ex)) {
      dispatcher.dispatch(ex);
    }
  }

  /**
   * The bridge into a request body's stream: reads pause while the handler is behind, and a handler
   * that gives the body up leaves the rest to be read and dropped.
   */
  private InboundBridge<Object> bodyBridge(Exchange[] exchange) {
    return InboundBridge.create(
        ctx.channel(),
        options.inboundBuffer(),
        pauses.bodyGate(() -> connection.current() == exchange[0]),
        InboundBridge.WhenGone.DISCARD,
        () -> exchange[0].discarding = true);
  }

  private HttpRequest toRequest(
      io.netty.handler.codec.http.HttpRequest req, InboundBridge<Object> body, long arrival) {
    HttpHeaders.Builder headers = HttpHeaders.builder();
    for (Map.Entry<CharSequence, CharSequence> e :
        (Iterable<Map.Entry<CharSequence, CharSequence>>) req.headers()::iteratorCharSequence) {
      headers.add(e.getKey().toString(), e.getValue().toString());
    }
    HttpRequest.Builder b =
        HttpRequest.builder()
            .method(req.method().name())
            .uri(req.uri())
            .headers(headers.build())
            .protocol(req.protocolVersion().text())
            .scheme(options.sslContext() != null ? "https" : "http")
            .remoteAddress(address(ctx.channel().remoteAddress()))
            .localAddress(address(ctx.channel().localAddress()))
            .keepAlive(HttpUtil.isKeepAlive(req))
            .arrivalNanos(arrival)
            .bodyLimit(options.maxBodySize())
            .executor(connection.executor());
    if (body != null) {
      if (options.rawBodies()) {
        b.rawBody(cast(body.source()));
      } else {
        b.body(cast(body.source()));
      }
    }
    return b.build();
  }

  @SuppressWarnings("unchecked")
  private static <T> Source<T> cast(Source<?> source) {
    return (Source<T>) source;
  }

  private static InetSocketAddress address(SocketAddress address) {
    return address instanceof InetSocketAddress ? (InetSocketAddress) address : null;
  }

  private void onContent(HttpContent content) {
    Exchange ex = connection.current();
    Throwable failure = content.decoderResult().cause();
    if (ex == null || failure != null) {
      content.release();
      if (failure != null) {
        malformedBody(ex, failure);
      }
      return;
    }
    boolean last = content instanceof LastHttpContent;
    ByteBuf data = content.content();
    if (ex.discarding || ex.body == null || !data.isReadable()) {
      content.release();
    } else {
      Object message;
      if (options.rawBodies()) {
        message = data.retain();
        content.release();
      } else {
        message = ByteBufUtil.getBytes(data);
        content.release();
      }
      if (!ex.body.deliver(message)) {
        ex.discarding = true; // the handler gave the body up: the rest is read and dropped
      }
    }
    if (last) {
      connection.requestComplete(ex);
    }
  }

  private void malformedBody(Exchange ex, Throwable failure) {
    log.debug("malformed request body; closing {}", ctx.channel(), failure);
    broken = true;
    pipelining.stop();
    if (ex == null) {
      ctx.close();
      return;
    }
    connection.malformedBody(
        ex, new IOException("malformed request body: " + failure.getMessage(), failure));
  }

  /** A request that cannot be understood: answered and the connection closed. */
  private void reject(int status, Throwable cause) {
    log.debug("bad request on {}: answering {}", ctx.channel(), status, cause);
    broken = true;
    pipelining.stop();
    FullHttpResponse res = ResponseHeads.status(HttpVersion.HTTP_1_1, status, false, false);
    ctx.writeAndFlush(res).addListener(f -> ctx.close());
  }

  /**
   * A request of a major version other than 1: 505 and the connection closed. Held behind the
   * exchanges before it (see {@link PipelinedRequests}), it is answered after their responses.
   */
  private void rejectVersion(HttpVersion version) {
    log.debug("{} request on {}: answering 505", version, ctx.channel());
    broken = true;
    pipelining.stop();
    FullHttpResponse res = ResponseHeads.status(HttpVersion.HTTP_1_1, 505, false, false);
    res.content()
        .clear()
        .writeCharSequence(
            version.text() + " is not supported: this server speaks HTTP/1.1 and HTTP/1.0\n",
            CharsetUtil.UTF_8);
    res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, res.content().readableBytes());
    ctx.writeAndFlush(res).addListener(f -> ctx.close());
  }

  private static int statusFor(Throwable failure) {
    if (failure instanceof TooLongHttpLineException) {
      return 414;
    }
    if (failure instanceof TooLongHttpHeaderException || failure instanceof TooLongFrameException) {
      return 431;
    }
    return 400;
  }
}
