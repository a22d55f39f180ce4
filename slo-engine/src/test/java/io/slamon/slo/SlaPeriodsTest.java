package io.slamon.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlaPeriodsTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @ParameterizedTest(name = "{1}-month period containing {0}: {2} .. {3} = {4} h")
  @CsvSource({
    "2026-03-15T12:00:00Z, 1, 2026-02-28T23:00:00Z, 2026-03-31T22:00:00Z, 743", // spring forward
    "2026-10-15T12:00:00Z, 1, 2026-09-30T22:00:00Z, 2026-10-31T23:00:00Z, 745", // fall back
    "2026-11-30T22:59:59Z, 1, 2026-10-31T23:00:00Z, 2026-11-30T23:00:00Z, 720",
    "2026-02-01T00:00:00Z, 3, 2025-12-31T23:00:00Z, 2026-03-31T22:00:00Z, 2159", // Q1 loses the spring hour
    "2026-11-24T12:00:00Z, 3, 2026-09-30T22:00:00Z, 2026-12-31T23:00:00Z, 2209", // Q4 gains the autumn hour
  })
  void calendarPeriodsRunFromLocalMidnightToLocalMidnight(Instant at, int months, Instant start, Instant end, long hours) {
    TimeInterval period = SlaPeriods.containing(new SloWindow.Calendar(months, BERLIN), at);
    assertThat(period).isEqualTo(new TimeInterval(start, end));
    assertThat(period.length()).isEqualTo(Duration.ofHours(hours));
  }

  @Test
  void thePreviousPeriodIsTheOneAMonthlyReportCovers() {
    TimeInterval october = SlaPeriods.previous(new SloWindow.Calendar(1, BERLIN), Instant.parse("2026-11-03T08:00:00Z"));
    assertThat(october).isEqualTo(new TimeInterval(Instant.parse("2026-09-30T22:00:00Z"), Instant.parse("2026-10-31T23:00:00Z")));
    assertThat(october.minutes()).isEqualTo(745 * 60.0);
  }

  @Test
  void weeklyAgreedWindowsAreExpandedInLocalTime() {
    AgreedMaintenanceWindow sunday = new AgreedMaintenanceWindow(DayOfWeek.SUNDAY, LocalTime.of(2, 0), Duration.ofHours(4), BERLIN);
    TimeInterval november = SlaPeriods.containing(new SloWindow.Calendar(1, BERLIN), Instant.parse("2026-11-15T00:00:00Z"));
    assertThat(sunday.occurrencesIn(november))
        .hasSize(5)
        .first()
        .isEqualTo(new TimeInterval(Instant.parse("2026-11-01T01:00:00Z"), Instant.parse("2026-11-01T05:00:00Z")));
    // 25 Oct 2026: 02:00 happens twice; the window starts at the first (CEST) and ends 06:00 CET: 5 real hours
    TimeInterval october = SlaPeriods.containing(new SloWindow.Calendar(1, BERLIN), Instant.parse("2026-10-15T00:00:00Z"));
    assertThat(sunday.occurrencesIn(october))
        .contains(new TimeInterval(Instant.parse("2026-10-25T00:00:00Z"), Instant.parse("2026-10-25T05:00:00Z")))
        .hasSize(4);
  }

  @Test
  void aWindowRunningIntoThePeriodIsClippedToIt() {
    AgreedMaintenanceWindow saturdayNight = new AgreedMaintenanceWindow(DayOfWeek.SATURDAY, LocalTime.of(22, 0), Duration.ofHours(6), BERLIN);
    // Sat 31 Oct 22:00 CET .. Sun 1 Nov 04:00 CET; November starts at Sun 00:00 CET
    TimeInterval november = SlaPeriods.containing(new SloWindow.Calendar(1, BERLIN), Instant.parse("2026-11-15T00:00:00Z"));
    assertThat(saturdayNight.occurrencesIn(november).get(0)).isEqualTo(new TimeInterval(Instant.parse("2026-10-31T23:00:00Z"), Instant.parse("2026-11-01T03:00:00Z")));
  }

  @Test
  void badWindowsAndIntervalsAreRejected() {
    assertThatThrownBy(() -> new AgreedMaintenanceWindow(DayOfWeek.SUNDAY, LocalTime.NOON, Duration.ZERO, BERLIN)).hasMessageContaining("Illegal maintenance window length");
    assertThatThrownBy(() -> new TimeInterval(Instant.parse("2026-11-02T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z"))).hasMessageContaining("the end is before the start");
  }
}
