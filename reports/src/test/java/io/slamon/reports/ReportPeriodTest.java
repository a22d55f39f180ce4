package io.slamon.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @ParameterizedTest(name = "{0} in Europe/Berlin has {1} hours")
  @CsvSource({
    "2026-10, 745", // CEST -> CET on 25 Oct: one hour longer
    "2026-03, 743", // CET -> CEST on 29 Mar: one hour shorter
    "2026-11, 720",
    "2028-02, 696", // leap year
  })
  void monthLengthFollowsDaylightSavingChanges(YearMonth month, long hours) {
    assertThat(ReportPeriod.of(month, BERLIN).length().toHours()).isEqualTo(hours);
  }

  @Test
  void aMonthStartsAtLocalMidnightAndExcludesItsEnd() {
    var october = ReportPeriod.of(YearMonth.of(2026, 10), BERLIN);
    assertThat(october.start()).isEqualTo(Instant.parse("2026-09-30T22:00:00Z"));
    assertThat(october.end()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
    assertThat(october.contains(october.start())).isTrue();
    assertThat(october.contains(october.end())).isFalse();
  }
}
