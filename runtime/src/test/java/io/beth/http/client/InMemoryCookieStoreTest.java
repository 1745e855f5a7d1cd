package io.beth.http.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.http.Cookie;
import io.beth.http.InMemoryCookieStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The RFC 6265 storage and retrieval rules of {@link InMemoryCookieStore}. */
class InMemoryCookieStoreTest {

  /** A clock the test moves by hand. */
  private static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final ManualClock clock = new ManualClock();
  private final InMemoryCookieStore store = InMemoryCookieStore.create(clock);

  private void set(String uri, Cookie.Builder... cookies) {
    store.saveFromResponse(
        URI.create(uri),
        java.util.Arrays.stream(cookies).map(Cookie.Builder::build).collect(Collectors.toList()));
  }

  private String sent(String uri) {
    return store.loadForRequest(URI.create(uri)).stream()
        .map(c -> c.name() + "=" + c.value())
        .collect(Collectors.joining("; "));
  }

  @Test
  void aCookieWithoutDomainIsHostOnly() {
    set("http://example.com/", Cookie.builder("a", "1"));
    assertEquals("a=1", sent("http://example.com/"));
    assertEquals("a=1", sent("http://EXAMPLE.com/x"));
    assertEquals("", sent("http://www.example.com/"));
    assertEquals("", sent("http://other.com/"));
  }

  @Test
  void aDomainCookieIsSentToTheDomainAndItsSubdomains() {
    set("http://www.example.com/", Cookie.builder("a", "1").domain(".Example.COM"));
    assertEquals("a=1", sent("http://example.com/"));
    assertEquals("a=1", sent("http://www.example.com/"));
    assertEquals("a=1", sent("http://deep.sub.example.com/"));
    assertEquals("", sent("http://badexample.com/"));
    assertEquals("", sent("http://example.org/"));
  }

  @Test
  void aDomainThatDoesNotMatchTheHostOrIsATopLevelDomainIsRefused() {
    set("http://www.example.com/", Cookie.builder("foreign", "1").domain("other.com"));
    set("http://www.example.com/", Cookie.builder("child", "1").domain("sub.www.example.com"));
    set("http://www.example.com/", Cookie.builder("tld", "1").domain("com"));
    set("http://localhost/", Cookie.builder("local", "1").domain("localhost"));
    assertEquals("", sent("http://www.example.com/"));
    assertEquals("", sent("http://sub.www.example.com/"));
    assertEquals("", sent("http://other.com/"));
    assertEquals("local=1", sent("http://localhost/"));
    assertEquals(1, store.cookies().size());
  }

  @Test
  void ipAddressesMatchOnlyThemselves() {
    set("http://127.0.0.1/", Cookie.builder("a", "1"));
    set("http://127.0.0.1/", Cookie.builder("b", "2").domain("0.0.1"));
    assertEquals("a=1", sent("http://127.0.0.1/"));
    assertEquals("", sent("http://127.0.0.2/"));
  }

  @Test
  void pathsMatchBySegmentAndTheDefaultPathIsTheRequestDirectory() {
    set("http://h.com/docs/guide/page.html", Cookie.builder("dflt", "1"));
    set("http://h.com/", Cookie.builder("docs", "1").path("/docs"));
    set("http://h.com/", Cookie.builder("slash", "1").path("/docs/"));
    set("http://h.com/", Cookie.builder("relative", "1").path("docs"));
    assertEquals("relative=1", sent("http://h.com/"));
    assertEquals("docs=1; relative=1", sent("http://h.com/docs"));
    assertEquals("relative=1", sent("http://h.com/docsx"));
    assertEquals("slash=1; docs=1; relative=1", sent("http://h.com/docs/other"));
    assertEquals("dflt=1; slash=1; docs=1; relative=1", sent("http://h.com/docs/guide/x"));
    assertEquals("dflt=1; slash=1; docs=1; relative=1", sent("http://h.com/docs/guide"));
  }

  @Test
  void longerPathsComeFirstThenEarlierCreation() {
    set("http://h.com/", Cookie.builder("first", "1").path("/"));
    set("http://h.com/", Cookie.builder("second", "2").path("/"));
    set("http://h.com/", Cookie.builder("deep", "3").path("/a/b"));
    assertEquals("deep=3; first=1; second=2", sent("http://h.com/a/b/c"));
    // replacing keeps the original creation time, so the order stays
    set("http://h.com/", Cookie.builder("first", "changed").path("/"));
    assertEquals("deep=3; first=changed; second=2", sent("http://h.com/a/b/c"));
  }

  @Test
  void secureCookiesAreSentOnlyOverHttps() {
    set("https://h.com/", Cookie.builder("s", "1").secure(true), Cookie.builder("p", "2"));
    assertEquals("s=1; p=2", sent("https://h.com/"));
    assertEquals("p=2", sent("http://h.com/"));
  }

  @Test
  void maxAgeExpiresCookiesAndZeroDeletesThem() {
    set(
        "http://h.com/",
        Cookie.builder("short", "1").maxAge(Duration.ofSeconds(10)),
        Cookie.builder("session", "2"),
        Cookie.builder("gone", "3"));
    assertEquals("short=1; session=2; gone=3", sent("http://h.com/"));
    set("http://h.com/", Cookie.builder("gone", "").maxAge(Duration.ZERO));
    assertEquals("short=1; session=2", sent("http://h.com/"));
    clock.now = clock.now.plusSeconds(9);
    assertEquals("short=1; session=2", sent("http://h.com/"));
    clock.now = clock.now.plusSeconds(1);
    assertEquals("session=2", sent("http://h.com/"));
    assertEquals(
        List.of("session"),
        store.cookies().stream().map(Cookie::name).collect(Collectors.toList()));
  }

  @Test
  void aCookieIsIdentifiedByNameDomainAndPath() {
    set(
        "http://www.h.com/",
        Cookie.builder("n", "host"),
        Cookie.builder("n", "domain").domain("h.com"),
        Cookie.builder("n", "path").path("/p"));
    assertEquals(3, store.cookies().size());
    assertEquals("n=path; n=host; n=domain", sent("http://www.h.com/p"));
    set("http://www.h.com/", Cookie.builder("n", "host2"));
    assertEquals("n=path; n=host2; n=domain", sent("http://www.h.com/p"));
  }

  @Test
  void theLeastRecentlyUsedCookiesOfADomainAreEvictedPastTheLimit() {
    for (int i = 0; i < InMemoryCookieStore.MAX_PER_DOMAIN; i++) {
      set("http://h.com/", Cookie.builder("c" + i, "v"));
    }
    sent("http://h.com/"); // every cookie used; c0 then re-used below is the most recent
    set("http://h.com/", Cookie.builder("c0", "again"));
    set("http://h.com/", Cookie.builder("extra", "v"));
    List<String> names = store.cookies().stream().map(Cookie::name).collect(Collectors.toList());
    assertEquals(InMemoryCookieStore.MAX_PER_DOMAIN, names.size());
    assertTrue(
        names.contains("c0") && names.contains("extra") && !names.contains("c1"), names.toString());
  }
}
