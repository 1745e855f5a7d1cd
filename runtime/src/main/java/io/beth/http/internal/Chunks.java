package io.beth.http.internal;

import io.beth.bytes.Bytes;
import io.beth.stream.Source;
import io.beth.transport.internal.Disposal;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Flow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Conversions of response bodies and body chunks to Netty buffers, and their disposal. */
final class Chunks {

  private static final Logger log = LoggerFactory.getLogger(Chunks.class);

  private Chunks() {}

  /**
   * {@code item} as a buffer the caller owns: byte arrays and byte buffers are wrapped (not
   * copied), text is encoded in {@code charset}, a {@link ByteBuf} is handed over as it is.
   */
  static ByteBuf toByteBuf(Object item, ByteBufAllocator alloc, Charset charset) {
    if (!(item instanceof ByteBuf
        || item instanceof byte[]
        || item instanceof ByteBuffer
        || item instanceof CharSequence)) {
      // Streams and files would be read on the event loop: not as chunks of a stream.
      throw new IllegalArgumentException(
          "cannot send a "
              + item.getClass().getName()
              + " as a body chunk; send String, byte[], ByteBuffer or ByteBuf");
    }
    if (item instanceof CharSequence && !charset.equals(StandardCharsets.UTF_8)) {
      return Unpooled.wrappedBuffer(Bytes.toByteArray(item, charset));
    }
    return Bytes.toByteBuf(item, alloc);
  }

  /** The size of an in-memory body in bytes, or -1 if it is not in memory. */
  static long inMemoryLength(Object body, Charset charset) {
    if (body == null) {
      return 0;
    }
    if (body instanceof byte[]) {
      return ((byte[]) body).length;
    }
    if (body instanceof ByteBuf) {
      return ((ByteBuf) body).readableBytes();
    }
    if (body instanceof ByteBuffer) {
      return ((ByteBuffer) body).remaining();
    }
    if (body instanceof String) {
      return charset.equals(StandardCharsets.UTF_8)
          ? ByteBufUtil.utf8Bytes((String) body)
          : ((String) body).getBytes(charset).length;
    }
    return -1;
  }

  /** Whether the body is held in memory and sent with a Content-Length. */
  static boolean isInMemory(Object body) {
    return body == null
        || body instanceof byte[]
        || body instanceof ByteBuf
        || body instanceof ByteBuffer
        || body instanceof String;
  }

  /** The charset named by a content type, UTF-8 if none. */
  static Charset charsetOf(String contentType) {
    if (contentType != null) {
      int at = indexOfCharset(contentType);
      if (at >= 0) {
        String name = contentType.substring(at + 8);
        int end = name.indexOf(';');
        name = (end < 0 ? name : name.substring(0, end)).trim().replace("\"", "");
        if (name.equalsIgnoreCase("utf-8")) {
          return StandardCharsets.UTF_8; // nearly always: no lookup
        }
        try {
          return Charset.forName(name);
        } catch (RuntimeException e) {
          return StandardCharsets.UTF_8;
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  /** Where {@code charset=} starts in {@code contentType}, in any case; -1 if nowhere. */
  private static int indexOfCharset(String contentType) {
    for (int i = contentType.indexOf('='); i >= 7; i = contentType.indexOf('=', i + 1)) {
      if (contentType.regionMatches(true, i - 7, "charset", 0, 7)) {
        return i - 7;
      }
    }
    return -1;
  }

  /** Frees a body that will not be sent: releases buffers, closes streams, cancels publishers. */
  static void dispose(Object body) {
    if (body instanceof ByteBuf) {
      ReferenceCountUtil.safeRelease(body);
    } else if (body instanceof InputStream) {
      try {
        ((InputStream) body).close();
      } catch (IOException e) {
        log.debug("closing an unsent InputStream body failed", e);
      }
    } else if (body instanceof Source) {
      Disposal.closeAndRelease((Source<?>) body);
    } else if (body instanceof Flow.Publisher) {
      ((Flow.Publisher<?>) body).subscribe(CancellingSubscriber.INSTANCE);
    }
  }

  /** Cancels at once whatever it subscribes to. */
  private enum CancellingSubscriber implements Flow.Subscriber<Object> {
    INSTANCE;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.cancel();
    }

    @Override
    public void onNext(Object item) {
      ReferenceCountUtil.safeRelease(item);
    }

    @Override
    public void onError(Throwable throwable) {}

    @Override
    public void onComplete() {}
  }
}
