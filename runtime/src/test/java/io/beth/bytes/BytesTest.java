package io.beth.bytes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BytesTest {

  private static final String TEXT = "Grüße, Beth — ✓ bytes";
  private static final byte[] UTF8 = TEXT.getBytes(StandardCharsets.UTF_8);

  @TempDir static Path dir;

  /** Every representation Beth accepts, each holding UTF8. */
  static Stream<Arguments> inputs() {
    return Stream.of(
        Arguments.of("byte[]", (Function<Path, Object>) d -> UTF8.clone()),
        Arguments.of(
            "heap ByteBuffer", (Function<Path, Object>) d -> ByteBuffer.wrap(UTF8.clone())),
        Arguments.of(
            "direct ByteBuffer",
            (Function<Path, Object>)
                d -> {
                  ByteBuffer b = ByteBuffer.allocateDirect(UTF8.length);
                  b.put(UTF8).flip();
                  return b;
                }),
        Arguments.of(
            "heap ByteBuf",
            (Function<Path, Object>) d -> ByteBufAllocator.DEFAULT.heapBuffer().writeBytes(UTF8)),
        Arguments.of(
            "direct ByteBuf",
            (Function<Path, Object>) d -> ByteBufAllocator.DEFAULT.directBuffer().writeBytes(UTF8)),
        Arguments.of("String", (Function<Path, Object>) d -> TEXT),
        Arguments.of("StringBuilder", (Function<Path, Object>) d -> new StringBuilder(TEXT)),
        Arguments.of("InputStream", (Function<Path, Object>) d -> new ByteArrayInputStream(UTF8)),
        Arguments.of("Path", (Function<Path, Object>) d -> write(d, UTF8)),
        Arguments.of("File", (Function<Path, Object>) d -> write(d, UTF8).toFile()));
  }

  /** Every conversion Beth offers, each turned back into bytes for comparison. */
  static Stream<Arguments> outputs() {
    return Stream.of(
        Arguments.of("toByteArray", (Function<Object, byte[]>) Bytes::toByteArray),
        Arguments.of(
            "toByteBuffer",
            (Function<Object, byte[]>)
                v -> {
                  ByteBuffer b = Bytes.toByteBuffer(v);
                  byte[] out = new byte[b.remaining()];
                  b.get(out);
                  return out;
                }),
        Arguments.of(
            "toByteBuf",
            (Function<Object, byte[]>)
                v -> {
                  ByteBuf buf = Bytes.toByteBuf(v, ByteBufAllocator.DEFAULT);
                  try {
                    byte[] out = new byte[buf.readableBytes()];
                    buf.getBytes(buf.readerIndex(), out);
                    return out;
                  } finally {
                    buf.release();
                  }
                }),
        Arguments.of(
            "toString",
            (Function<Object, byte[]>) v -> Bytes.toString(v).getBytes(StandardCharsets.UTF_8)),
        Arguments.of(
            "toInputStream",
            (Function<Object, byte[]>)
                v -> {
                  try (InputStream in = Bytes.toInputStream(v)) {
                    return in.readAllBytes();
                  } catch (IOException e) {
                    throw new AssertionError(e);
                  }
                }),
        Arguments.of(
            "writeFile",
            (Function<Object, byte[]>)
                v -> {
                  try {
                    return Files.readAllBytes(
                        Bytes.writeFile(v, Files.createTempFile(dir, "out", ".bin")));
                  } catch (IOException e) {
                    throw new AssertionError(e);
                  }
                }));
  }

  static Stream<Arguments> pairs() {
    return inputs()
        .flatMap(
            in ->
                outputs()
                    .map(
                        out -> Arguments.of(in.get()[0], in.get()[1], out.get()[0], out.get()[1])));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("pairs")
  void everyRepresentationRoundTripsThroughEveryConversion(
      String inName,
      Function<Path, Object> input,
      String outName,
      Function<Object, byte[]> output) {
    Object value = input.apply(dir);
    assertArrayEquals(UTF8, output.apply(value), inName + " -> " + outName);
    if (value instanceof ByteBuf buf) {
      assertEquals(0, buf.refCnt(), "a ByteBuf input is released exactly once");
    }
  }

  @Test
  void aByteBufInputIsReleasedExactlyOnceAndNotTwice() {
    ByteBuf buf = Unpooled.directBuffer().writeBytes(UTF8);
    buf.retain(); // 2: the conversion must take exactly one
    assertArrayEquals(UTF8, Bytes.toByteArray(buf));
    assertEquals(1, buf.refCnt());
    buf.release();
  }

  @Test
  void toByteBufHandsTheSameBufferBack() {
    ByteBuf buf = Unpooled.buffer().writeBytes(UTF8);
    assertSame(buf, Bytes.toByteBuf(buf, ByteBufAllocator.DEFAULT));
    assertEquals(1, buf.refCnt());
    buf.release();
  }

  @Test
  void aByteBufferPositionIsLeftAlone() {
    ByteBuffer buffer = ByteBuffer.wrap(UTF8);
    buffer.position(3);
    byte[] rest = Bytes.toByteArray(buffer);
    assertEquals(UTF8.length - 3, rest.length);
    assertEquals(3, buffer.position());
  }

  @ParameterizedTest
  @MethodSource("charsets")
  void textUsesTheCharsetGiven(Charset charset) {
    byte[] encoded = Bytes.toByteArray(TEXT, charset);
    assertArrayEquals(TEXT.getBytes(charset), encoded);
    assertEquals(new String(encoded, charset), Bytes.toString(encoded, charset));
    assertArrayEquals(TEXT.getBytes(charset), Bytes.toByteArray(new StringBuilder(TEXT), charset));
  }

  static List<Charset> charsets() {
    return List.of(
        StandardCharsets.UTF_8,
        StandardCharsets.ISO_8859_1,
        StandardCharsets.UTF_16,
        StandardCharsets.UTF_16LE,
        StandardCharsets.US_ASCII);
  }

  @Test
  void anUnsupportedTypeIsRefusedByName() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Bytes.toByteArray(new Date()));
    assertTrue(e.getMessage().contains("java.util.Date"), e.getMessage());
    assertTrue(e.getMessage().contains("supported"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Bytes.toByteArray(null));
    assertFalse(Bytes.isConvertible(42));
    assertTrue(Bytes.isConvertible("x"));
  }

  @Test
  void knownLengthIsReportedOnlyWhenFree() {
    assertEquals(3, Bytes.knownLength(new byte[3]));
    assertEquals(4, Bytes.knownLength(ByteBuffer.allocate(4)));
    assertEquals(-1, Bytes.knownLength("text"));
  }

  private static Path write(Path dir, byte[] bytes) {
    try {
      return Files.write(Files.createTempFile(dir, "in", ".bin"), bytes);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
