package io.slamon.collector.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelPolicyTest {
  static final byte[] KEY_A = "key-a-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  static final byte[] KEY_B = "key-b-0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  @Test
  void droppedLabelsAreRemovedAndPseudonymisedOnesReplacedTheRestUntouched() {
    LabelPolicy policy = new LabelPolicy(Set.of("client_ip"), Set.of("user_id"), KEY_A);
    Map<String, String> stored = policy.apply(Map.of("client_ip", "10.1.2.3", "user_id", "alice@example.de",
        "model_name", "llama"));
    assertThat(stored).doesNotContainKey("client_ip").containsEntry("model_name", "llama");
    assertThat(stored.get("user_id")).matches("[0-9a-f]{32}").isNotEqualTo("alice@example.de");
  }

  @Test
  void thePseudonymIsStableUnderOneKeyAndDiffersPerKeyAndPerValue() {
    LabelPolicy a = new LabelPolicy(Set.of(), Set.of("user_id"), KEY_A);
    LabelPolicy sameKeyAgain = new LabelPolicy(Set.of(), Set.of("user_id"), KEY_A.clone());
    LabelPolicy b = new LabelPolicy(Set.of(), Set.of("user_id"), KEY_B);

    assertThat(a.pseudonym("alice")).isEqualTo(a.pseudonym("alice")).isEqualTo(sameKeyAgain.pseudonym("alice"));
    assertThat(a.pseudonym("alice")).isNotEqualTo(b.pseudonym("alice")).isNotEqualTo(a.pseudonym("bob"));
    // HMAC-SHA256("key-a-0123456789abcdef", "alice"), first 16 bytes, computed with `openssl dgst -sha256 -hmac`
    assertThat(a.pseudonym("alice")).isEqualTo("eb5deb095967ea9a48c74960c2f55967");
  }

  @Test
  void seriesWithoutConfiguredLabelsKeepTheirLabelMap() {
    LabelPolicy policy = new LabelPolicy(Set.of("client_ip"), Set.of("user_id"), KEY_A);
    Map<String, String> labels = Map.of("gpu", "0");
    assertThat(policy.apply(labels)).isSameAs(labels);
    assertThat(LabelPolicy.none().apply(labels)).isSameAs(labels);
  }

  @Test
  void aMissingOrShortKeyAndALabelInBothListsAreRefused() {
    assertThatThrownBy(() -> new LabelPolicy(Set.of(), Set.of("user_id"), null))
        .hasMessageContaining("key of at least 16 bytes");
    assertThatThrownBy(() -> new LabelPolicy(Set.of(), Set.of("user_id"), "short".getBytes()))
        .hasMessageContaining("key of at least 16 bytes");
    assertThatThrownBy(() -> new LabelPolicy(Set.of("user_id"), Set.of("user_id"), KEY_A))
        .hasMessageContaining("both dropped and pseudonymised");
  }

  @Test
  void theKeyComesFromAnEnvironmentVariableAFileOrTheValueItself(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("pseudonym.key"), "from-a-file-0123456789\n");
    assertThat(new String(SecretValue.resolve("${PSEUDO_KEY}", n -> n.equals("PSEUDO_KEY") ? "from-env-0123456789"
        : null, dir))).isEqualTo("from-env-0123456789");
    assertThat(new String(SecretValue.resolve("file:pseudonym.key", n -> null, dir)))
        .isEqualTo("from-a-file-0123456789");
    assertThat(new String(SecretValue.resolve("literal-key-0123456789", n -> null, dir)))
        .isEqualTo("literal-key-0123456789");
    assertThatThrownBy(() -> SecretValue.resolve("${NOT_SET}", n -> null, dir))
        .hasMessage("environment variable NOT_SET is not set or empty");
    assertThatThrownBy(() -> SecretValue.resolve("file:missing.key", n -> null, dir))
        .hasMessageContaining("missing.key cannot be read");
  }
}
