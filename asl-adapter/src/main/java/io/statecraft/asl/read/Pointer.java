package io.statecraft.asl.read;

/** JSON pointers (RFC 6901) for diagnostic locations. */
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
