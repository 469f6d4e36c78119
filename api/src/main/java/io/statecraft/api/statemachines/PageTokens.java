package io.statecraft.api.statemachines;

import io.statecraft.api.error.ApiException;
import io.statecraft.api.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque {@code nextToken}s: the sort key of the last item returned, tagged with the listing it
 * belongs to so a token from one listing is refused by another.
 */
final class PageTokens {

  /** AWS's longest {@code nextToken}. */
  static final int MAX_LENGTH = 1024;

  private PageTokens() {}

  static String encode(String listing, String lastKey) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((listing + "\n" + lastKey).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The sort key a token continues after, or {@code null} for no token.
   *
   * @throws ApiException {@code InvalidToken} when the token was not issued for {@code listing}
   */
  static String decode(String listing, String token) {
    if (token == null) {
      return null;
    }
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid(token);
    }
    int newline = text.indexOf('\n');
    if (newline < 0 || !text.substring(0, newline).equals(listing)) {
      throw invalid(token);
    }
    return text.substring(newline + 1);
  }

  private static ApiException invalid(String token) {
    String shown = token.length() > 64 ? token.substring(0, 64) + "..." : token;
    return new ApiException(ErrorCode.INVALID_TOKEN, "Invalid Token: '" + shown + "'");
  }
}
