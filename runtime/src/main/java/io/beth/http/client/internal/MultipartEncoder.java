package io.beth.http.client.internal;

import io.beth.bytes.ByteSources;
import io.beth.http.Multipart;
import io.beth.stream.Source;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Encodes a {@link Multipart} as {@code multipart/form-data} (RFC 7578): one blocking {@link
 * InputStream} over the delimiters, part headers and contents, opening each file only when the
 * encoder reaches it, read in chunks on an executor. Quotes and line breaks in names are
 * percent-encoded as browsers do; names are UTF-8.
 */
final class MultipartEncoder extends InputStream {

  /** Chunk size of the body stream: 64 KiB. */
  static final int CHUNK_SIZE = 64 * 1024;

  private final Iterator<Object> pieces;

  /** The piece being read; set by the reading thread, closed by either. */
  private volatile InputStream current;

  private volatile boolean closed;

  private MultipartEncoder(List<Object> pieces) {
    this.pieces = pieces.iterator();
  }

  /** The body of {@code multipart} as chunks read on {@code executor}. */
  static Source<byte[]> encode(Multipart multipart, Executor executor) {
    return ByteSources.fromInputStream(
        new MultipartEncoder(pieces(multipart)), CHUNK_SIZE, executor);
  }

  /** Byte arrays and files, in order. */
  private static List<Object> pieces(Multipart multipart) {
    List<Object> pieces = new ArrayList<>();
    String delimiter = "--" + multipart.boundary() + "\r\n";
    for (Multipart.Part part : multipart.parts()) {
      StringBuilder head =
          new StringBuilder(delimiter)
              .append("Content-Disposition: form-data; name=\"")
              .append(escape(part.name()))
              .append('"');
      if (part.filename() != null) {
        head.append("; filename=\"").append(escape(part.filename())).append('"');
      }
      head.append("\r\n");
      if (part.contentType() != null) {
        head.append("Content-Type: ").append(part.contentType()).append("\r\n");
      }
      head.append("\r\n");
      pieces.add(head.toString().getBytes(StandardCharsets.UTF_8));
      pieces.add(part.file() != null ? part.file() : part.bytes());
      delimiter = "\r\n--" + multipart.boundary() + "\r\n";
    }
    pieces.add(("\r\n--" + multipart.boundary() + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return pieces;
  }

  private static String escape(String value) {
    return value.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (!closed) {
      InputStream in = current;
      if (in == null) {
        if (!pieces.hasNext()) {
          return -1;
        }
        Object next = pieces.next();
        in =
            next instanceof byte[] bytes
                ? new ByteArrayInputStream(bytes)
                : Files.newInputStream((Path) next);
        current = in;
        if (closed) {
          in.close();
          break;
        }
      }
      int n = in.read(b, off, len);
      if (n > 0) {
        return n;
      }
      in.close();
      current = null;
    }
    throw new IOException("multipart body closed");
  }

  @Override
  public void close() throws IOException {
    closed = true;
    InputStream in = current;
    if (in != null) {
      in.close();
    }
  }
}
