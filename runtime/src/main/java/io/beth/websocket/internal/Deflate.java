package io.beth.websocket.internal;

import io.netty.handler.codec.compression.ZlibCodecFactory;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionData;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketServerExtension;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateServerExtensionHandshaker;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Server side of {@code permessage-deflate} negotiation on a request already received. */
final class Deflate {

  private Deflate() {}

  /**
   * Accepts the first {@code permessage-deflate} offer among the request's {@code
   * Sec-WebSocket-Extensions} values, adding the answer to {@code responseHeaders}; null if none
   * was offered or acceptable. Inflating one frame stops with a {@code DecompressionException} past
   * {@code maxInflated} bytes (the maximum message size): no zip bomb fills the heap.
   */
  static WebSocketServerExtension accept(
      List<String> offers, HttpHeaders responseHeaders, int maxInflated) {
    // Netty's defaults (level 6, window 15, context takeover) but a bounded inflater
    PerMessageDeflateServerExtensionHandshaker handshaker =
        new PerMessageDeflateServerExtensionHandshaker(
            6,
            ZlibCodecFactory.isSupportingWindowSizeAndMemLevel(),
            PerMessageDeflateServerExtensionHandshaker.MAX_WINDOW_SIZE,
            false,
            false,
            maxInflated);
    for (String value : offers) {
      for (String offer : value.split(",")) {
        WebSocketExtensionData data = parse(offer);
        if (data == null) {
          continue;
        }
        WebSocketServerExtension extension = handshaker.handshakeExtension(data);
        if (extension != null) {
          responseHeaders.add("Sec-WebSocket-Extensions", format(extension.newReponseData()));
          return extension;
        }
      }
    }
    return null;
  }

  private static WebSocketExtensionData parse(String offer) {
    String[] parts = offer.split(";");
    String name = parts[0].trim();
    if (name.isEmpty()) {
      return null;
    }
    Map<String, String> params = new HashMap<>();
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim();
      int eq = p.indexOf('=');
      if (eq < 0) {
        params.put(p, null);
      } else {
        String v = p.substring(eq + 1).trim();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
          v = v.substring(1, v.length() - 1);
        }
        params.put(p.substring(0, eq).trim(), v);
      }
    }
    return new WebSocketExtensionData(name, params);
  }

  private static String format(WebSocketExtensionData data) {
    StringBuilder sb = new StringBuilder(data.name());
    for (Map.Entry<String, String> p : data.parameters().entrySet()) {
      sb.append("; ").append(p.getKey());
      if (p.getValue() != null) {
        sb.append('=').append(p.getValue());
      }
    }
    return sb.toString();
  }
}
