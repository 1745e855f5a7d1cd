package io.beth.tcp;

import io.beth.stream.DuplexStream;
import io.beth.stream.Sink;
import io.beth.stream.Source;
import io.beth.stream.Streams;
import io.beth.tcp.internal.FrameSink;
import io.beth.tcp.internal.LengthFieldSplitter;
import io.beth.tcp.internal.LineSplitter;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Stream transforms that cut a TCP byte stream into messages, and the matching encoders.
 *
 * <p>A decoder consumes its source: closing the decoded source closes it, and the end of the bytes
 * ends the decoded source. A frame over the maximum fails the decoded source with a {@link
 * FrameTooLongException} and closes the byte source. Given a connection's duplex stream, a decoder
 * reads only its inbound half (the end of the bytes leaves sending open), and a bad frame closes
 * the whole connection once what was accepted for sending is sent:
 *
 * <pre>{@code
 * Source<String> lines = Framing.lines(stream, 8192);
 * }</pre>
 */
public final class Framing {

  private Framing() {}

  /**
   * Lines ended by {@code \n} or {@code \r\n}, decoded as UTF-8, without the terminator; a last
   * line without terminator is emitted at the end. A line longer than {@code maxLength} bytes fails
   * the stream.
   */
  public static Source<String> lines(Source<byte[]> bytes, int maxLength) {
    return decode(bytes, new LineSplitter(maxLength));
  }

  /**
   * Frames each preceded by its length in {@code lengthBytes} bytes (1 to 4, big-endian, unsigned,
   * not counting itself). A frame longer than {@code maxFrame} fails the stream, as does an end in
   * the middle of a frame ({@link java.io.EOFException}).
   */
  public static Source<byte[]> lengthPrefixed(Source<byte[]> bytes, int lengthBytes, int maxFrame) {
    return decode(bytes, new LengthFieldSplitter(lengthBytes, maxFrame));
  }

  private static <T> Source<T> decode(Source<byte[]> bytes, FrameSink<T> splitter) {
    Objects.requireNonNull(bytes, "bytes == null");
    if (bytes instanceof DuplexStream) {
      // closing the duplex stream when the bytes end would close its sink too, under the writer
      DuplexStream<?, ?> connection = (DuplexStream<?, ?>) bytes;
      splitter.onError(connection::close);
      Streams.connect(((DuplexStream<byte[], ?>) bytes).inbound(), splitter);
    } else {
      Streams.connect(bytes, splitter);
    }
    return splitter.frames();
  }

  /**
   * {@code frame} preceded by its length in {@code lengthBytes} bytes (1 to 4, big-endian).
   *
   * @throws IllegalArgumentException if the length does not fit in the field
   */
  public static byte[] lengthPrefix(byte[] frame, int lengthBytes) {
    Objects.requireNonNull(frame, "frame == null");
    if (lengthBytes < 1 || lengthBytes > 4) {
      throw new IllegalArgumentException("lengthBytes must be 1 to 4: " + lengthBytes);
    }
    long max = (1L << (8 * lengthBytes)) - 1;
    if (frame.length > max) {
      throw new IllegalArgumentException(
          "frame of "
              + frame.length
              + " bytes does not fit a "
              + lengthBytes
              + "-byte length field (at most "
              + max
              + " bytes)");
    }
    byte[] out = new byte[lengthBytes + frame.length];
    for (int i = 0; i < lengthBytes; i++) {
      out[i] = (byte) (frame.length >>> (8 * (lengthBytes - 1 - i)));
    }
    System.arraycopy(frame, 0, out, lengthBytes, frame.length);
    return out;
  }

  /**
   * A sink that sends each frame put into it to {@code bytes} preceded by its length (see {@link
   * #lengthPrefix}); a frame too long for the field fails its put with {@link
   * IllegalArgumentException}. Closing it closes {@code bytes}.
   */
  public static Sink<byte[]> lengthPrefixed(Sink<? super byte[]> bytes, int lengthBytes) {
    Objects.requireNonNull(bytes, "bytes == null");
    lengthPrefix(new byte[0], lengthBytes); // checks lengthBytes
    return new Sink<>() {
      @Override
      public CompletableFuture<Boolean> put(byte[] frame) {
        return put(frame, null);
      }

      @Override
      public CompletableFuture<Boolean> put(byte[] frame, Duration timeout) {
        byte[] prefixed;
        try {
          prefixed = lengthPrefix(frame, lengthBytes);
        } catch (IllegalArgumentException e) {
          return CompletableFuture.failedFuture(e);
        }
        return timeout == null ? bytes.put(prefixed) : bytes.put(prefixed, timeout);
      }

      @Override
      public void close() {
        bytes.close();
      }

      @Override
      public void fail(Throwable cause) {
        bytes.fail(cause);
      }

      @Override
      public boolean isClosed() {
        return bytes.isClosed();
      }

      @Override
      public CompletionStage<Void> closed() {
        return bytes.closed();
      }
    };
  }
}
