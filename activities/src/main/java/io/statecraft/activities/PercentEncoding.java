package io.statecraft.activities;

import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding of UTF-8 text: every byte but the unreserved characters ({@code A-Z a-z
 * 0-9 - . _ ~}) becomes {@code %XX} with upper-case hex digits, so {@code /}, {@code +} and a space
 * are all encoded. This is the encoding of form bodies and query strings the HTTP task sends, of
 * SigV4's canonical requests, and of path segments in links.
 */
public final class PercentEncoding {

  private PercentEncoding() {}

  /** Encodes {@code text}; never null for a non-null argument. */
  public static String encode(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return out.toString();
  }
}
