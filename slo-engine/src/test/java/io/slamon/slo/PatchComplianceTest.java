package io.slamon.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatchComplianceTest {
  private static final Instant PUBLISHED = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant NOW = PUBLISHED.plus(Duration.ofHours(216));
  private static final PatchCompliance POLICY =
      new PatchCompliance(
          List.of(
              new CvssBand(9.0, 10.0, Duration.ofHours(48)), new CvssBand(7.0, 9.0, Duration.ofDays(7)), new CvssBand(4.0, 7.0, Duration.ofDays(30))));

  /** Published 1 Nov 00:00 UTC, judged 216 h later; "-" = not patched yet. */
  @ParameterizedTest(name = "CVSS {0} patched after {1} h -> {2}, deadline {3} h, late by {4} h")
  @CsvSource({
    "9.8, 47, ON_TIME, 48, 0",
    "9.8, 48, ON_TIME, 48, 0", // exactly at the deadline is on time
    "9.8, 50, LATE, 48, 2",
    "9.0, 50, LATE, 48, 2", // 9.0 sits in both bands: the stricter (higher) one wins
    "8.9, 50, ON_TIME, 168, 0",
    "10.0, 24, ON_TIME, 48, 0",
    "7.5, -, OVERDUE, 168, 48",
    "5.0, -, OPEN, 720, 0",
  })
  void eachCveIsJudgedByItsBandsDeadline(double cvss, String patchedAfterHours, PatchStatus status, long deadlineHours, long lateByHours) {
    Instant patched = patchedAfterHours.equals("-") ? null : PUBLISHED.plus(Duration.ofHours(Long.parseLong(patchedAfterHours)));
    PatchFinding f = POLICY.evaluate(List.of(new CveExposure("CVE-2026-0001", "gpu-driver", PUBLISHED, cvss, patched)), NOW).get(0);
    assertThat(f.status()).isEqualTo(status);
    assertThat(f.deadline()).isEqualTo(PUBLISHED.plus(Duration.ofHours(deadlineHours)));
    assertThat(f.lateBy()).isEqualTo(Duration.ofHours(lateByHours));
  }

  @Test
  void aScoreNoBandCoversHasNoDeadline() {
    PatchFinding f = POLICY.evaluate(List.of(new CveExposure("CVE-2026-0002", "kernel", PUBLISHED, 2.0, null)), NOW).get(0);
    assertThat(f.status()).isEqualTo(PatchStatus.NO_DEADLINE);
    assertThat(f.deadline()).isNull();
  }

  @Test
  void badScoresBandsAndPatchTimesAreRejected() {
    assertThatThrownBy(() -> new CveExposure("CVE-1", "kernel", PUBLISHED, 11, null)).hasMessageContaining("Illegal CVSS score 11.0 for CVE-1");
    assertThatThrownBy(() -> new CveExposure("CVE-1", "kernel", PUBLISHED, 9, PUBLISHED.minusSeconds(1))).hasMessageContaining("before published");
    assertThatThrownBy(() -> new CvssBand(9, 7, Duration.ofDays(1))).hasMessageContaining("Illegal CVSS band 9.0–7.0");
    assertThatThrownBy(() -> new CvssBand(9, 10, Duration.ZERO)).hasMessageContaining("Illegal patch deadline PT0S");
  }
}
