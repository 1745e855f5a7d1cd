package io.beth.http.internal;

import io.beth.http.Cookie;
import io.beth.http.HttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;

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
