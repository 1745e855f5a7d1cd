package io.beth.http;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code multipart/form-data} request body (RFC 7578): text fields, byte parts and files, each
 * with a name and optionally a filename and content type. Files are streamed from disk when the
 * request is sent, never loaded whole; the body is sent chunked. Immutable; made by {@link
 * #builder()} and sent with {@link ClientRequest.Builder#multipart(Multipart)}.
 *
 * <pre>{@code
 * Multipart form = Multipart.builder()
 *     .text("title", "Holidays")
 *     .file("photo", Path.of("beach.jpg"), "image/jpeg")
 *     .bytes("notes", "notes.txt", "text/plain", notes)
 *     .build();
 * client.send(ClientRequest.post(uri).multipart(form).build());
 * }</pre>
 */
public final class Multipart {

  private static final String BOUNDARY_CHARS =
      "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String boundary;
  private final List<Part> parts;

  private Multipart(Builder b) {
    this.boundary = b.boundary != null ? b.boundary : randomBoundary();
    this.parts = List.copyOf(b.parts);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The boundary between parts. */
  public String boundary() {
    return boundary;
  }

  /** The {@code Content-Type} of the body: {@code multipart/form-data; boundary=...}. */
  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  /** The parts in the order they are sent. */
  public List<Part> parts() {
    return parts;
  }

  @Override
  public String toString() {
    return "Multipart" + parts;
  }

  private static String randomBoundary() {
    StringBuilder sb = new StringBuilder("BethBoundary");
    for (int i = 0; i < 24; i++) {
      sb.append(BOUNDARY_CHARS.charAt(RANDOM.nextInt(BOUNDARY_CHARS.length())));
    }
    return sb.toString();
  }

  /**
   * One part: a field name, an optional filename and content type, and the content, either bytes in
   * memory ({@link #bytes()}) or a file read when sent ({@link #file()}).
   */
  public static final class Part {
    private final String name;
    private final String filename;
    private final String contentType;
    private final byte[] bytes;
    private final Path file;

    private Part(String name, String filename, String contentType, byte[] bytes, Path file) {
      this.name = requireNonNull(name, "name == null");
      this.filename = filename;
      this.contentType = contentType;
      this.bytes = bytes;
      this.file = file;
    }

    /** A text field, sent as UTF-8 without filename or content type. */
    public static Part text(String name, String value) {
      requireNonNull(value, "value == null");
      return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8), null);
    }

    /**
     * A part holding {@code content} (not copied: do not change it afterwards); {@code filename}
     * and {@code contentType} may be {@code null}.
     */
    public static Part bytes(String name, String filename, String contentType, byte[] content) {
      return new Part(
          name, filename, contentType, requireNonNull(content, "content == null"), null);
    }

    /**
     * A file part streamed from {@code file} when the request is sent; {@code filename} defaults to
     * the file's name and {@code contentType} to {@code application/octet-stream} when {@code
     * null}.
     */
    public static Part file(String name, String filename, String contentType, Path file) {
      requireNonNull(file, "file == null");
      Path fileName = file.getFileName();
      return new Part(
          name,
          filename != null ? filename : (fileName != null ? fileName.toString() : "file"),
          contentType != null ? contentType : "application/octet-stream",
          null,
          file);
    }

    public String name() {
      return name;
    }

    /** The filename, or {@code null} for a plain field. */
    public String filename() {
      return filename;
    }

    /** The content type, or {@code null} to send none (plain text). */
    public String contentType() {
      return contentType;
    }

    /** The content in memory, or {@code null} for a file part. */
    public byte[] bytes() {
      return bytes;
    }

    /** The file to stream, or {@code null} for a part in memory. */
    public Path file() {
      return file;
    }

    @Override
    public String toString() {
      return "Part{"
          + name
          + (filename != null ? ", filename=" + filename : "")
          + (contentType != null ? ", " + contentType : "")
          + (file != null ? ", file=" + file : ", " + bytes.length + " bytes")
          + "}";
    }
  }

  /** Builds a {@link Multipart}. Not thread-safe. */
  public static final class Builder {
    private final List<Part> parts = new ArrayList<>();
    private String boundary;

    private Builder() {}

    /** Adds a text field. */
    public Builder text(String name, String value) {
      return part(Part.text(name, value));
    }

    /** Adds a part holding {@code content}; see {@link Part#bytes}. */
    public Builder bytes(String name, String filename, String contentType, byte[] content) {
      return part(Part.bytes(name, filename, contentType, content));
    }

    /** Adds {@code file} under its own name as {@code application/octet-stream}. */
    public Builder file(String name, Path file) {
      return part(Part.file(name, null, null, file));
    }

    /** Adds {@code file} under its own name with {@code contentType}. */
    public Builder file(String name, Path file, String contentType) {
      return part(Part.file(name, null, contentType, file));
    }

    /** Adds a part. */
    public Builder part(Part part) {
      parts.add(requireNonNull(part, "part == null"));
      return this;
    }

    /** Sets the boundary (1 to 70 letters, digits and {@code '()+_,-./:=?}); random by default. */
    public Builder boundary(String boundary) {
      requireNonNull(boundary, "boundary == null");
      if (boundary.isEmpty()
          || boundary.length() > 70
          || !boundary
              .chars()
              .allMatch(
                  c ->
                      c < 128
                          && (Character.isLetterOrDigit(c) || "'()+_,-./:=?".indexOf(c) >= 0))) {
        throw new IllegalArgumentException("not a valid multipart boundary: " + boundary);
      }
      this.boundary = boundary;
      return this;
    }

    public Multipart build() {
      if (parts.isEmpty()) {
        throw new IllegalStateException("a multipart body needs at least one part");
      }
      return new Multipart(this);
    }
  }
}
