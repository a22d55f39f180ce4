package io.slamon.slo.period;

import io.slamon.store.Sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.slamon.slo.CreditTable;
import io.slamon.slo.CreditTier;
import io.slamon.slo.SliCounts;
import io.slamon.slo.SliKind;
import io.slamon.slo.SloDefinition;
import io.slamon.slo.SloWindow;
import io.slamon.slo.TimeInterval;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodCalculatorTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final YearMonth OCTOBER = YearMonth.of(2026, 10);

  @Test
  void octoberInBerlinHas745HoursAndAnHourOfOutageCostsItsShareOfThem() {
    PeriodResult r = PeriodCalculator.compute(inputs(List.of(hour("2026-10-12T10:00:00Z")), List.of(), List.of()));
    assertThat(r.availability().periodMinutes()).isEqualTo(745 * 60.0);
    assertThat(r.availability().downtimeMinutes()).isEqualTo(60.0);
    assertThat(r.availability().attainment()).isCloseTo(1 - 60.0 / (745 * 60), within(1e-12));
    assertThat(r.start()).isEqualTo("2026-09-30T22:00:00Z");
    assertThat(r.end()).isEqualTo("2026-10-31T23:00:00Z");
  }

  @Test
  void theCreditTableAppliesTheMostSevereRowTheAttainmentFallsBelow() {
    // 8 hours down: 98.93 % < 99.0 % → 15 %, not the 5 % of the 99.9 % row
    var outage = new TimeInterval(Instant.parse("2026-10-12T00:00:00Z"), Instant.parse("2026-10-12T08:00:00Z"));
    PeriodResult r = PeriodCalculator.compute(inputs(List.of(outage), List.of(), List.of()));
    assertThat(r.availability().met()).isFalse();
    assertThat(r.availability().creditPercent()).isEqualTo(15.0);
  }

  @Test
  void announcedMaintenanceInsideTheAgreedWindowIsExcludedAndNotDowntime() {
    var window = new TimeInterval(Instant.parse("2026-10-13T00:00:00Z"), Instant.parse("2026-10-13T02:00:00Z"));
    var planned = new TimeInterval(Instant.parse("2026-10-13T00:00:00Z"), Instant.parse("2026-10-13T01:00:00Z"));
    var m = new PeriodInputs.MaintenanceFact("mw-1", Instant.parse("2026-10-01T00:00:00Z"), planned, Instant.parse("2026-10-13T00:10:00Z"),
        Instant.parse("2026-10-13T00:40:00Z"), Duration.ofDays(5));
    PeriodResult r = PeriodCalculator.compute(inputs(List.of(), List.of(m), List.of(window)));
    assertThat(r.availability().excludedMinutes()).isEqualTo(30.0);
    assertThat(r.availability().downtimeMinutes()).isZero();
    assertThat(r.maintenance()).singleElement().satisfies(e -> {
      assertThat(e.announcedInTime()).isTrue();
      assertThat(e.insideAgreedWindow()).isTrue();
      assertThat(e.heldToPlan()).isTrue();
    });
  }

  @Test
  void maintenanceAnnouncedTooLateCountsAsDowntime() {
    var window = new TimeInterval(Instant.parse("2026-10-13T00:00:00Z"), Instant.parse("2026-10-13T02:00:00Z"));
    var planned = new TimeInterval(Instant.parse("2026-10-13T00:00:00Z"), Instant.parse("2026-10-13T01:00:00Z"));
    var m = new PeriodInputs.MaintenanceFact("mw-2", Instant.parse("2026-10-12T00:00:00Z"), planned, Instant.parse("2026-10-13T00:10:00Z"),
        Instant.parse("2026-10-13T00:40:00Z"), Duration.ofDays(5));
    PeriodResult r = PeriodCalculator.compute(inputs(List.of(), List.of(m), List.of(window)));
    assertThat(r.availability().excludedMinutes()).isZero();
    assertThat(r.availability().downtimeMinutes()).isEqualTo(30.0);
  }

  @Test
  void theBurnDownSpendsTheMonthsBudgetDayByDayAndWorstDaysAreTheLowest() {
    PeriodResult r = PeriodCalculator.compute(inputs(List.of(), List.of(), List.of()));
    var slo = r.slos().get(0);
    // 31 days × 1000 requests, objective 99 %: budget 310 bad; day 5 had 100 bad, day 20 had 31
    assertThat(slo.errorBudgetTotal()).isCloseTo(310, within(1e-9));
    assertThat(slo.daily()).hasSize(31);
    assertThat(slo.daily().get(3).budgetLeft()).isEqualTo(1.0);
    assertThat(slo.daily().get(4).budgetLeft()).isCloseTo(1 - 100 / 310.0, within(1e-9));
    assertThat(slo.daily().get(30).budgetLeft()).isCloseTo(1 - 131 / 310.0, within(1e-9));
    assertThat(slo.errorBudgetLeft()).isCloseTo(1 - 131 / 310.0, within(1e-9));
    assertThat(slo.worstDays()).extracting(PeriodResult.DayPoint::date).containsExactly("2026-10-05", "2026-10-20");
    assertThat(slo.met()).isTrue();
  }

  @Test
  void canonicalJsonIsStableAndReadsBackToTheSameResult() {
    PeriodResult r = PeriodCalculator.compute(inputs(List.of(hour("2026-10-12T10:00:00Z")), List.of(), List.of()));
    String json = PeriodJson.write(r);
    assertThat(PeriodJson.write(PeriodJson.read(json))).isEqualTo(json);
    assertThat(json).startsWith("{\"availability\":{").doesNotContain("NaN", " ", "E-");
    assertThat(Sha256.hex(json)).hasSize(64).isEqualTo(Sha256.hex(PeriodJson.write(r)));
  }

  static TimeInterval hour(String start) {
    Instant s = Instant.parse(start);
    return new TimeInterval(s, s.plus(Duration.ofHours(1)));
  }

  static PeriodInputs inputs(List<TimeInterval> outages, List<PeriodInputs.MaintenanceFact> maintenance, List<TimeInterval> agreed) {
    List<LocalDate> days = new ArrayList<>();
    List<SliCounts> perDay = new ArrayList<>();
    double good = 0;
    for (int d = 1; d <= 31; d++) {
      days.add(OCTOBER.atDay(d));
      double bad = d == 5 ? 100 : d == 20 ? 31 : 0;
      perDay.add(new SliCounts(1000 - bad, 1000));
      good += 1000 - bad;
    }
    var slo = new SloDefinition("t", "t-availability", SliKind.AVAILABILITY, 0, 0.99, new SloWindow.Calendar(1, BERLIN));
    return new PeriodInputs("t", OCTOBER, BERLIN, Instant.parse("2026-11-02T00:00:00Z"), new PeriodResult.DataSnapshot("none", 0, 0, 0), "VK2",
        0.999, new CreditTable(List.of(new CreditTier(0.999, 0.05), new CreditTier(0.99, 0.15))), agreed, outages, maintenance,
        List.of(new PeriodInputs.SloFact(slo, new SliCounts(good, 31000), days, perDay)), List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(), new PeriodInputs.ScrapeFacts(0, 0, 0, 0, List.of()));
  }
}
