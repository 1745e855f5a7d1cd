package io.beth.bytes;

import io.beth.stream.Source;
import io.beth.stream.Streams;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Byte streams: any convertible value or {@link Source} of such values as a {@link Source} of
 * {@code byte[]} chunks, and back as one array, a string or a blocking {@link InputStream}.
 * Blocking reads (input streams, files) run on the executor given, never on the caller's thread.
 */
public final class ByteSources {

  /** The chunk size used when none is given: 16 KiB. */
  public static final int DEFAULT_CHUNK_SIZE = 16 * 1024;

  private ByteSources() {}

  /**
   * {@code value} as a stream of chunks: a {@link Source} has each message converted by {@link
   * Bytes#toByteArray(Object)}, an {@link InputStream} or file is read in chunks on {@code
   * executor}, and any other convertible value becomes a single chunk.
   *
   * @throws IllegalArgumentException if {@code value} is not convertible, naming its type
   */
  public static Source<byte[]> toSource(Object value, Executor executor) {
    if (value instanceof Source<?> source) {
      return chunks(source);
    }
    if (value instanceof InputStream in) {
      return fromInputStream(in, DEFAULT_CHUNK_SIZE, executor);
    }
    if (value instanceof Path path) {
      return fromFile(path, DEFAULT_CHUNK_SIZE, executor);
    }
    if (value instanceof File file) {
      return fromFile(file.toPath(), DEFAULT_CHUNK_SIZE, executor);
    }
    if (!Bytes.isConvertible(value)) {
      throw Bytes.refused(value);
    }
    return Streams.fromIterable(List.of(Bytes.toByteArray(value)));
  }

  /** Every message of {@code source} converted to {@code byte[]}; ByteBufs are released. */
  public static Source<byte[]> chunks(Source<?> source) {
    Objects.requireNonNull(source, "source == null");
    return source.map(Bytes::toByteArray);
  }

  /**
   * {@code in} read in chunks of up to {@code chunkSize} bytes on {@code executor}, one read per
   * accepted chunk; closing the source (or its end) closes {@code in}.
   */
  public static Source<byte[]> fromInputStream(InputStream in, int chunkSize, Executor executor) {
    Objects.requireNonNull(in, "in == null");
    Objects.requireNonNull(executor, "executor == null");
    return InputStreamSource.start(in, chunkSize, executor);
  }

  /** The contents of {@code file} in chunks read on {@code executor}. */
  public static Source<byte[]> fromFile(Path file, int chunkSize, Executor executor) {
    Objects.requireNonNull(file, "file == null");
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return fromInputStream(in, chunkSize, executor);
  }

  /**
   * A blocking {@link InputStream} reading the chunks of {@code source} (any convertible messages),
   * one at a time as it is read; closing it closes the source. Do not read it on an event loop.
   */
  public static InputStream toInputStream(Source<?> source) {
    return new SourceInputStream(Objects.requireNonNull(source, "source == null"));
  }

  /**
   * All chunks of {@code source} in one array. Past {@code limit} bytes the future fails with a
   * {@link BodyTooLargeException} and the source is closed; a failed source fails it too.
   */
  public static CompletableFuture<byte[]> aggregate(Source<?> source, long limit) {
    return Aggregator.aggregate(Objects.requireNonNull(source, "source == null"), limit);
  }

  /** Like {@link #aggregate}, decoded with {@code charset}. */
  public static CompletableFuture<String> aggregateString(
      Source<?> source, long limit, Charset charset) {
    Objects.requireNonNull(charset, "charset == null");
    return aggregate(source, limit).thenApply(bytes -> new String(bytes, charset));
  }
}
