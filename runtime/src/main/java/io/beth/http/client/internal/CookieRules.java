package io.beth.http.client.internal;

import java.util.Locale;

/** The matching rules of RFC 6265, section 5.1: domains, paths, the default path. */
public final class CookieRules {

  private CookieRules() {}

  /** The canonical form of a host or {@code Domain} attribute: lower case, no leading dot. */
  public static String canonicalDomain(String domain) {
    String d = domain.toLowerCase(Locale.ROOT);
    return d.startsWith(".") ? d.substring(1) : d;
  }

  /** Whether {@code host} (canonical) domain-matches {@code domain} (canonical), §5.1.3. */
  public static boolean domainMatches(String host, String domain) {
    if (host.equals(domain)) {
      return true;
    }
    return host.endsWith(domain)
        && host.length() > domain.length()
        && host.charAt(host.length() - domain.length() - 1) == '.'
        && !isIpAddress(host);
  }

  /** Whether {@code requestPath} path-matches {@code cookiePath}, §5.1.4. */
  public static boolean pathMatches(String requestPath, String cookiePath) {
    if (requestPath.equals(cookiePath)) {
      return true;
    }
    return requestPath.startsWith(cookiePath)
        && (cookiePath.endsWith("/") || requestPath.charAt(cookiePath.length()) == '/');
  }

  /** The default path of a cookie set by a response to {@code uriPath}, §5.1.4. */
  public static String defaultPath(String uriPath) {
    if (uriPath == null || !uriPath.startsWith("/")) {
      return "/";
    }
    int last = uriPath.lastIndexOf('/');
    return last == 0 ? "/" : uriPath.substring(0, last);
  }

  /** Whether {@code host} is an IPv4 or IPv6 literal rather than a name. */
  public static boolean isIpAddress(String host) {
    if (host.startsWith("[") || host.indexOf(':') >= 0) {
      return true;
    }
    String[] parts = host.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty()
          || p.length() > 3
          || !p.chars().allMatch(Character::isDigit)
          || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }
}
