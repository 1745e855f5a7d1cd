package io.beth.http;

import io.netty.buffer.ByteBuf;
import java.io.File;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Flow;

/**
 * An HTTP response: a status, headers, cookies and a body. Immutable; start from {@link
 * #ok(String)}, {@link #status(int)} or {@link #builder()}:
 *
 * <pre>{@code
 * HttpResponse.ok("hello");
 * HttpResponse.status(404).body("no such user").build();
 * HttpResponse.ok().newBuilder().body(Path.of("index.html")).build();
 * }</pre>
 *
 * <p>The body is one of: nothing, {@code String} (UTF-8 unless the content type names a charset),
 * {@code byte[]}, {@link ByteBuffer}, {@link ByteBuf}, {@link Path} or {@link File} (sent zero-copy
 * where the connection allows), {@link InputStream} (read off the event loop and closed), or a
 * {@link Flow.Publisher} (every {@code io.beth.stream.Source} is one) of any of {@code String},
 * {@code byte[]}, {@code ByteBuffer} or {@code ByteBuf}, sent in chunks as it produces them. A body
 * of known size is sent with {@code Content-Length}, any other chunked.
 *
 * <p>A {@code ByteBuf}, {@code InputStream} or publisher body can be sent once: the server
 * releases, closes or consumes it.
 */
public final class HttpResponse {

  private final int status;
  private final HttpHeaders headers;
  private final List<Cookie> cookies;
  private final Object body;
  private final ConnectionUpgrade upgrade;

  private HttpResponse(Builder b) {
    this.upgrade = b.upgrade;
    this.status = b.status;
    this.cookies = b.cookies == null ? List.of() : Collections.unmodifiableList(b.cookies);
    this.body = b.body;
    HttpHeaders built = b.headers.build();
    if (b.body != null && built.get("Content-Type") == null) {
      built = built.newBuilder().set("Content-Type", defaultContentType(b.body)).build();
    }
    this.headers = built;
  }

  /** {@code 200 OK} with no body. */
  public static HttpResponse ok() {
    return new Builder().build();
  }

  /** {@code 200 OK} with a {@code text/plain; charset=utf-8} body. */
  public static HttpResponse ok(String text) {
    return new Builder().body(text).build();
  }

  /** {@code 200 OK} with an {@code application/octet-stream} body. */
  public static HttpResponse ok(byte[] bytes) {
    return new Builder().body(bytes).build();
  }

  /**
   * Not a response but the instruction to hand the connection to {@code upgrade}; see {@link
   * ConnectionUpgrade}.
   */
  public static HttpResponse upgrade(ConnectionUpgrade upgrade) {
    Objects.requireNonNull(upgrade, "upgrade == null");
    Builder b = new Builder().status(101);
    b.upgrade = upgrade;
    return b.build();
  }

  /** A builder for a response with {@code status}. */
  public static Builder status(int status) {
    return new Builder().status(status);
  }

  /** A builder for {@code 200 OK} with no headers and no body. */
  public static Builder builder() {
    return new Builder();
  }

  /** The status code, such as 200. */
  public int status() {
    return status;
  }

  /** The header fields, including a {@code Content-Type} chosen for the body if none was set. */
  public HttpHeaders headers() {
    return headers;
  }

  /** The first value of header {@code name}, or {@code null}. */
  public String header(String name) {
    return headers.get(name);
  }

  /** The cookies to set, one {@code Set-Cookie} header each. */
  public List<Cookie> cookies() {
    return cookies;
  }

  /** The body (see the class documentation), or {@code null} for none. */
  public Object body() {
    return body;
  }

  /** The connection upgrade this response stands for, or {@code null} for a real response. */
  public ConnectionUpgrade connectionUpgrade() {
    return upgrade;
  }

  /** A builder holding this response's status, headers, cookies and body. */
  public Builder newBuilder() {
    Builder b = new Builder();
    b.upgrade = upgrade;
    b.status = status;
    b.headers = headers.newBuilder();
    b.cookies = cookies.isEmpty() ? null : new ArrayList<>(cookies);
    b.body = body;
    return b;
  }

  @Override
  public String toString() {
    return "HttpResponse["
        + status
        + (body != null ? ", " + body.getClass().getSimpleName() : "")
        + "]";
  }

