package io.beth.http;

import java.net.URI;
import java.util.List;

/**
 * Where an {@link HttpClient} keeps cookies between requests: it hands the store the cookies of
 * every response (redirects included) and asks it which to send with every request. Off by default;
 * set one with {@link HttpClientOptions.Builder#cookieStore}. {@link InMemoryCookieStore} applies
 * the rules of RFC 6265. Implementations must be thread-safe and must not block: the client calls
 * them on its event loops.
 */
public interface CookieStore {

  /** Stores (or, when expired, deletes) the cookies a response from {@code uri} set. */
  void saveFromResponse(URI uri, List<Cookie> cookies);

  /** The cookies to send with a request to {@code uri}, in the order to send them. */
  List<Cookie> loadForRequest(URI uri);
}
