package io.statecraft.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

  @ParameterizedTest
  @ValueSource(strings = {"a", "Order-Processing_v2", "ünïcödé", "a.b@c+d=e!", "1"})
  void acceptsResourceNamesAwsAccepts(String name) {
    assertThat(Names.isValidResourceName(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "a b",
        "tab\there",
        "a<b",
        "a>b",
        "a{b",
        "a}b",
        "a[b",
        "a]b",
        "a?b",
        "a*b",
        "a\"b",
        "a#b",
        "a%b",
        "a\\b",
        "a^b",
        "a|b",
        "a~b",
        "a`b",
        "a$b",
        "a&b",
        "a,b",
        "a;b",
        "a:b",
        "a/b",
        "nul\u0000",
        "del\u007f",
        "c1\u0085",
        "nbsp\u00a0"
      })
  void refusesWhitespaceBracketsWildcardsSpecialAndControlCharacters(String name) {
    assertThat(Names.isValidResourceName(name)).isFalse();
  }

  @Test
  void allowsEightyCharactersButNotEightyOne() {
    assertThat(Names.isValidResourceName("x".repeat(80))).isTrue();
    assertThat(Names.isValidResourceName("x".repeat(81))).isFalse();
    // Length counts characters, not UTF-16 units.
    assertThat(Names.isValidResourceName("\uD83D\uDE00".repeat(80))).isTrue();
  }

  @Test
  void aliasNamesNeedALetterOrSymbolSoTheyNeverLookLikeVersions() {
    assertThat(Names.isValidAliasName("prod")).isTrue();
    assertThat(Names.isValidAliasName("v-1.2_x")).isTrue();
    assertThat(Names.isValidAliasName("123")).isFalse();
    assertThat(Names.isValidAliasName("has space")).isFalse();
    assertThat(Names.isValidAliasName("ünï")).isFalse();
    assertThat(Names.isValidAliasName("")).isFalse();
  }
}
