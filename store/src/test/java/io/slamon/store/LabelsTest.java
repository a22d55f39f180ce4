package io.slamon.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelsTest {
  @Test
  void aLabelSetEqualsAnyMapWithTheSameEntriesAndHashesLikeOne() {
    Map<String, String> plain = new LinkedHashMap<>();
    plain.put("pod", "vllm-0");
    plain.put("gpu", "3");
    plain.put("namespace", "acme");
    Labels labels = Labels.of(plain);

    assertThat(labels).isEqualTo(plain).isEqualTo(Map.copyOf(plain));
    assertThat(Map.copyOf(plain)).isEqualTo(labels);
    assertThat(labels.hashCode()).isEqualTo(plain.hashCode());
    assertThat(labels.get("gpu")).isEqualTo("3");
    assertThat(labels.get("missing")).isNull();
    assertThat(labels.containsKey("pod")).isTrue();
    assertThat(labels.keySet()).containsExactly("pod", "gpu", "namespace"); // in the order given
    assertThat(Labels.of(labels)).isSameAs(labels);
  }

  @Test
  void labelSetsInADifferentOrderAreEqualAndSharedArraysAreNotCopied() {
    String[] names = {"b", "a"};
    String[] values = {"2", "1"};
    Labels shared = Labels.sharing(names, values);

    assertThat(shared).isEqualTo(Labels.of(Map.of("a", "1", "b", "2"))).isEqualTo(Map.of("a", "1", "b", "2"));
    assertThat(shared.hashCode()).isEqualTo(Map.of("a", "1", "b", "2").hashCode());
    assertThat(shared).isNotEqualTo(Labels.sharing(new String[] {"a", "b"}, new String[] {"2", "1"}));
    assertThatThrownBy(() -> Labels.sharing(names, new String[] {"1"})).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theSixtyFourBitHashIgnoresOrderAndSeparatesValues() {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("a", "1");
    a.put("b", "2");
    Map<String, String> b = new LinkedHashMap<>();
    b.put("b", "2");
    b.put("a", "1");

    assertThat(Labels.of(a).hash64()).isEqualTo(Labels.of(b).hash64())
        .isNotEqualTo(Labels.of(Map.of("a", "2", "b", "1")).hash64());
    assertThat(Labels.of(Map.of()).hash64()).isNotZero();
  }

  @Test
  void aLabelSetCannotBeChanged() {
    Labels labels = Labels.of(new HashMap<>(Map.of("a", "1")));

    assertThatThrownBy(() -> labels.put("b", "2")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> labels.entrySet().iterator().next().setValue("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> labels.clear()).isInstanceOf(UnsupportedOperationException.class);
  }
}
