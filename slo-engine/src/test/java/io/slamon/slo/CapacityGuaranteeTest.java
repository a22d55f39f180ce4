package io.slamon.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapacityGuaranteeTest {
  private static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");
  private static final List<TimeInterval> MONTH_END_CLOSE = List.of(new TimeInterval(T0, T0.plus(Duration.ofHours(2))));
  private static final CapacityGuarantee EIGHT_GPUS = new CapacityGuarantee(8, Duration.ofMinutes(5));

  @Test
  void minutesShortCountLostGpusAndMissingEvidenceInsideCriticalWindowsOnly() {
    List<CapacitySample> samples = new ArrayList<>();
    for (int m = -5; m <= 125; m++) {
      if (m >= 100 && m < 110) {
        continue; // no samples 09:40-09:49: the 09:39 sample holds until 09:44, then unknown until 09:50
      }
      int healthy = 8;
      if (m >= 30 && m < 45) {
        healthy = 7; // 15 minutes one short
      } else if (m >= 70 && m < 75) {
        healthy = 6; // 5 minutes two short
      } else if (m < 0 || m >= 120) {
        healthy = 0; // outside the critical window: irrelevant
      }
      samples.add(new CapacitySample(T0.plus(Duration.ofMinutes(m)), healthy));
    }
    CapacityResult r = EIGHT_GPUS.evaluate(MONTH_END_CLOSE, samples);
    assertThat(r.critical()).isEqualTo(Duration.ofMinutes(120));
    assertThat(r.minutesShort()).isEqualTo(15 + 5 + 6.0);
    assertThat(r.unknown()).isEqualTo(Duration.ofMinutes(6));
    assertThat(r.worstShortfall()).isEqualTo(2);
    assertThat(r.shortIntervals()).hasSize(3);
  }

  @Test
  void withoutAnySampleTheWholeWindowIsShort() {
    CapacityResult r = EIGHT_GPUS.evaluate(MONTH_END_CLOSE, List.of());
    assertThat(r.minutesShort()).isEqualTo(120.0);
    assertThat(r.unknown()).isEqualTo(Duration.ofMinutes(120));
    assertThat(r.worstShortfall()).isZero();
  }

  @Test
  void moreHealthyGpusThanReservedIsNeverShort() {
    CapacityResult r = EIGHT_GPUS.evaluate(MONTH_END_CLOSE, List.of(new CapacitySample(T0.minusSeconds(1), 12), new CapacitySample(T0.plusSeconds(200), 9)));
    // the samples cover 07:59:59-08:08:20 (the last one holds for 5 min); the rest is unknown
    assertThat(r.unknown()).isEqualTo(Duration.ofMinutes(120).minusSeconds(500));
    assertThat(r.timeShort()).isEqualTo(r.unknown());
  }

  @Test
  void badReservationsAndSamplesAreRejected() {
    assertThatThrownBy(() -> new CapacityGuarantee(0, Duration.ofMinutes(5))).hasMessageContaining("Illegal reservation of 0 GPUs");
    assertThatThrownBy(() -> new CapacityGuarantee(8, Duration.ZERO)).hasMessageContaining("Illegal staleness limit");
    assertThatThrownBy(() -> new CapacitySample(T0, -1)).hasMessageContaining("Illegal GPU count -1");
  }
}
