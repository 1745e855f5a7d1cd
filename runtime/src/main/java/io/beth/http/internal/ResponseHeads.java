package io.beth.http.internal;

import io.beth.http.Cookie;
import io.beth.http.HttpResponse;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;
import io.netty.util.CharsetUtil;

/** Netty header blocks for Beth responses. */
final class ResponseHeads {

  /** Beth's {@code HttpHeaders} validated names and values already. */
  static final HttpHeadersFactory HEADERS =
      DefaultHttpHeadersFactory.headersFactory().withValidation(false);

  static final HttpHeadersFactory TRAILERS =
      DefaultHttpHeadersFactory.trailersFactory().withValidation(false);

  private ResponseHeads() {}

  /** The response's headers and cookies, plus {@code Date} and the connection's fate. */
  static HttpHeaders headers(HttpResponse response, HttpVersion version, boolean keepAlive) {
    io.beth.http.HttpHeaders source = response.headers();
    HttpHeaders headers = HEADERS.newHeaders();
    for (int i = 0, n = source.size(); i < n; i++) {
      headers.add(source.name(i), source.value(i));
    }
    if (!headers.contains(HttpHeaderNames.DATE)) {
      headers.set(HttpHeaderNames.DATE, DateHeader.now());
    }
    for (Cookie cookie : response.cookies()) {
      headers.add(HttpHeaderNames.SET_COOKIE, ServerCookieEncoder.STRICT.encode(toNetty(cookie)));
    }
    connection(headers, version, keepAlive);
    return headers;
  }

  static void connection(HttpHeaders headers, HttpVersion version, boolean keepAlive) {
    if (!keepAlive) {
      headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    } else if (!version.isKeepAliveDefault()) {
      headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    } else {
      headers.remove(HttpHeaderNames.CONNECTION);
    }
  }

  /**
   * A plain answer of {@code status} whose body is its reason phrase (none for a HEAD request),
   * with the connection's fate: the server's own answers (errors, refusals, bad requests).
   */
  static FullHttpResponse status(
      HttpVersion version, int status, boolean keepAlive, boolean headRequest) {
    HttpResponseStatus st = HttpResponseStatus.valueOf(status);
    ByteBuf content = Unpooled.copiedBuffer(st.reasonPhrase(), CharsetUtil.UTF_8);
    DefaultFullHttpResponse res =
        new DefaultFullHttpResponse(
            version, st, content, HEADERS.newHeaders(), TRAILERS.newHeaders());
    res.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
        .setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes())
        .set(HttpHeaderNames.DATE, DateHeader.now());
    connection(res.headers(), version, keepAlive);
    if (headRequest) {
      content.clear();
    }
    return res;
  }

  private static io.netty.handler.codec.http.cookie.Cookie toNetty(Cookie cookie) {
    DefaultCookie c = new DefaultCookie(cookie.name(), cookie.value());
    c.setDomain(cookie.domain());
    c.setPath(cookie.path());
    if (cookie.maxAge() != null) {
      c.setMaxAge(Math.max(0, cookie.maxAge().getSeconds()));
    }
    c.setSecure(cookie.secure());
    c.setHttpOnly(cookie.httpOnly());
    if (cookie.sameSite() != null) {
      c.setSameSite(
          io.netty.handler.codec.http.cookie.CookieHeaderNames.SameSite.valueOf(
              Character.toUpperCase(cookie.sameSite().charAt(0))
                  + cookie.sameSite().substring(1).toLowerCase(java.util.Locale.ROOT)));
    }
    return c;
  }
}
