package io.beth.http.internal;

import io.beth.http.HttpRequest;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a request's {@code Expect} header before its handler runs: {@code 100-continue} gets a
 * {@code 100 Continue} when the server's hook accepts the request, and 417 when it does not; any
 * other expectation of an HTTP/1.1 request gets 417 (RFC 9110 10.1.1), and the exchange ends there.
 * Exchanges without one, nearly all, pass straight on. Called by the request reader for each new
 * exchange; event loop only.
 */
final class ExpectContinue {

  private static final Logger log = LoggerFactory.getLogger(ExpectContinue.class);

  private final HttpConnectionHandler connection;
  private final Predicate<HttpRequest> accepts;

  ExpectContinue(HttpConnectionHandler connection, Predicate<HttpRequest> accepts) {
    this.connection = connection;
    this.accepts = accepts;
  }

  /** Whether {@code ex} goes on to its handler; if not, it was answered. */
  boolean admit(Exchange ex) {
    if (ex.expect == null || ex.version.compareTo(HttpVersion.HTTP_1_1) < 0) {
      return true; // HTTP/1.0 has no expectations (RFC 9110 10.1.1)
    }
    if (!"100-continue".equalsIgnoreCase(ex.expect.trim()) || !accepts(ex.request)) {
      connection.refuse(ex, 417);
      return false;
    }
    connection
        .ctx()
        .writeAndFlush(
            new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER));
    return true;
  }

  private boolean accepts(HttpRequest request) {
    try {
      return accepts.test(request);
    } catch (RuntimeException e) {
      log.error("the expect-continue hook failed for {} {}", request.method(), request.uri(), e);
      return false;
    }
  }
}
