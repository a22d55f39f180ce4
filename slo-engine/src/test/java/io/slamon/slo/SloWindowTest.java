package io.slamon.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SloWindowTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @ParameterizedTest(name = "{1}-month window at {0} starts {2}")
  @CsvSource({
    "2026-11-24T12:00:00Z, 1, 2026-10-31T23:00:00Z", // 1 Nov 00:00 CET
    "2026-10-31T22:59:59Z, 1, 2026-09-30T22:00:00Z", // still October in Berlin (CEST start)
    "2026-10-31T23:00:00Z, 1, 2026-10-31T23:00:00Z", // first instant of November
    "2026-11-24T12:00:00Z, 3, 2026-09-30T22:00:00Z", // Q4 starts 1 Oct 00:00 CEST
    "2026-02-10T08:00:00Z, 12, 2025-12-31T23:00:00Z",
  })
  void calendarWindowsStartAtLocalMidnightOfThePeriod(Instant now, int months, Instant start) {
    assertThat(new SloWindow.Calendar(months, BERLIN).startFor(now)).isEqualTo(start);
  }

  @ParameterizedTest(name = "{1}-month window in {3} at {0} starts {2}")
  @CsvSource({
    "2026-03-08T12:00:00Z, 1, 2026-03-01T05:00:00Z, America/New_York", // EST midnight; DST starts 8 Mar
    "2026-11-30T04:59:59Z, 1, 2026-11-01T04:00:00Z, America/New_York", // still November locally, EDT midnight
    "2026-04-01T10:00:00Z, 3, 2026-03-31T18:30:00Z, Asia/Kolkata", // +05:30, Q2
    "2026-10-04T12:00:00Z, 1, 2026-09-30T14:00:00Z, Australia/Sydney", // AEST midnight; DST starts 4 Oct
    "2026-01-15T00:00:00Z, 12, 2026-01-01T00:00:00Z, UTC",
  })
  void calendarWindowsFollowAnyIanaZone(Instant now, int months, Instant start, String zone) {
    assertThat(new SloWindow.Calendar(months, ZoneId.of(zone)).startFor(now)).isEqualTo(start);
  }

  @Test
  void rollingWindowsEndNowAndMustBePositive() {
    Instant now = Instant.parse("2026-11-24T12:00:00Z");
    assertThat(new SloWindow.Rolling(Duration.ofDays(28)).startFor(now)).isEqualTo(Instant.parse("2026-10-27T12:00:00Z"));
    assertThatThrownBy(() -> new SloWindow.Rolling(Duration.ZERO)).hasMessageContaining("expecting a positive duration");
    assertThatThrownBy(() -> new SloWindow.Calendar(2, BERLIN)).hasMessageContaining("expecting 1, 3 or 12");
  }
}
