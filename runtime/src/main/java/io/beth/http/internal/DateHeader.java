package io.beth.http.internal;

import io.netty.handler.codec.DateFormatter;
import io.netty.util.AsciiString;
import java.util.Date;

/** The {@code Date} header value, formatted at most once a second. */
final class DateHeader {

  private static volatile Cached cached = new Cached(0, AsciiString.EMPTY_STRING);

  private DateHeader() {}

  static AsciiString now() {
    long millis = System.currentTimeMillis();
    long second = millis / 1000;
    Cached c = cached;
    if (c.second != second) {
      c = new Cached(second, AsciiString.cached(DateFormatter.format(new Date(second * 1000))));
      cached = c;
    }
    return c.value;
  }

  private static final class Cached {
    final long second;
    final AsciiString value;

    Cached(long second, AsciiString value) {
      this.second = second;
      this.value = value;
    }
  }
}