  private static String defaultContentType(Object body) {
    if (body instanceof String) {
      return "text/plain; charset=utf-8";
    }
    if (body instanceof Path) {
      return MediaTypes.forFileName(((Path) body).getFileName().toString());
    }
    if (body instanceof File) {
      return MediaTypes.forFileName(((File) body).getName());
    }
    return "application/octet-stream";
  }

  /** Builds an {@link HttpResponse}; not thread-safe. */
  public static final class Builder {
    private int status = 200;
    private HttpHeaders.Builder headers = HttpHeaders.builder();
    private List<Cookie> cookies;
    private Object body;
    private ConnectionUpgrade upgrade;

    Builder() {}

    /** The status code, 100 to 999. */
    public Builder status(int status) {
      if (status < 100 || status > 999) {
        throw new IllegalArgumentException("status out of range: " + status);
      }
      this.status = status;
      return this;
    }

    /** Replaces every value of header {@code name} with {@code value}. */
    public Builder header(String name, String value) {
      headers.set(name, value);
      return this;
    }

    /** Adds a value to header {@code name}. */
    public Builder addHeader(String name, String value) {
      headers.add(name, value);
      return this;
    }

    /** Removes every value of header {@code name}. */
    public Builder removeHeader(String name) {
      headers.remove(name);
      return this;
    }

    /** Replaces all headers with {@code headers}. */
    public Builder headers(HttpHeaders headers) {
      Objects.requireNonNull(headers, "headers == null");
      this.headers = headers.newBuilder();
      return this;
    }

    /** Sets {@code Content-Type}. */
    public Builder contentType(String contentType) {
      return header("Content-Type", contentType);
    }

    /** Adds a cookie to set. */
    public Builder cookie(Cookie cookie) {
      Objects.requireNonNull(cookie, "cookie == null");
      if (cookies == null) {
        cookies = new ArrayList<>(2);
      }
      cookies.add(cookie);
      return this;
    }

    /** No body. */
    public Builder noBody() {
      this.body = null;
      return this;
    }

    /** A text body, encoded in the charset of the content type (UTF-8 by default). */
    public Builder body(String text) {
      this.body = Objects.requireNonNull(text, "text == null");
      return this;
    }

    /**
     * A text body in {@code charset}; sets {@code text/plain} with that charset if no type is set.
     */
    public Builder body(String text, Charset charset) {
      Objects.requireNonNull(text, "text == null");
      Objects.requireNonNull(charset, "charset == null");
      if (charset.equals(StandardCharsets.UTF_8)) {
        return body(text);
      }
      if (headers.get("Content-Type") == null) {
        contentType("text/plain; charset=" + charset.name().toLowerCase(java.util.Locale.ROOT));
      }
      this.body = text.getBytes(charset);
      return this;
    }

    public Builder body(byte[] bytes) {
      this.body = Objects.requireNonNull(bytes, "bytes == null");
      return this;
    }

    /** The buffer's remaining bytes, read when the response is sent. */
    public Builder body(ByteBuffer buffer) {
      this.body = Objects.requireNonNull(buffer, "buffer == null");
      return this;
    }

    /** A Netty buffer, released by the server once sent (or not sent). */
    public Builder body(ByteBuf buffer) {
      this.body = Objects.requireNonNull(buffer, "buffer == null");
      return this;
    }

    /** A file, sent zero-copy on plain connections; its content type is guessed from its name. */
    public Builder body(Path file) {
      this.body = Objects.requireNonNull(file, "file == null");
      return this;
    }

    /** A file; see {@link #body(Path)}. */
    public Builder body(File file) {
      this.body = Objects.requireNonNull(file, "file == null");
      return this;
    }

    /** A stream read off the event loop, sent chunked and closed at the end. */
    public Builder body(InputStream stream) {
      this.body = Objects.requireNonNull(stream, "stream == null");
      return this;
    }

    /**
     * A publisher (or {@code io.beth.stream.Source}) of {@code String}, {@code byte[]}, {@code
     * ByteBuffer} or {@code ByteBuf}, sent chunked with backpressure; the server cancels it (closes
     * the source) if the client goes away.
     */
    public Builder body(Flow.Publisher<?> publisher) {
      this.body = Objects.requireNonNull(publisher, "publisher == null");
      return this;
    }

    public HttpResponse build() {
      return new HttpResponse(this);
    }
  }
}
