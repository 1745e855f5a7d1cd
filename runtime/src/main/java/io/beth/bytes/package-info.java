/**
 * Conversions between byte representations: {@code byte[]}, {@link java.nio.ByteBuffer}, Netty's
 * {@link io.netty.buffer.ByteBuf}, {@link String}/{@link CharSequence}, {@link
 * java.io.InputStream}, files, and {@link io.beth.stream.Source}s of any of these. {@link
 * io.beth.bytes.Bytes} converts single values, {@link io.beth.bytes.ByteSources} streams.
 */
package io.beth.bytes;
