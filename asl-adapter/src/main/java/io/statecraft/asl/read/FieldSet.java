package io.statecraft.asl.read;

import io.statecraft.asl.model.QueryLanguage;
import java.util.HashMap;
import java.util.Map;

/** The fields an object may have, and in which query language each is allowed. */
final class FieldSet {

  /** In which query language a field is allowed. */
  enum Lang {
    ANY,
    JSONPATH,
    JSONATA;

    boolean allows(QueryLanguage language) {
      return switch (this) {
        case ANY -> true;
        case JSONPATH -> language == QueryLanguage.JSONPATH;
        case JSONATA -> language == QueryLanguage.JSONATA;
      };
    }
  }

  // Only looked up, never iterated, so the order of a HashMap does not matter.
  private final Map<String, Lang> fields;

  private FieldSet(Map<String, Lang> fields) {
    this.fields = fields;
  }

  static Builder builder() {
    return new Builder(new HashMap<>());
  }

  Builder extend() {
    return new Builder(new HashMap<>(fields));
  }

  /** The rule for the field, or {@code null} when the object does not support it at all. */
  Lang rule(String field) {
    return fields.get(field);
  }

  static final class Builder {
    private final Map<String, Lang> fields;

    private Builder(Map<String, Lang> fields) {
      this.fields = fields;
    }

    Builder any(String... names) {
      return put(Lang.ANY, names);
    }

    Builder jsonPath(String... names) {
      return put(Lang.JSONPATH, names);
    }

    Builder jsonata(String... names) {
      return put(Lang.JSONATA, names);
    }

    private Builder put(Lang lang, String... names) {
      for (String name : names) {
        fields.put(name, lang);
      }
      return this;
    }

    FieldSet build() {
      return new FieldSet(Map.copyOf(fields));
    }
  }
}
