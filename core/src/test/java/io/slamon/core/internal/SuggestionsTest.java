package io.slamon.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  @Test
  void aNearMissSuggestsTheKnownName() {
    assertThat(Suggestions.closest("rpoo", List.of("name", "rto", "rpo"))).contains("rpo");
    assertThat(Suggestions.closest("availabilityclass", List.of("availabilityClass")))
        .contains("availabilityClass");
  }

  @Test
  void somethingUnrelatedSuggestsNothing() {
    assertThat(Suggestions.closest("colour", List.of("name", "rto", "rpo"))).isEmpty();
    assertThat(Suggestions.hint("x", List.of("name"))).isEmpty();
  }

  @Test
  void distanceIsLevenshtein() {
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
    assertThat(Suggestions.distance("prot", "port")).isEqualTo(1);
  }
}
