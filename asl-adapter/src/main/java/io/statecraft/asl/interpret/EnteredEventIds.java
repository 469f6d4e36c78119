package io.statecraft.asl.interpret;

import java.util.Map;

/**
 * The cause AWS gives an evaluation failure names the event that entered the failing state: {@code
 * An error occurred while executing the state 'X' (entered at the event id #7). ...}. A branch run
 * elsewhere numbers its events from 1, and the parent renumbers them when it splices them into its
 * history; the ids in the causes it carries out are renumbered here the same way, so that they name
 * the same events as in the history, as they do when the branch runs in process.
 *
 * <p>Deliberate deviation: a cause a branch caught and kept in its data (a Catch's {@code
 * ResultPath}, {@code $states.errorOutput}) keeps the branch's own numbering; only the causes of
 * the branch's failure and of its history events are renumbered.
 */
final class EnteredEventIds {

  static final String PREFIX = "An error occurred while executing the state '";
  static final String MARKER = "' (entered at the event id #";

  private EnteredEventIds() {}

  /** The cause for the state {@code stateName} entered at event {@code enteredId}. */
  static String cause(String stateName, long enteredId, String detail) {
    return PREFIX
        + stateName
        + MARKER
        + enteredId
        + ")."
        + (detail == null || detail.isEmpty() ? "" : " " + detail);
  }

  /**
   * The cause with its entered-event id renumbered by {@code ids} (a branch's local ids to the
   * parent's), or the cause unchanged when it names no event or the event is not among {@code ids}.
   * State names are at most 80 characters and the marker follows the first one, so the first marker
   * after the prefix is the one.
   */
  static String renumber(String cause, Map<Long, Long> ids) {
    if (cause == null || ids.isEmpty() || !cause.startsWith(PREFIX)) {
      return cause;
    }
    int marker = cause.indexOf(MARKER, PREFIX.length());
    if (marker < 0) {
      return cause;
    }
    int digits = marker + MARKER.length();
    int end = digits;
    while (end < cause.length() && Character.isDigit(cause.charAt(end))) {
      end++;
    }
    if (end == digits || end - digits > 18 || !cause.startsWith(").", end)) {
      return cause;
    }
    Long renumbered = ids.get(Long.parseLong(cause.substring(digits, end)));
    return renumbered == null
        ? cause
        : cause.substring(0, digits) + renumbered + cause.substring(end);
  }
}
