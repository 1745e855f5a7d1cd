package io.beth.http;

import static java.util.Objects.requireNonNull;

import io.beth.http.client.internal.CookieRules;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * A thread-safe {@link CookieStore} in memory that follows RFC 6265 (section 5.3 to store, 5.4 to
 * send): a cookie without {@code Domain} is host-only; a {@code Domain} must domain-match the host
 * and contain a dot (no public-suffix list is consulted, so {@code Domain=com} is refused but
 * {@code Domain=co.uk} is not); a missing or relative {@code Path} becomes the default path of the
 * request URI; {@code Max-Age} (or {@code Expires}, which the parser turns into one) sets the
 * expiry and zero deletes; {@code Secure} cookies are sent over HTTPS only. Sent cookies are
 * ordered by longer path first, then earlier creation. At most {@value #MAX_PER_DOMAIN} cookies per
 * domain and {@value #MAX_TOTAL} in all are kept, the least recently used evicted first.
 */
public final class InMemoryCookieStore implements CookieStore {

  /** Cookies kept per domain. */
  public static final int MAX_PER_DOMAIN = 50;

  /** Cookies kept in all. */
  public static final int MAX_TOTAL = 3000;

  private final Clock clock;
  private final List<Entry> entries = new ArrayList<>();
  private long sequence;

  private InMemoryCookieStore(Clock clock) {
    this.clock = clock;
  }

  /** An empty store on the system clock. */
  public static InMemoryCookieStore create() {
    return create(Clock.systemUTC());
  }

  /** An empty store that reads the time (for expiry) from {@code clock}. */
  public static InMemoryCookieStore create(Clock clock) {
    return new InMemoryCookieStore(requireNonNull(clock, "clock == null"));
  }

  private static final class Entry {
    final Cookie cookie;
    final boolean hostOnly;
    final Instant expiry;
    final long created;
    long lastAccess;

    Entry(Cookie cookie, boolean hostOnly, Instant expiry, long created) {
      this.cookie = cookie;
      this.hostOnly = hostOnly;
      this.expiry = expiry;
      this.created = created;
      this.lastAccess = created;
    }

    boolean sameIdentity(Cookie other) {
      return cookie.name().equals(other.name())
          && cookie.domain().equals(other.domain())
          && cookie.path().equals(other.path());
    }
  }

  @Override
  public synchronized void saveFromResponse(URI uri, List<Cookie> cookies) {
    String host = host(uri);
    Instant now = clock.instant();
    for (Cookie cookie : cookies) {
      save(uri, host, now, cookie);
    }
  }

  private void save(URI uri, String host, Instant now, Cookie cookie) {
    boolean hostOnly;
    String domain;
    if (cookie.domain() == null || cookie.domain().isEmpty()) {
      hostOnly = true;
      domain = host;
    } else {
      domain = CookieRules.canonicalDomain(cookie.domain());
      if (!CookieRules.domainMatches(host, domain)
          || (!domain.equals(host) && domain.indexOf('.') < 0)) {
        return;
      }
      hostOnly = false;
    }
    String path =
        cookie.path() != null && cookie.path().startsWith("/")
            ? cookie.path()
            : CookieRules.defaultPath(uri.getRawPath());
    Duration maxAge = cookie.maxAge();
    Instant expiry = maxAge == null ? null : now.plus(maxAge.isNegative() ? Duration.ZERO : maxAge);
    Cookie stored = cookie.newBuilder().domain(domain).path(path).build();
    long created = ++sequence;
    for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
      Entry old = it.next();
      if (old.sameIdentity(stored)) {
        created = old.created;
        it.remove();
      }
    }
    if (expiry != null && !expiry.isAfter(now)) {
      return;
    }
    Entry entry = new Entry(stored, hostOnly, expiry, created);
    entry.lastAccess = ++sequence;
    entries.add(entry);
    evict(now, domain);
  }

  private void evict(Instant now, String domain) {
    entries.removeIf(e -> expired(e, now));
    while (entries.stream().filter(e -> e.cookie.domain().equals(domain)).count()
        > MAX_PER_DOMAIN) {
      entries.remove(leastRecentlyUsed(domain));
    }
    while (entries.size() > MAX_TOTAL) {
      entries.remove(leastRecentlyUsed(null));
    }
  }

  private Entry leastRecentlyUsed(String domain) {
    return entries.stream()
        .filter(e -> domain == null || e.cookie.domain().equals(domain))
        .min(Comparator.comparingLong(e -> e.lastAccess))
        .orElseThrow();
  }

  @Override
  public synchronized List<Cookie> loadForRequest(URI uri) {
    String host = host(uri);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    boolean secure = "https".equalsIgnoreCase(uri.getScheme());
    Instant now = clock.instant();
    entries.removeIf(e -> expired(e, now));
    List<Entry> matching = new ArrayList<>();
    for (Entry e : entries) {
      Cookie c = e.cookie;
      boolean domainOk =
          e.hostOnly ? host.equals(c.domain()) : CookieRules.domainMatches(host, c.domain());
      if (domainOk && CookieRules.pathMatches(path, c.path()) && (secure || !c.secure())) {
        matching.add(e);
      }
    }
    matching.sort(
        Comparator.<Entry>comparingInt(e -> -e.cookie.path().length())
            .thenComparingLong(e -> e.created));
    List<Cookie> result = new ArrayList<>(matching.size());
    for (Entry e : matching) {
      e.lastAccess = ++sequence;
      result.add(e.cookie);
    }
    return result;
  }

  /**
   * Every cookie held and not expired, with its effective domain and path; {@code maxAge} is the
   * lifetime it was given.
   */
  public synchronized List<Cookie> cookies() {
    Instant now = clock.instant();
    entries.removeIf(e -> expired(e, now));
    List<Cookie> result = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      result.add(e.cookie);
    }
    return result;
  }

  /** Removes every cookie. */
  public synchronized void clear() {
    entries.clear();
  }

  private static boolean expired(Entry e, Instant now) {
    return e.expiry != null && !e.expiry.isAfter(now);
  }

  private static String host(URI uri) {
    String host = requireNonNull(uri.getHost(), "uri has no host");
    return host.toLowerCase(Locale.ROOT);
  }
}
