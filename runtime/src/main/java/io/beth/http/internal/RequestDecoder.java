package io.beth.http.internal;

import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequestDecoder;

/**
 * Netty's request decoder, stricter about request smuggling: a request with both
 * {@code Transfer-Encoding} and {@code Content-Length} is malformed (Netty would drop the length).
 */
final class RequestDecoder extends HttpRequestDecoder {

  RequestDecoder(HttpDecoderConfig config) {
    super(config);
  }

  @Override
  protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
    throw new IllegalArgumentException("Content-Length and Transfer-Encoding both present");
  }
}
