package io.statecraft.asl.read;

/**
 * JSON pointers (RFC 6901) for diagnostic locations.
 *
 * <p>Deliberate deviation: AWS writes some array positions as {@code /States/T/Catch[0]/Next}; we
 * write every location as a plain JSON pointer ({@code /States/T/Catch/0/Next}), so that any JSON
 * library can resolve it against the definition.
 */
final class Pointer {

  /** The whole document. */
  static final String ROOT = "";

  private Pointer() {}

  /** {@code base} extended by one reference token, escaped as RFC 6901 requires. */
  static String child(String base, String token) {
    return base + "/" + token.replace("~", "~0").replace("/", "~1");
  }

  static String child(String base, int index) {
    return base + "/" + index;
  }

  /** The pointer as reported: {@code null} for the whole document. */
  static String report(String pointer) {
    return pointer.isEmpty() ? null : pointer;
  }
}
