package io.slamon.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AvailabilityPeriodTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final SloWindow.Calendar MONTH = new SloWindow.Calendar(1, BERLIN);
  private static final TimeInterval NOVEMBER = SlaPeriods.containing(MONTH, Instant.parse("2026-11-15T00:00:00Z"));
  // agreed: Sundays 02:00-06:00 Berlin; on Sunday 8 Nov 2026 that is 01:00-05:00 UTC
  private static final AgreedMaintenanceWindow SUNDAYS = new AgreedMaintenanceWindow(DayOfWeek.SUNDAY, LocalTime.of(2, 0), Duration.ofHours(4), BERLIN);
  private static final double NOVEMBER_MINUTES = 720 * 60;

  /** Times are UTC on a given day of November 2026; "-" = not announced / no outage. */
  @ParameterizedTest(name = "[{index}] announced {1}-{2}, actual {3}-{4}, outage {5}: excluded {6}, down {7}, outside {8}")
  @CsvSource({
    // day, announced, actual, outage, excluded min, downtime min, outside-window min
    "08, 01:00:00, 03:00:00, 01:00:00, 03:00:00, -, 120, 0, 0", // announced, inside the window, on time
    "08, 01:00:00, 03:00:00, 01:00:00, 03:30:00, -, 120, 30, 0", // overran the announced end by 30 min
    "08, 01:00:00, 03:00:00, 01:00:00, 03:00:01, -, 120, 0.016666666666666666, 0", // overrun boundary: one second counts
    "08, 01:00:00, 03:00:00, 00:59:59, 03:00:00, -, 120, 0.016666666666666666, 0.016666666666666666", // started a second early, before the window too
    "08, 02:00:00, 03:00:00, 01:30:00, 03:00:00, -, 60, 30, 0", // started before its announcement, inside the window
    "08, 04:00:00, 06:00:00, 04:00:00, 06:00:00, -, 60, 60, 60", // runs beyond the contract window's end at 05:00
    "08, -, -, 01:00:00, 02:00:00, -, 0, 60, 0", // unannounced, even inside the window, counts
    "10, 01:00:00, 03:00:00, 01:00:00, 03:00:00, -, 0, 120, 120", // announced but on a Tuesday: outside the window
    "08, 01:00:00, 03:00:00, 01:00:00, 03:00:00, 02:30:00/03:30:00, 120, 30, 0", // an outage during maintenance counts only after it
    "08, -, -, 01:00:00, 01:00:00, 10:00:00/10:45:00, 0, 45, 0", // no maintenance, one outage
  })
  void maintenanceIsExcludedOnlyWhenAnnouncedAndInsideTheAgreedWindow(
      String day, String announcedStart, String announcedEnd, String actualStart, String actualEnd, String outage, double excluded, double downtime, double outside) {
    TimeInterval actual = interval(day, actualStart, actualEnd);
    Maintenance m = announcedStart.equals("-") ? Maintenance.unannounced("m1", actual) : Maintenance.announced("m1", interval(day, announcedStart, announcedEnd), actual);
    List<TimeInterval> outages = new ArrayList<>();
    if (!outage.equals("-")) {
      String[] se = outage.split("/");
      outages.add(interval(day, se[0], se[1]));
    }
    AvailabilityResult r = AvailabilityPeriod.evaluate(NOVEMBER, outages, List.of(m), SUNDAYS.occurrencesIn(NOVEMBER));
    assertThat(r.excludedMinutes()).isCloseTo(excluded, within(1e-9));
    assertThat(r.downtimeMinutes()).isCloseTo(downtime, within(1e-9));
    assertThat(Minutes.of(r.maintenanceOutsideAgreedWindows())).isCloseTo(outside, within(1e-9));
    assertThat(r.attainment()).isCloseTo((NOVEMBER_MINUTES - excluded - downtime) / (NOVEMBER_MINUTES - excluded), within(1e-12));
  }

  @Test
  void announcedMaintenanceIsExcludedFromTheDenominatorNotCountedGood() {
    Maintenance m = Maintenance.announced("m1", interval("08", "01:00:00", "05:00:00"), interval("08", "01:00:00", "05:00:00"));
    AvailabilityResult r = AvailabilityPeriod.evaluate(NOVEMBER, List.of(interval("09", "10:00:00", "10:43:12")), List.of(m), SUNDAYS.occurrencesIn(NOVEMBER));
    // 43 200 - 240 = 42 960 measured minutes; 43.2 down -> 0.99899441...
    assertThat(Minutes.of(r.measured())).isEqualTo(42_960.0);
    assertThat(r.availableMinutes()).isCloseTo(42_916.8, within(1e-9));
    assertThat(r.attainment()).isCloseTo(42_916.8 / 42_960, within(1e-12));
    // budget of 99.9 %: 42.96 minutes, overspent by 0.24 of 42.96
    assertThat(r.budgetMinutes(0.999)).isCloseTo(42.96, within(1e-9));
    assertThat(r.budgetRemaining(0.999)).isCloseTo(1 - 43.2 / 42.96, within(1e-9));
  }

  @ParameterizedTest(name = "{0}: {1} h, 44.7 min down -> {2}")
  @CsvSource({
    "2026-10-15T00:00:00Z, 745, 0.999", // 44 700 min, 44.7 down = exactly the 99.9 % budget
    "2026-03-15T00:00:00Z, 743, 0.9989973082099596", // 1 - 44.7 / 44 580
    "2026-11-15T00:00:00Z, 720, 0.9989652777777778", // 1 - 44.7 / 43 200
  })
  void dstMonthsHave745Or743Hours(Instant at, long hours, double attainment) {
    TimeInterval period = SlaPeriods.containing(MONTH, at);
    Instant outageStart = period.start().plus(Duration.ofDays(3));
    TimeInterval outage = new TimeInterval(outageStart, outageStart.plusSeconds(44 * 60 + 42));
    AvailabilityResult r = AvailabilityPeriod.evaluate(period, List.of(outage), List.of(), List.of());
    assertThat(r.periodMinutes()).isEqualTo(hours * 60.0);
    assertThat(r.attainment()).isCloseTo(attainment, within(1e-9));
  }

  @Test
  void outagesOutsideThePeriodAreCutAndOverlappingOnesCountOnce() {
    TimeInterval before = new TimeInterval(NOVEMBER.start().minusSeconds(3600), NOVEMBER.start().plusSeconds(600));
    AvailabilityResult r =
        AvailabilityPeriod.evaluate(NOVEMBER, List.of(before, interval("09", "10:00:00", "11:00:00"), interval("09", "10:30:00", "11:30:00")), List.of(), List.of());
    assertThat(r.downtimeMinutes()).isEqualTo(10 + 90.0);
    assertThat(r.downtimeIntervals()).hasSize(2);
  }

  @Test
  void aWhollyExcludedPeriodHasNoAttainment() {
    TimeInterval hour = interval("08", "01:00:00", "02:00:00");
    AvailabilityResult r = AvailabilityPeriod.evaluate(hour, List.of(), List.of(Maintenance.announced("m", hour, hour)), List.of(hour));
    assertThat(r.attainment()).isNaN();
    assertThat(r.budgetRemaining(0.999)).isEqualTo(1.0);
  }

  private static TimeInterval interval(String day, String from, String to) {
    return new TimeInterval(Instant.parse("2026-11-" + day + "T" + from + "Z"), Instant.parse("2026-11-" + day + "T" + to + "Z"));
  }
}
