package io.slamon.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.core.Severity;
import io.slamon.core.config.IncidentTargets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SeverityPolicyTest {
  private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");

  @ParameterizedTest(name = "{0} for tenant {1} opens at {2}")
  @CsvSource({
    "TARGET_DOWN, hanse-bank, P1",
    "TARGET_DOWN, , P2",
    "FAST_BURN, hanse-bank, P2",
    "GPU_LOST, acme-logistik, P2",
    "SLO_BREACH, acme-logistik, P2",
    "GPU_XID, praxis-digital, P3",
    "NO_DATA, hanse-bank, P3",
  })
  void eachSignalKindOpensAtItsSeverity(Signal.Kind kind, String tenant, Severity expected) {
    assertThat(SeverityPolicy.severityFor(new Signal(tenant, kind, "x", "inference", "d", T))).isEqualTo(expected);
  }

  @Test
  void repeatsOfTheSameSignalShareAFingerprintAndOtherSubjectsDoNot() {
    var a = new Signal("hanse-bank", Signal.Kind.SLO_BREACH, "chat-ttft", "inference", "first", T);
    var again = new Signal("hanse-bank", Signal.Kind.SLO_BREACH, "chat-ttft", "inference", "second", T.plusSeconds(30));
    var other = new Signal("hanse-bank", Signal.Kind.SLO_BREACH, "chat-availability", "inference", "first", T);
    assertThat(a.fingerprint()).isEqualTo(again.fingerprint()).isNotEqualTo(other.fingerprint());
    assertThat(new Signal(null, Signal.Kind.GPU_XID, "gpu-node-01/0", "gpu", "", T).fingerprint()).startsWith("provider/");
  }

  @Test
  void defaultTargetsFollowTheContractDefaults() {
    assertThat(IncidentTargets.DEFAULT.of(Severity.P1).acknowledge()).hasMinutes(15);
    assertThat(IncidentTargets.DEFAULT.of(Severity.P1).restore()).hasHours(4);
    assertThat(IncidentTargets.DEFAULT.of(Severity.P3).restore()).hasDays(2);
    assertThat(IncidentTargets.DEFAULT.of(Severity.P4).acknowledge()).hasDays(1);
  }
}
