package io.beth.examples;

import io.beth.annotations.HttpRoute;
import io.beth.http.HttpResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /peers.html}: a small page that opens the WebSocket echo and an {@code EventSource} on
 * {@code /events} and shows what it got as JSON in its {@code #result} element; the peer tests load
 * it in headless Chromium.
 */
public final class PeersPage {

  private static final String RESOURCE = "peers.html";

  private final byte[] html;

  @Inject
  PeersPage() {
    try (InputStream in = PeersPage.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      html = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The page, as UTF-8 HTML. */
  @HttpRoute(method = "GET", path = "/peers.html")
  public HttpResponse page() {
    return HttpResponse.builder().contentType("text/html; charset=utf-8").body(html).build();
  }
}
