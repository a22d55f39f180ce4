package io.slamon.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import io.slamon.store.Event;
import io.slamon.store.Sample;
import io.slamon.store.SharedEmbeddedPostgres;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Component availability end to end: {@code up} samples written through the real sample writer
 * (so the rollups are the ones the collector's writes produce), evaluated by the engine with the raw
 * samples table hidden. The control plane has two API servers: cp-1 belongs to the tenant and fails
 * one scrape in minute 10; cp-2 is scraped without a tenant (provider scope) and is down for the
 * whole of minutes 30, 31 and 32. Another tenant's API server is down all the time and must never
 * count. Four scrapes a minute, from five minutes before T0 to minute 60.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComponentAvailabilityIT {
  // Sunday 1 March 2026, 02:00 UTC
  private static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");
  private static final String TENANT = "acme";

  private DatabaseSettings settings;
  private Database db;
  private SliSource engine;

  @BeforeAll
  void writeScrapes() {
    settings = SharedEmbeddedPostgres.freshDatabase();
    db = Database.open(settings, msg -> {});
    engine = new BuiltInSlis(db.rollupReader(), db.eventStore(), new StoredSliSource(db.rollupReader()));
    for (int minute = -5; minute < 60; minute++) {
      List<Sample> scrapes = new ArrayList<>(); // one batch per minute, in time order, as the collector writes
      for (int s = 5; s < 60; s += 15) {
        long t = T0.plusSeconds(60L * minute + s).toEpochMilli();
        scrapes.add(new Sample(TENANT, "up", Map.of("job", "apiserver", "instance", "cp-1"), t, minute == 10 && s == 20 ? 0 : 1));
        scrapes.add(new Sample(null, "up", Map.of("job", "apiserver", "instance", "cp-2"), t, minute >= 30 && minute <= 32 ? 0 : 1));
        scrapes.add(new Sample("other", "up", Map.of("job", "apiserver", "instance", "cp-9"), t, 0));
        scrapes.add(new Sample(TENANT, "up", Map.of("job", "vllm", "instance", "vllm-1"), t, 0)); // another job: not the component
      }
      db.sampleStore().write(scrapes);
    }
  }

  @AfterAll
  void close() {
    db.close();
    SharedEmbeddedPostgres.drop(settings);
  }

  private static SloDefinition controlPlane(BudgetingMethod method, Duration slice) {
    return new SloDefinition(TENANT, "acme-control-plane", SliKind.COMPONENT_AVAILABILITY, 0, 0.999, new SloWindow.Rolling(Duration.ofDays(30)))
        .withParams(Map.of("component", "control-plane"))
        .withBudgeting(method, method == BudgetingMethod.TIMESLICES ? 1.0 : Double.NaN, slice);
  }

  /** Window in minutes after T0; slices as "up/minutes" (- = no data); attainment of the method over the window. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "all up                                            | 0  | 10 | 5 | OCCURRENCES      | 5/5 5/5         | 1.0",
        "one failed scrape makes its minute down           | 0  | 20 | 5 | OCCURRENCES      | 5/5 5/5 4/5 5/5 | 0.95",
        "a down minute inside a slice makes it bad (target 1) | 0 | 20 | 5 | TIMESLICES     | 5/5 5/5 4/5 5/5 | 0.75",
        "ratio timeslices average the slices' shares       | 0  | 20 | 10 | RATIO_TIMESLICES | 10/10 9/10     | 0.95",
        "the provider's API server down counts for the tenant | 25 | 40 | 5 | OCCURRENCES    | 5/5 2/5 5/5     | 0.8",
        "no data before the first scrape                   | -30 | -10 | 5 | OCCURRENCES     | - - - -         | NaN",
      })
  void attainmentFromTheRollupsOfTheWrittenScrapes(String why, int from, int to, int sliceMinutes, BudgetingMethod method, String slices,
      double attainment) {
    SloDefinition slo = controlPlane(method, Duration.ofMinutes(sliceMinutes));
    Instant start = T0.plusSeconds(60L * from);
    Instant end = T0.plusSeconds(60L * to);
    List<SliCounts> counts = RawSamplesHidden.during(db, () -> engine.sliceCounts(slo, start, end, slo.timeSliceWindow()));
    assertThat(format(counts)).as(why).isEqualTo(slices);
    SloResult result = RawSamplesHidden.during(db, () -> new SloEvaluator(engine, InstantSource.fixed(end)).evaluate(new SloDefinition(slo.tenant(), slo.name(), slo.kind(), 0, 0.999, new SloWindow.Rolling(Duration.ofMinutes(to - from)),
        slo.budgeting(), slo.timeSliceTarget(), slo.timeSliceWindow(), slo.params())));
    assertThat(Double.valueOf(result.attainment())).as(why).isEqualTo(Double.valueOf(attainment));
  }

  /**
   * Maintenance of the control plane in minutes after T0 (the agreed window is Sundays 02:30–03:00
   * UTC = minutes 30–60, one day's notice); announced = how many hours ahead ("-" = never). The
   * provider's API server is down in minutes 30, 31 and 32; the window is minutes 25–39 (15 minutes)
   * and its 5-minute slices. Each case is its own tenant, so their events do not meet.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "announced 48 h ahead, held to plan: its minutes leave the denominator | m-plan    | 48 | 30 | 33 | 30 | 33 | 12/12 | 5/5 2/2 5/5",
        "ends at the announced end exactly: nothing more counts (boundary)    | m-exact   | 48 | 30 | 32 | 30 | 32 | 12/13 | 5/5 2/3 5/5",
        "overran the announced end by a minute: the overrun minute counts     | m-overrun | 48 | 30 | 32 | 30 | 33 | 12/13 | 5/5 2/3 5/5",
        "announced 12 h ahead, too late for a day's notice: counts in full     | m-late    | 12 | 30 | 33 | 30 | 33 | 12/15 | 5/5 2/5 5/5",
        "never announced: counts in full                                       | m-none    | -  | 30 | 33 | 30 | 33 | 12/15 | 5/5 2/5 5/5",
      })
  void announcedMaintenanceLeavesTheDenominatorAndItsOverrunCounts(String why, String tenant, String aheadHours, int plannedFrom,
      int plannedTo, int startedAt, int endedAt, String counts, String slices) {
    var agreed = new MaintenanceExclusions.AgreedWindow(
        new AgreedMaintenanceWindow(DayOfWeek.SUNDAY, LocalTime.of(2, 30), Duration.ofMinutes(30), ZoneOffset.UTC), Duration.ofDays(1));
    if (!aheadHours.equals("-")) {
      event(tenant, tenant + "-a", "maintenance.announced", minute(plannedFrom).minus(Duration.ofHours(Long.parseLong(aheadHours))),
          Map.of("maintenanceId", tenant, "plannedStart", minute(plannedFrom).toString(), "plannedEnd", minute(plannedTo).toString()));
    }
    event(tenant, tenant + "-s", "maintenance.started", minute(startedAt), Map.of("maintenanceId", tenant));
    event(tenant, tenant + "-e", "maintenance.ended", minute(endedAt), Map.of("maintenanceId", tenant));
    SliSource aware = new MaintenanceAwareSliSource(engine,
        new MaintenanceExclusions(db.eventStore(), t -> List.of(agreed), InstantSource.fixed(T0.plusSeconds(3600))));
    SloDefinition slo = new SloDefinition(tenant, tenant + "-control-plane", SliKind.COMPONENT_AVAILABILITY, 0, 0.999,
        new SloWindow.Rolling(Duration.ofDays(30))).withParams(Map.of("component", "control-plane"));
    SliCounts total = RawSamplesHidden.during(db, () -> aware.counts(slo, minute(25), minute(40)));
    assertThat(format(List.of(total))).as(why).isEqualTo(counts);
    assertThat(format(RawSamplesHidden.during(db, () -> aware.sliceCounts(slo, minute(25), minute(40), Duration.ofMinutes(5)))))
        .as(why).isEqualTo(slices);
  }

  private static Instant minute(int m) {
    return T0.plusSeconds(60L * m);
  }

  @Test
  void anotherTenantsComponentSeriesNeverCount() {
    SloDefinition other = new SloDefinition("initech", "initech-cp", SliKind.COMPONENT_AVAILABILITY, 0, 0.999,
        new SloWindow.Rolling(Duration.ofDays(1))).withParams(Map.of("component", "control-plane"));
    // initech has no series of its own: it sees only the provider's cp-2, never acme's cp-1 or other's cp-9
    assertThat(engine.counts(other, T0, T0.plusSeconds(20 * 60))).isEqualTo(new SliCounts(20, 20));
    SloDefinition byInstance = other.withParams(Map.of("component", "control-plane", "selector", "up{job=\"apiserver\",instance=\"cp-1\"}"));
    assertThat(engine.counts(byInstance, T0, T0.plusSeconds(20 * 60))).isEqualTo(SliCounts.NONE);
  }

  @Test
  void aSelectorOverridesTheComponentsSeries() {
    SloDefinition vllm = controlPlane(BudgetingMethod.OCCURRENCES, Duration.ofMinutes(1))
        .withParams(Map.of("component", "control-plane", "selector", "up{job=\"vllm\"}"));
    assertThat(engine.counts(vllm, T0, T0.plusSeconds(10 * 60))).isEqualTo(new SliCounts(0, 10));
  }

  @Test
  void theHiddenRawTableReallyFailsARawRead() {
    // the failure injection itself: a raw read while hidden fails, so the tests above prove no raw read
    assertThatThrownBy(() -> RawSamplesHidden.during(db, () -> db.sampleStore().query(TENANT, "up", Map.of(), T0, T0.plusSeconds(60))))
        .hasMessageContaining("samples");
  }

  private void event(String tenant, String id, String type, Instant time, Map<String, Object> attributes) {
    db.eventStore().append(new Event(id, tenant, type, time, "test", attributes));
  }

  static String format(List<SliCounts> counts) {
    StringBuilder sb = new StringBuilder();
    for (SliCounts c : counts) {
      sb.append(sb.isEmpty() ? "" : " ").append(c.total() == 0 ? "-" : (long) c.good() + "/" + (long) c.total());
    }
    return sb.toString();
  }
}
