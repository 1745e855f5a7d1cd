package io.beth.bytes;

import io.beth.stream.Source;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Converts one value of any byte representation into another: the single place where Beth turns
 * "anything convertible to bytes" into the form a layer needs.
 *
 * <p>Convertible values are {@code byte[]}, {@link ByteBuffer}, {@link ByteBuf}, {@link
 * CharSequence} (encoded with the given charset, UTF-8 by default), {@link InputStream} (read to
 * its end and closed), {@link Path} and {@link File} (read whole). {@link Source}s of these are
 * converted by {@link ByteSources}. Anything else is refused with an {@link
 * IllegalArgumentException} naming its type.
 *
 * <p>Ownership: a {@link ByteBuf} passed in is consumed, that is released exactly once by the
 * conversion, except by {@link #toByteBuf} which hands the same buffer back. A {@link ByteBuffer}'s
 * position is left unchanged. Reading an {@link InputStream} or a file blocks: do it off an event
 * loop, or use {@link ByteSources}.
 */
public final class Bytes {

  private static final String SUPPORTED =
      "byte[], ByteBuffer, ByteBuf, CharSequence, InputStream, Path, File";

  private Bytes() {}

  /** Whether {@link #toByteArray(Object)} accepts {@code value} (streams aside). */
  public static boolean isConvertible(Object value) {
    return value instanceof byte[]
        || value instanceof ByteBuffer
        || value instanceof ByteBuf
        || value instanceof CharSequence
        || value instanceof InputStream
        || value instanceof Path
        || value instanceof File;
  }

  /** Whether {@code value} is a {@link #isConvertible convertible} value or a {@link Source}. */
  public static boolean isConvertibleOrSource(Object value) {
    return value instanceof Source || isConvertible(value);
  }

  /** {@code value} as a new or shared {@code byte[]}; text is encoded as UTF-8. */
  public static byte[] toByteArray(Object value) {
    return toByteArray(value, StandardCharsets.UTF_8);
  }

  /**
   * {@code value} as a {@code byte[]}, text encoded with {@code charset}. A {@code byte[]} is
   * returned as it is, not copied.
   */
  public static byte[] toByteArray(Object value, Charset charset) {
    Objects.requireNonNull(charset, "charset == null");
    if (value instanceof byte[] bytes) {
      return bytes;
    }
    if (value instanceof ByteBuffer buffer) {
      byte[] bytes = new byte[buffer.remaining()];
      buffer.duplicate().get(bytes);
      return bytes;
    }
    if (value instanceof ByteBuf buf) {
      try {
        return ByteBufUtil.getBytes(buf);
      } finally {
        buf.release();
      }
    }
    if (value instanceof String text) {
      return text.getBytes(charset);
    }
    if (value instanceof CharSequence text) {
      return toByteArray(charset.encode(CharBuffer.wrap(text)));
    }
    if (value instanceof InputStream in) {
      try (in) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (value instanceof Path path) {
      return readFile(path);
    }
    if (value instanceof File file) {
      return readFile(file.toPath());
    }
    throw refused(value);
  }

  /** {@code value} as a {@link ByteBuffer} positioned at 0; text is encoded as UTF-8. */
  public static ByteBuffer toByteBuffer(Object value) {
    if (value instanceof ByteBuffer buffer) {
      return buffer.duplicate();
    }
    return ByteBuffer.wrap(toByteArray(value));
  }

  /**
   * {@code value} as a {@link ByteBuf} the caller owns and must release: a {@code ByteBuf} is
   * handed back as it is, arrays and buffers are wrapped without copying, text is encoded as UTF-8
   * straight into a buffer from {@code allocator}.
   */
  public static ByteBuf toByteBuf(Object value, ByteBufAllocator allocator) {
    Objects.requireNonNull(allocator, "allocator == null");
    if (value instanceof ByteBuf buf) {
      return buf;
    }
    if (value instanceof byte[] bytes) {
      return Unpooled.wrappedBuffer(bytes);
    }
    if (value instanceof ByteBuffer buffer) {
      return Unpooled.wrappedBuffer(buffer.duplicate());
    }
    if (value instanceof CharSequence text) {
      return ByteBufUtil.writeUtf8(allocator, text);
    }
    return Unpooled.wrappedBuffer(toByteArray(value));
  }

  /** {@code value} decoded as UTF-8 text; a {@link CharSequence} is returned as a string. */
  public static String toString(Object value) {
    return toString(value, StandardCharsets.UTF_8);
  }

  /**
   * {@code value} decoded with {@code charset}; a {@link CharSequence} is returned as it is (as a
   * string), since it is text already.
   */
  public static String toString(Object value, Charset charset) {
    Objects.requireNonNull(charset, "charset == null");
    if (value instanceof CharSequence text) {
      return text.toString();
    }
    if (value instanceof ByteBuf buf) {
      try {
        return buf.toString(charset);
      } finally {
        buf.release();
      }
    }
    return new String(toByteArray(value, charset), charset);
  }

  /**
   * {@code value} as an {@link InputStream}: an input stream is returned as it is, a file is opened
   * for streaming, anything else is read from memory.
   */
  public static InputStream toInputStream(Object value) {
    if (value instanceof InputStream in) {
      return in;
    }
    if (value instanceof Path || value instanceof File) {
      Path path = value instanceof File file ? file.toPath() : (Path) value;
      try {
        return Files.newInputStream(path);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new ByteArrayInputStream(toByteArray(value));
  }

  /** Writes {@code value} to {@code file}, replacing it, and returns {@code file}. */
  public static Path writeFile(Object value, Path file) {
    Objects.requireNonNull(file, "file == null");
    try {
      if (value instanceof InputStream || value instanceof Path || value instanceof File) {
        try (InputStream in = toInputStream(value)) {
          Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      } else {
        Files.write(file, toByteArray(value));
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The size in bytes when it is known without reading or encoding, else -1. */
  public static long knownLength(Object value) {
    if (value instanceof byte[] bytes) {
      return bytes.length;
    }
    if (value instanceof ByteBuffer buffer) {
      return buffer.remaining();
    }
    if (value instanceof ByteBuf buf) {
      return buf.readableBytes();
    }
    return -1;
  }

  static IllegalArgumentException refused(Object value) {
    String type = value == null ? "null" : value.getClass().getName();
    return new IllegalArgumentException(
        "cannot convert " + type + " to bytes; supported: " + SUPPORTED + ", and Sources of these");
  }

  private static byte[] readFile(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
