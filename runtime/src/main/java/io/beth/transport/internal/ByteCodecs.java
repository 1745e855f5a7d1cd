package io.beth.transport.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.util.ReferenceCountUtil;
import java.nio.ByteBuffer;

/**
 * Codecs for byte streams: messages read are copied into {@code byte[]} (or handed over as the raw
 * {@link ByteBuf}), and anything convertible to bytes is accepted for writing.
 */
public final class ByteCodecs {

  private ByteCodecs() {}

  /** Emits each buffer read as a new {@code byte[]} (the buffer is released). */
  public static StreamCodec<byte[], Object> copying() {
    return Copying.INSTANCE;
  }

  /** Emits the buffers read as they are; whoever takes one releases it. */
  public static StreamCodec<ByteBuf, Object> raw() {
    return Raw.INSTANCE;
  }

  /**
   * Converts {@code message} into a buffer to write: a {@link ByteBuf} as is; a {@code byte[]} or
   * {@link ByteBuffer} wrapped without copying (do not modify it after the put); a {@link
   * CharSequence} encoded as UTF-8.
   *
   * @throws IllegalArgumentException for any other type
   */
  public static ByteBuf toByteBuf(Object message) {
    if (message instanceof ByteBuf) {
      return (ByteBuf) message;
    }
    if (message instanceof byte[]) {
      return Unpooled.wrappedBuffer((byte[]) message);
    }
    if (message instanceof ByteBuffer) {
      return Unpooled.wrappedBuffer(((ByteBuffer) message).slice());
    }
    if (message instanceof CharSequence) {
      return ByteBufUtil.writeUtf8(ByteBufAllocator.DEFAULT, (CharSequence) message);
    }
    throw new IllegalArgumentException(
        "cannot send a "
            + message.getClass().getName()
            + " as bytes: send byte[], ByteBuffer, ByteBuf or a CharSequence (UTF-8)");
  }

  private enum Copying implements StreamCodec<byte[], Object> {
    INSTANCE;

    @Override
    public byte[] decode(Object message) {
      if (!(message instanceof ByteBuf)) {
        String type = message.getClass().getName();
        ReferenceCountUtil.release(message);
        throw new IllegalStateException(
            "the pipeline produced a " + type + "; only ByteBuf can become byte[] (use raw mode)");
      }
      ByteBuf buf = (ByteBuf) message;
      try {
        return ByteBufUtil.getBytes(buf);
      } finally {
        buf.release();
      }
    }

    @Override
    public Object encode(Object message) {
      return toByteBuf(message);
    }
  }

  private enum Raw implements StreamCodec<ByteBuf, Object> {
    INSTANCE;

    @Override
    public ByteBuf decode(Object message) {
      if (!(message instanceof ByteBuf)) {
        String type = message.getClass().getName();
        ReferenceCountUtil.release(message);
        throw new IllegalStateException(
            "the pipeline produced a " + type + " instead of a ByteBuf");
      }
      return (ByteBuf) message;
    }

    @Override
    public Object encode(Object message) {
      return toByteBuf(message);
    }
  }
}
