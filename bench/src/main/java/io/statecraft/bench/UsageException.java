package io.statecraft.bench;

/** The command line is wrong; the message says what and how to fix it. */
final class UsageException extends Exception {

  UsageException(String message) {
    super(message);
  }
}
