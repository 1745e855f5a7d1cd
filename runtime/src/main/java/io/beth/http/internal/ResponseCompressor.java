package io.beth.http.internal;

import io.netty.handler.codec.compression.StandardCompressionOptions;
import io.netty.handler.codec.http.HttpContentCompressor;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * gzip/deflate by {@code Accept-Encoding}, only for responses of a compressible content type and,
 * when their size is known, at least the minimum size.
 */
final class ResponseCompressor extends HttpContentCompressor {

  private final int minSize;
  private final Predicate<String> compressible;

  ResponseCompressor(int minSize, int level, Predicate<String> compressible) {
    super(
        minSize,
        StandardCompressionOptions.gzip(level, 15, 8),
        StandardCompressionOptions.deflate(level, 15, 8));
    this.minSize = minSize;
    this.compressible = compressible;
  }

  @Override
  protected Result beginEncode(HttpResponse response, String acceptEncoding) throws Exception {
    if (!shouldCompress(
        response.headers().get(HttpHeaderNames.CONTENT_TYPE),
        HttpUtil.getContentLength(response, -1L),
        minSize,
        compressible)) {
      return null;
    }
    return super.beginEncode(response, acceptEncoding);
  }

  /**
   * Whether the {@code Accept-Encoding} values of a request could make this compressor encode at
   * all: some coding other than {@code identity} with a weight above zero. Erring towards yes is
   * safe (the body then goes in chunks, which the compressor may still pass on as they are); no
   * means the response passes through untouched, so a file may go zero-copy.
   */
  static boolean acceptsSomeCoding(List<String> acceptEncodings) {
    for (String value : acceptEncodings) {
      for (String coding : value.split(",")) {
        String[] parts = coding.split(";");
        String name = parts[0].trim();
        if (name.isEmpty() || name.equalsIgnoreCase("identity")) {
          continue;
        }
        if (weight(parts) > 0) {
          return true;
        }
      }
    }
    return false;
  }

  private static double weight(String[] parameters) {
    for (int i = 1; i < parameters.length; i++) {
      String p = parameters[i].trim();
      if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
        try {
          return Double.parseDouble(p.substring(2).trim());
        } catch (NumberFormatException e) {
          return 1; // unreadable: assume it is wanted, which is the safe side here
        }
      }
    }
    return 1;
  }

  /** Whether a body of this type and length (-1 if unknown) is worth compressing. */
  static boolean shouldCompress(
      String contentType, long length, int minSize, Predicate<String> compressible) {
    if (contentType == null || (length >= 0 && length < minSize)) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    return compressible.test(type.toLowerCase(Locale.ROOT));
  }
}
