package io.slamon.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreditTableTest {
  // below 99.9 %: 10 %, below 99.5 %: 25 %, below 99 %: 50 %, below 95 %: 100 % (rows given out of order)
  private static final CreditTable TABLE =
      new CreditTable(List.of(new CreditTier(0.99, 0.5), new CreditTier(0.999, 0.1), new CreditTier(0.95, 1.0), new CreditTier(0.995, 0.25)));

  @ParameterizedTest(name = "attainment {0} owes {1}")
  @CsvSource({
    "1.0, 0.0",
    "0.9995, 0.0",
    "0.999, 0.0", // exactly the threshold meets it: "below" is strict
    "0.99899, 0.1",
    "0.995, 0.1",
    "0.9949, 0.25",
    "0.99, 0.25",
    "0.9899, 0.5",
    "0.95, 0.5",
    "0.5, 1.0",
    "0.0, 1.0",
    "NaN, 0.0", // no data: no credit can be computed
  })
  void theMostSevereRowReachedApplies(double attainment, double credit) {
    assertThat(TABLE.creditShare(attainment)).isEqualTo(credit);
  }

  @Test
  void aPeriodsAttainmentChoosesItsRow() {
    TimeInterval october = SlaPeriods.containing(new SloWindow.Calendar(1, ZoneId.of("Europe/Berlin")), Instant.parse("2026-10-15T00:00:00Z"));
    TimeInterval outage = new TimeInterval(october.start(), october.start().plusSeconds(90 * 60));
    double attainment = AvailabilityPeriod.evaluate(october, List.of(outage), List.of(), List.of()).attainment();
    // 745 h October, 90 minutes down: 0.997987 -> below 99.9 % but not below 99.5 %
    assertThat(attainment).isEqualTo((745 * 60 - 90) / (745.0 * 60));
    assertThat(TABLE.applicable(attainment)).contains(new CreditTier(0.999, 0.1));
    assertThat(TABLE.tiers()).extracting(CreditTier::attainmentBelow).containsExactly(0.999, 0.995, 0.99, 0.95);
  }

  @Test
  void inconsistentTablesAreRejected() {
    assertThatThrownBy(() -> new CreditTable(List.of(new CreditTier(0.999, 0.25), new CreditTier(0.99, 0.1))))
        .hasMessageContaining("Credit table is not monotonic: below 0.99 owes 0.1, less than 0.25 owed below 0.999");
    assertThatThrownBy(() -> new CreditTable(List.of(new CreditTier(0.99, 0.1), new CreditTier(0.99, 0.2)))).hasMessageContaining("two rows for attainment below 0.99");
    assertThatThrownBy(() -> new CreditTier(99.9, 0.1)).hasMessageContaining("a ratio, 0.999 = 99.9 %");
    assertThatThrownBy(() -> new CreditTier(0.999, 10)).hasMessageContaining("a ratio of the fee");
  }
}
