package io.slamon.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RelabelConfigTest {
  private static RelabelConfig rule(
      List<String> sources, String regex, String target, String replacement, RelabelConfig.Action action) {
    return new RelabelConfig(sources, ";", RelabelConfig.anchored(regex), target, replacement, action);
  }

  @Test
  void replaceCopiesACapturedGroupIntoTheTargetLabel() {
    RelabelConfig r =
        rule(List.of("__address__"), "127\\.0\\.0\\.1:1800(\\d)", "slot", "s${1}", RelabelConfig.Action.REPLACE);
    assertThat(r.apply(Map.of("__address__", "127.0.0.1:18003")))
        .hasValueSatisfying(l -> assertThat(l).containsEntry("slot", "s3"));
  }

  @Test
  void theRegexIsAnchoredLikePrometheus() {
    RelabelConfig r = rule(List.of("job"), "vll", "x", "y", RelabelConfig.Action.REPLACE);
    assertThat(r.apply(Map.of("job", "vllm"))).contains(Map.of("job", "vllm"));
  }

  @Test
  void keepAndDropDecideOnTheJoinedSourceLabels() {
    RelabelConfig keep = rule(List.of("a", "b"), "x;y", null, "$1", RelabelConfig.Action.KEEP);
    assertThat(keep.apply(Map.of("a", "x", "b", "y"))).isPresent();
    assertThat(keep.apply(Map.of("a", "x"))).isEmpty();
    RelabelConfig drop = rule(List.of("a"), "x", null, "$1", RelabelConfig.Action.DROP);
    assertThat(drop.apply(Map.of("a", "x"))).isEmpty();
  }

  @Test
  void anEmptyReplacementRemovesTheTargetLabel() {
    RelabelConfig r = rule(List.of("a"), ".*", "b", "", RelabelConfig.Action.REPLACE);
    assertThat(r.apply(Map.of("a", "1", "b", "2"))).contains(Map.of("a", "1"));
  }

  @Test
  void labelmapCopiesMatchingLabelNames() {
    RelabelConfig r = rule(List.of(), "__meta_(.+)", null, "$1", RelabelConfig.Action.LABELMAP);
    assertThat(r.apply(Map.of("__meta_zone", "fra")))
        .hasValueSatisfying(l -> assertThat(l).containsEntry("zone", "fra"));
  }
}
