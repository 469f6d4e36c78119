package io.statecraft.api.error;

/**
 * One thing wrong with one field of a request.
 *
 * @param pointer the field as a JSON pointer into the request body ({@code
 *     /routingConfiguration/1/weight})
 * @param rejected the rejected value as text, or {@code null} when it was missing or is not shown
 * @param message what is wrong, as a constraint the value fails ({@code Member must not be null})
 */
public record FieldIssue(String pointer, String rejected, String message) {

  /** The field path in AWS's dotted style ({@code routingConfiguration.1.weight}). */
  public String awsPath() {
    if (pointer.isEmpty() || pointer.equals("/")) {
      return "";
    }
    return pointer.substring(1).replace("~1", "/").replace("~0", "~").replace('/', '.');
  }
}
