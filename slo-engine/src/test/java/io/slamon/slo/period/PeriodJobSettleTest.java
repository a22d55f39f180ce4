package io.slamon.slo.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeriodJobSettleTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  /** October 2026 ends 2026-11-01T00:00 CET = 2026-10-31T23:00Z; it settles two days later. */
  @ParameterizedTest(name = "{0} at {1}: settled {2}")
  @CsvSource({
    "2026-10, 2026-10-31T22:59:59Z, false",
    "2026-10, 2026-11-02T22:59:59Z, false",
    "2026-10, 2026-11-02T23:00:00Z, true",
    "2026-10, 2026-12-15T00:00:00Z, true",
    "2026-11, 2026-11-24T00:00:00Z, false",
  })
  void aClosedMonthSettlesTwoDaysAfterItsEndInTheContractsTimeZone(String month, String now, boolean settled) {
    assertThat(PeriodJob.settled(YearMonth.parse(month), BERLIN, Instant.parse(now))).isEqualTo(settled);
  }
}
