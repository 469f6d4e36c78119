package io.statecraft.asl.read;

import java.util.regex.Pattern;

/** The syntax of resource ARNs. */
final class Arns {

  // arn:partition:service:region:account:resource; region and account may be empty, as in
  // arn:aws:states:::lambda:invoke.
  private static final Pattern ARN =
      Pattern.compile("arn:aws(-[a-z]+)*:[a-z0-9][a-z0-9.-]*:[a-z0-9-]*:(\\d{12})?:\\S+");

  private static final Pattern ACTIVITY =
      Pattern.compile("arn:aws(-[a-z]+)*:states:[a-z0-9-]*:(\\d{12})?:activity:\\S+");

  private Arns() {}

  static boolean isValid(String arn) {
    return ARN.matcher(arn).matches();
  }

  static boolean isActivity(String arn) {
    return ACTIVITY.matcher(arn).matches();
  }

  /** The integration pattern suffix ({@code .sync}, {@code .sync:2}, {@code .waitForTaskToken}). */
  static String integrationPattern(String arn) {
    if (!arn.startsWith("arn:") || !arn.contains(":states:::")) {
      return null;
    }
    int dot = arn.lastIndexOf('.');
    if (dot < 0) {
      return null;
    }
    String suffix = arn.substring(dot);
    return switch (suffix) {
      case ".sync", ".sync:2", ".waitForTaskToken" -> suffix;
      default -> null;
    };
  }
}
