package io.statecraft.asl.property;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Edits that turn well-formed text into nearly well-formed text: a character deleted, one inserted
 * from the characters the grammars give meaning to, a slice duplicated, the text truncated, two
 * halves swapped. Up to three edits are applied, at positions chosen by the generator.
 */
final class Mutations {

  /** Characters that mean something to JSONPath, JSONata, intrinsics or JSON. */
  private static final String SPECIAL = "$.[]()'\"{}%,:;?@*\\/-+<>=!&|^~#`\u0000é😀 \n";

  private Mutations() {}

  /** One edit, described by its kind, a position and a character, applied to any text. */
  record Edit(int kind, int position, int length, char character) {

    String apply(String text) {
      if (text.isEmpty()) {
        return kind % 2 == 0 ? String.valueOf(character) : text;
      }
      int at = Math.floorMod(position, text.length());
      int end = Math.min(text.length(), at + 1 + Math.floorMod(length, 6));
      return switch (kind) {
        case 0 -> text.substring(0, at) + text.substring(at + 1); // delete one
        case 1 -> text.substring(0, at) + character + text.substring(at); // insert one
        case 2 -> text.substring(0, end) + text.substring(at); // duplicate a slice
        case 3 -> text.substring(0, at); // truncate
        case 4 -> text.substring(at) + text.substring(0, at); // swap the halves
        case 5 ->
            text.substring(0, at) + character + text.substring(Math.min(text.length(), at + 1));
        default -> text.substring(0, at) + text.substring(end); // delete a slice
      };
    }
  }

  static Arbitrary<Edit> edits() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 6),
            Arbitraries.integers().between(0, 10_000),
            Arbitraries.integers().between(0, 10),
            Arbitraries.of(SPECIAL.chars().mapToObj(c -> (char) c).toList()))
        .as(Edit::new);
  }

  /** The text with one to three edits. */
  static Arbitrary<String> of(Arbitrary<String> texts) {
    return Combinators.combine(texts, edits().list().ofMinSize(1).ofMaxSize(3))
        .as(
            (text, edits) -> {
              String t = text;
              for (Edit e : edits) {
                t = e.apply(t);
              }
              return t;
            });
  }

  /** Joins the texts of a list with a separator; used by grammars for argument lists. */
  static String join(List<String> parts, String separator) {
    return String.join(separator, parts);
  }
}
