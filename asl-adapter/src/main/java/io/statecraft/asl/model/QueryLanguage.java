package io.statecraft.asl.model;

/** The language in which a state's paths and expressions are written. */
public enum QueryLanguage {
  JSONPATH("JSONPath"),
  JSONATA("JSONata");

  private final String aslName;

  QueryLanguage(String aslName) {
    this.aslName = aslName;
  }

  /** The spelling in definitions: {@code JSONPath} or {@code JSONata}. */
  public String aslName() {
    return aslName;
  }
}
