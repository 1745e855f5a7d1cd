package io.beth.http.internal;

import io.netty.handler.codec.compression.StandardCompressionOptions;
import io.netty.handler.codec.http.HttpContentCompressor;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
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
    if (!shouldCompress(response.headers().get(HttpHeaderNames.CONTENT_TYPE),
        HttpUtil.getContentLength(response, -1L), minSize, compressible)) {
      return null;
    }
    return super.beginEncode(response, acceptEncoding);
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
