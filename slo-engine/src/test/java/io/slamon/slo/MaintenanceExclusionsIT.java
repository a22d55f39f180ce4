package io.slamon.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import io.slamon.store.Event;
import io.slamon.store.SharedEmbeddedPostgres;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Announced maintenance from stored events leaves the denominator of a stored evaluation;
 * unannounced and overrunning maintenance counts against it. The SLI is one request per second that
 * fails while the maintenance actually runs, so expected counts are seconds.
 */
class MaintenanceExclusionsIT {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  // agreed: Sundays 02:00-06:00 Berlin = 01:00-05:00 UTC on Sunday 8 Nov 2026; notice 48 h
  private static final MaintenanceExclusions.AgreedWindow SUNDAYS = new MaintenanceExclusions.AgreedWindow(
      new AgreedMaintenanceWindow(DayOfWeek.SUNDAY, LocalTime.of(2, 0), Duration.ofHours(4), BERLIN), Duration.ofHours(48));
  private static final Instant FROM = Instant.parse("2026-11-08T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-11-08T06:00:00Z");

  private DatabaseSettings settings;
  private Database db;

  @BeforeEach
  void open() {
    settings = SharedEmbeddedPostgres.freshDatabase();
    db = Database.open(settings, msg -> {});
  }

  @AfterEach
  void close() {
    db.close();
    SharedEmbeddedPostgres.drop(settings);
  }

  /** Times on 8 Nov 2026 UTC; "-" = unannounced. Expected total and bad in seconds. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "announced, inside the window, on time: out of the denominator | acme | 01:00 | 03:00 | 01:00:00 | 03:00:00 | 14400 | 0",
        "overran the announced end by 30 min: those count bad           | acme | 01:00 | 03:00 | 01:00:00 | 03:30:00 | 14400 | 1800",
        "ends exactly at the announced end: nothing counts (boundary)   | acme | 01:00 | 03:00 | 01:00:00 | 03:00:00 | 14400 | 0",
        "ends one second after the announced end: one second counts     | acme | 01:00 | 03:00 | 01:00:00 | 03:00:01 | 14400 | 1",
        "unannounced: every second counts bad                           | acme | -     | -     | 01:00:00 | 02:00:00 | 21600 | 3600",
        "announced provider-wide: applies to the tenant                 | -    | 01:00 | 03:00 | 01:00:00 | 03:00:00 | 14400 | 0",
        "announced for another tenant: counts bad here                  | other | 01:00 | 03:00 | 01:00:00 | 03:00:00 | 21600 | 7200",
        "announced, partly outside the agreed window (05:00 UTC)        | acme | 04:00 | 06:00 | 04:00:00 | 06:00:00 | 18000 | 3600",
      })
  void announcedMaintenanceLeavesTheDenominatorAndTheRestCounts(
      String why, String eventTenant, String plannedStart, String plannedEnd, String start, String end, double total, double bad) {
    String tenant = eventTenant.equals("-") ? null : eventTenant;
    String id = "mw-" + UUID.randomUUID();
    if (!plannedStart.equals("-")) {
      store(tenant, "maintenance.announced", Instant.parse("2026-11-04T09:00:00Z"),
          Map.of("maintenanceId", id, "plannedStart", at(plannedStart + ":00") + "", "plannedEnd", at(plannedEnd + ":00") + ""));
    }
    store(tenant, "maintenance.started", at(start), Map.of("maintenanceId", id));
    store(tenant, "maintenance.ended", at(end), Map.of("maintenanceId", id));

    TimeInterval actual = new TimeInterval(at(start), at(end));
    SliSource oneRequestPerSecond = (slo, from, to) -> {
      double seconds = Duration.between(from, to).toSeconds();
      Instant fs = from.isAfter(actual.start()) ? from : actual.start();
      Instant fe = to.isBefore(actual.end()) ? to : actual.end();
      double failing = fs.isBefore(fe) ? Duration.between(fs, fe).toSeconds() : 0;
      return new SliCounts(seconds - failing, seconds);
    };
    MaintenanceExclusions exclusions = new MaintenanceExclusions(db.eventStore(),
        t -> t.equals("acme") ? List.of(SUNDAYS) : List.of(), InstantSource.fixed(TO));
    SloDefinition slo = new SloDefinition("acme", "chat", SliKind.ERROR_RATE, 0, 0.999, new SloWindow.Rolling(Duration.ofHours(6)));
    SliCounts counts = new MaintenanceAwareSliSource(oneRequestPerSecond, exclusions).counts(slo, FROM, TO);

    assertThat(counts.total()).as(why).isCloseTo(total, within(1e-9));
    assertThat(counts.total() - counts.good()).as(why).isCloseTo(bad, within(1e-9));
    // the same through one-hour slices
    List<SliCounts> slices = new MaintenanceAwareSliSource(oneRequestPerSecond, exclusions).sliceCounts(slo, FROM, TO, Duration.ofHours(1));
    assertThat(TimeBasedSlis.sum(slices).total()).as(why).isCloseTo(total, within(1e-9));
  }

  private void store(String tenant, String type, Instant time, Map<String, Object> attributes) {
    db.eventStore().append(new Event(UUID.randomUUID().toString(), tenant, type, time, "test", attributes));
  }

  private static Instant at(String time) {
    return Instant.parse("2026-11-08T" + time + "Z");
  }
}
