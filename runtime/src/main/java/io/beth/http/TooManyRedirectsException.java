package io.beth.http;

import static java.util.Objects.requireNonNull;

import java.io.IOException;

/**
 * The client followed {@link HttpClientOptions#maxRedirects()} redirects and was sent one more: the
 * call fails with this exception instead of following it, as the JDK's client and OkHttp do. It
 * keeps that last redirect response (status, headers, {@code Location}, and its body unread: read
 * or close it).
 */
public final class TooManyRedirectsException extends IOException {

  private static final long serialVersionUID = 1L;

  private final transient ClientResponse response;
  private final int redirects;

  public TooManyRedirectsException(ClientResponse response, int redirects) {
    super(
        "too many redirects: "
            + redirects
            + " followed, and "
            + requireNonNull(response, "response == null").uri()
            + " answered "
            + response.status()
            + " to "
            + response.headers().get("Location"));
    this.response = response;
    this.redirects = redirects;
  }

  /** The redirect that was not followed. */
  public ClientResponse response() {
    return response;
  }

  /** How many redirects were followed before it (the client's {@code maxRedirects}). */
  public int redirects() {
    return redirects;
  }
}
