package io.statecraft.api.validation;

import java.util.regex.Pattern;

/** Step Functions' naming rules. */
public final class Names {

  /** The longest name of a state machine, execution or alias. */
  public static final int MAX_LENGTH = 80;

  // Alias names: at least one letter, '_', '-' or '.', so they never look like version numbers.
  private static final Pattern ALIAS = Pattern.compile("^(?=.*[a-zA-Z_\\-.])[a-zA-Z0-9_\\-.]+$");

  /** The pattern alias names must match, in the form AWS quotes it. */
  public static final String ALIAS_PATTERN = "^(?=.*[a-zA-Z_\\-\\.])[a-zA-Z0-9_\\-\\.]+$";

  private Names() {}

  /**
   * Whether {@code name} is a valid state machine or execution name: 1 to 80 characters, none of
   * them whitespace, brackets {@code < > { } [ ]}, wildcards {@code ? *}, the special characters
   * {@code " # % \ ^ | ~ ` $ & , ; : /}, or control characters (U+0000–U+001F, U+007F–U+009F).
   */
  public static boolean isValidResourceName(String name) {
    if (name == null || name.isEmpty() || name.codePointCount(0, name.length()) > MAX_LENGTH) {
      return false;
    }
    return name.codePoints().allMatch(Names::allowedInResourceName);
  }

  /** Whether the name has an allowed length, whatever its characters. */
  public static boolean hasValidLength(String name) {
    return name != null && !name.isEmpty() && name.codePointCount(0, name.length()) <= MAX_LENGTH;
  }

  /** Whether {@code name} is a valid alias name. */
  public static boolean isValidAliasName(String name) {
    return hasValidLength(name) && ALIAS.matcher(name).matches();
  }

  private static boolean allowedInResourceName(int c) {
    if (c <= 0x1F || (c >= 0x7F && c <= 0x9F)) {
      return false;
    }
    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      return false;
    }
    return "<>{}[]?*\"#%\\^|~`$&,;:/".indexOf(c) < 0;
  }
}
