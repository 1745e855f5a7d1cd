package io.beth.http;

import java.time.Duration;
import java.util.Objects;

/**
 * An HTTP cookie as a server sets it ({@code Set-Cookie}) or a client stores it: a name, a value
 * and the attributes RFC 6265 defines. Immutable; {@link #of(String, String)} or {@link
 * #builder(String, String)}.
 */
public final class Cookie {

  private final String name;
  private final String value;
  private final String domain;
  private final String path;
  private final Duration maxAge;
  private final boolean secure;
  private final boolean httpOnly;
  private final String sameSite;

  private Cookie(Builder b) {
    this.name = b.name;
    this.value = b.value;
    this.domain = b.domain;
    this.path = b.path;
    this.maxAge = b.maxAge;
    this.secure = b.secure;
    this.httpOnly = b.httpOnly;
    this.sameSite = b.sameSite;
  }

  /** A session cookie with no attributes. */
  public static Cookie of(String name, String value) {
    return builder(name, value).build();
  }

  /** A builder for a cookie named {@code name} with {@code value}. */
  public static Builder builder(String name, String value) {
    return new Builder(name, value);
  }

  public String name() {
    return name;
  }

  public String value() {
    return value;
  }

  /** The {@code Domain} attribute, or {@code null}. */
  public String domain() {
    return domain;
  }

  /** The {@code Path} attribute, or {@code null}. */
  public String path() {
    return path;
  }

  /** The {@code Max-Age} attribute, or {@code null} for a session cookie. */
  public Duration maxAge() {
    return maxAge;
  }

  public boolean secure() {
    return secure;
  }

  public boolean httpOnly() {
    return httpOnly;
  }

  /**
   * The {@code SameSite} attribute ({@code Strict}, {@code Lax} or {@code None}), or {@code null}.
   */
  public String sameSite() {
    return sameSite;
  }

  /** A builder holding this cookie's name, value and attributes. */
  public Builder newBuilder() {
    Builder b = new Builder(name, value);
    b.domain = domain;
    b.path = path;
    b.maxAge = maxAge;
    b.secure = secure;
    b.httpOnly = httpOnly;
    b.sameSite = sameSite;
    return b;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Cookie)) {
      return false;
    }
    Cookie c = (Cookie) o;
    return name.equals(c.name)
        && value.equals(c.value)
        && Objects.equals(domain, c.domain)
        && Objects.equals(path, c.path)
        && Objects.equals(maxAge, c.maxAge)
        && secure == c.secure
        && httpOnly == c.httpOnly
        && Objects.equals(sameSite, c.sameSite);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, value, domain, path, maxAge, secure, httpOnly, sameSite);
  }

  @Override
  public String toString() {
    return "Cookie["
        + name
        + "="
        + value
        + (domain != null ? "; Domain=" + domain : "")
        + (path != null ? "; Path=" + path : "")
        + (maxAge != null ? "; Max-Age=" + maxAge.getSeconds() : "")
        + (secure ? "; Secure" : "")
        + (httpOnly ? "; HttpOnly" : "")
        + (sameSite != null ? "; SameSite=" + sameSite : "")
        + "]";
  }

  /** Builds a {@link Cookie}. */
  public static final class Builder {
    private final String name;
    private final String value;
    private String domain;
    private String path;
    private Duration maxAge;
    private boolean secure;
    private boolean httpOnly;
    private String sameSite;

    Builder(String name, String value) {
      this.name = Objects.requireNonNull(name, "name == null");
      this.value = Objects.requireNonNull(value, "value == null");
      if (name.isEmpty()) {
        throw new IllegalArgumentException("name is empty");
      }
    }

    public Builder domain(String domain) {
      this.domain = domain;
      return this;
    }

    public Builder path(String path) {
      this.path = path;
      return this;
    }

    /** Lifetime; zero or negative asks the client to delete the cookie. */
    public Builder maxAge(Duration maxAge) {
      this.maxAge = maxAge;
      return this;
    }

    public Builder secure(boolean secure) {
      this.secure = secure;
      return this;
    }

    public Builder httpOnly(boolean httpOnly) {
      this.httpOnly = httpOnly;
      return this;
    }

    /** {@code Strict}, {@code Lax}, {@code None}, or {@code null} for no attribute. */
    public Builder sameSite(String sameSite) {
      if (sameSite != null
          && !sameSite.equalsIgnoreCase("Strict")
          && !sameSite.equalsIgnoreCase("Lax")
          && !sameSite.equalsIgnoreCase("None")) {
        throw new IllegalArgumentException("sameSite must be Strict, Lax or None: " + sameSite);
      }
      this.sameSite = sameSite;
      return this;
    }

    public Cookie build() {
      return new Cookie(this);
    }
  }
}
