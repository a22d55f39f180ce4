package io.slamon.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecoveryObjectivesTest {
  private static final Instant DAY = Instant.parse("2026-11-01T00:00:00Z");
  private static final TimeInterval PERIOD = new TimeInterval(DAY, DAY.plus(Duration.ofDays(1)));
  private static final Duration RPO = Duration.ofHours(1);

  /** Backups as minutes after the period start (negative: before it); RPO 1 h over one day. */
  @ParameterizedTest(name = "backups at {0} -> {1} min in violation, worst age {2} min")
  @CsvSource({
    "-30 30 180 1410, 1260, 1230", // 01:30-03:00 and 04:00-23:30 stale; 03:00 backup was 150 min old, 23:30 one 1230
    "-60 0 60 120, 1260, 1320", // covered until 03:00 (hourly backups age exactly 1 h when replaced), then stale
    "120, 1380, 1320", // nothing before the period: the first two hours count as violation
    "-10 1500, 1390, 1450", // the backup after the period is ignored
    "'', 1440, -1", // never backed up: all day in violation, no age at all
  })
  void rpoViolationMinutesAndWorstAge(String backups, double violationMinutes, double worstAgeMinutes) {
    RpoResult r = RecoveryObjectives.rpo(PERIOD, RPO, backups(backups));
    assertThat(r.violationMinutes()).isCloseTo(violationMinutes, within(1e-6));
    if (worstAgeMinutes < 0) {
      assertThat(r.worstAge()).isEmpty();
    } else {
      assertThat(Minutes.of(r.worstAge().orElseThrow())).isCloseTo(worstAgeMinutes, within(1e-6));
    }
  }

  @Test
  void backupsEveryHalfHourMeetTheRpo() {
    List<Instant> backups = new ArrayList<>();
    for (Instant t = DAY.minus(Duration.ofMinutes(30)); t.isBefore(PERIOD.end()); t = t.plus(Duration.ofMinutes(30))) {
      backups.add(t);
    }
    RpoResult r = RecoveryObjectives.rpo(PERIOD, RPO, backups);
    assertThat(r.met()).isTrue();
    assertThat(r.worstAge()).contains(Duration.ofMinutes(30));
    assertThat(r.violationIntervals()).isEmpty();
  }

  @Test
  void aBackupOneSecondLateViolatesForOneSecond() {
    List<Instant> hourly = new ArrayList<>();
    for (int h = -1; h < 24; h++) {
      hourly.add(DAY.plus(Duration.ofHours(h)).plusSeconds(h == 5 ? 1 : 0));
    }
    RpoResult r = RecoveryObjectives.rpo(PERIOD, RPO, hourly);
    assertThat(r.violation()).isEqualTo(Duration.ofSeconds(1));
    assertThat(r.violationIntervals()).containsExactly(new TimeInterval(DAY.plus(Duration.ofHours(5)), DAY.plus(Duration.ofHours(5)).plusSeconds(1)));
    assertThat(r.worstAge()).contains(Duration.ofHours(1).plusSeconds(1));
  }

  @Test
  void violationIntervalsAreTheEvidence() {
    RpoResult r = RecoveryObjectives.rpo(PERIOD, RPO, backups("-30 30 180 1410"));
    assertThat(r.violationIntervals())
        .containsExactly(
            new TimeInterval(DAY.plus(Duration.ofMinutes(90)), DAY.plus(Duration.ofMinutes(180))),
            new TimeInterval(DAY.plus(Duration.ofMinutes(240)), DAY.plus(Duration.ofMinutes(1410))));
  }

  @ParameterizedTest(name = "restore of {0} min, succeeded={1} -> met {2}, exceeded by {3} min")
  @CsvSource({"180, true, true, 0", "240, true, true, 0", "241, true, false, 1", "60, false, false, 0", "300, false, false, 60"})
  void restoresAreJudgedAgainstTheRto(long minutes, boolean succeeded, boolean met, long exceededMinutes) {
    RestoreRecord restore = new RestoreRecord("model-registry", "restore-test-42", new TimeInterval(DAY, DAY.plus(Duration.ofMinutes(minutes))), succeeded);
    RtoCheck check = RecoveryObjectives.rto(Duration.ofHours(4), List.of(restore)).get(0);
    assertThat(check.met()).isEqualTo(met);
    assertThat(check.exceededBy()).isEqualTo(Duration.ofMinutes(exceededMinutes));
    assertThat(check.restore().evidence()).isEqualTo("restore-test-42");
  }

  @Test
  void nonPositiveObjectivesAreRejected() {
    assertThatThrownBy(() -> RecoveryObjectives.rpo(PERIOD, Duration.ZERO, List.of())).hasMessageContaining("Illegal RPO PT0S: expecting a positive duration");
    assertThatThrownBy(() -> RecoveryObjectives.rto(Duration.ofHours(-1), List.of())).hasMessageContaining("Illegal RTO PT-1H");
  }

  private static List<Instant> backups(String minutes) {
    if (minutes.isBlank()) {
      return List.of();
    }
    return Arrays.stream(minutes.trim().split("\\s+")).map(m -> DAY.plusNanos(Math.round(Double.parseDouble(m) * 60e9))).toList();
  }
}
