package io.slamon.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.core.Severity;
import io.slamon.incident.clock.ClockPlanner;
import io.slamon.incident.clock.EscalationPolicy;
import io.slamon.incident.clock.Escalations;
import io.slamon.incident.clock.RuleBook;
import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import io.slamon.store.IncidentRecord;
import io.slamon.store.Sample;
import io.slamon.store.SharedEmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** NIS2 significance flagged on running incidents from samples really stored (and rolled up) in PostgreSQL. */
class Nis2WatchIT {
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  private static final Scope PROVIDER = Scope.provider();

  private DatabaseSettings settings;
  private Database db;
  private final AtomicReference<Instant> now = new AtomicReference<>(T0.plus(Duration.ofMinutes(5)));
  private IncidentService service;
  private Nis2Watch watch;

  @BeforeEach
  void openDatabase() {
    settings = SharedEmbeddedPostgres.freshDatabase();
    db = Database.open(settings, msg -> {});
    var clocks = new RegulatoryClocks(db.incidentStore(), db.clockStore(), db.auditLog(), new ClockPlanner(RuleBook.DEFAULT),
        new Escalations(EscalationPolicy.DEFAULT),
        tenant -> new RegulatoryClocks.TenantClockSettings(ZoneId.of("Europe/Berlin"), Duration.ofHours(24)), now::get);
    service = new IncidentService(db.incidentStore(), db.auditLog(), clocks, now::get);
    watch = new Nis2Watch(db.incidentStore(), db.auditLog(), new AvailabilityMinutes(db.rollupReader()),
        Set.of("stadtwerke-nord")::contains, now::get);
  }

  @AfterEach
  void closeDatabase() {
    db.close();
    SharedEmbeddedPostgres.drop(settings);
  }

  /** A counter scraped every 30 s from one minute before T0, increasing by {@code perMinute(i)} in minute i. */
  private void counter(String tenant, String status, int minutes, IntToDoubleFunction perMinute) {
    List<Sample> samples = new ArrayList<>();
    double value = 0;
    Map<String, String> labels = Map.of("job", "vllm", "status", status);
    samples.add(new Sample(tenant, "http_requests_total", labels, T0.minusSeconds(30).toEpochMilli(), value));
    for (int i = 0; i < minutes; i++) {
      double step = perMinute.applyAsDouble(i) / 2;
      for (int half = 0; half < 2; half++) {
        value += step;
        samples.add(new Sample(tenant, "http_requests_total", labels, T0.plusSeconds(60L * i + 30L * half).toEpochMilli(), value));
      }
    }
    db.sampleStore().write(samples);
  }

  private IncidentRecord incident(String tenant, Signal.Kind kind) {
    return new IncidentOpener(db.incidentStore(), db.auditLog(), now::get)
        .open(new Signal(tenant, kind, "chat", "inference", "test", now.get())).incident();
  }

  @Test
  void aCompleteOutageOfMoreThan30MinutesIsFlaggedOnceAuditedAndShownAndLoudForANis2Entity() {
    // stadtwerke-nord: every request fails from T0 for 31 minutes, then all succeed
    counter("stadtwerke-nord", "5xx", 31, i -> 100);
    counter("stadtwerke-nord", "2xx", 45, i -> i < 31 ? 0 : 100);
    counter("acme-logistik", "2xx", 45, i -> 100);
    IncidentRecord swn = incident("stadtwerke-nord", Signal.Kind.FAST_BURN);
    IncidentRecord acme = incident("acme-logistik", Signal.Kind.SLO_BREACH);

    now.set(T0.plus(Duration.ofMinutes(30)));
    assertThat(watch.assess().flagged()).as("exactly 30 min is not more than 30 min").isEmpty();

    now.set(T0.plus(Duration.ofMinutes(31)));
    List<Nis2Watch.Flag> flags = watch.assess().flagged();
    assertThat(flags).singleElement().satisfies(f -> {
      assertThat(f.incidentId()).isEqualTo(swn.id());
      assertThat(f.criterion()).isEqualTo(Nis2Watch.Criterion.COMPLETE);
      assertThat(f.crossedAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
      assertThat(f.regulated()).isTrue();
      assertThat(f.describe()).startsWith("NIS2 SIGNIFICANT " + swn.id() + " (stadtwerke-nord): service completely unavailable")
          .contains("--regime nis2 --aware-at " + T0.plus(Duration.ofMinutes(30)));
    });
    Nis2Watch.Assessment again = watch.assess();
    assertThat(again.flagged()).as("each threshold is flagged once").isEmpty();
    assertThat(again.standing()).as("but stands while the incident is live").singleElement()
        .satisfies(f -> assertThat(f.incidentId()).isEqualTo(swn.id()));

    IncidentView view = service.show(PROVIDER, swn.id());
    assertThat(view.significance().completeAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
    assertThat(view.significance().limitedAt()).as("a complete outage limits everyone, but only for 31 min").isNull();
    assertThat(view.timeline()).last().satisfies(e -> {
      assertThat(e.action()).isEqualTo("nis2-significance");
      assertThat(e.actor()).isEqualTo("slamon");
      assertThat(e.newValue()).isEqualTo("complete crossed " + T0.plus(Duration.ofMinutes(30)));
      assertThat(e.reason()).contains("2024/2690 Art. 7(a)").contains("NIS2 entity");
    });
    assertThat(service.show(PROVIDER, acme.id()).significance().significant())
        .as("another tenant's outage never flags this tenant's incident").isFalse();
    service.resolve(PROVIDER, swn.id(), "oncall", "restarted");
    assertThat(watch.assess().standing()).as("a resolved incident's flag no longer stands").isEmpty();
  }

  @Test
  void limitedAvailabilityNeedsMoreThan5PercentForMoreThanAnHour() {
    // hanse-bank: 6 % failing for 61 minutes; praxis-digital: exactly 5 % for 90 minutes
    counter("hanse-bank", "5xx", 61, i -> 6);
    counter("hanse-bank", "2xx", 61, i -> 94);
    counter("praxis-digital", "5xx", 90, i -> 5);
    counter("praxis-digital", "2xx", 90, i -> 95);
    IncidentRecord hanse = service.open(PROVIDER, new ManualIncident("hanse-bank", "chat errors", Severity.P2, "inference", null), "oncall");
    IncidentRecord praxis = incident("praxis-digital", Signal.Kind.SLO_BREACH);
    IncidentRecord patch = incident("hanse-bank", Signal.Kind.PATCH_OVERDUE);

    now.set(T0.plus(Duration.ofMinutes(60)));
    assertThat(watch.assess().flagged()).isEmpty();
    now.set(T0.plus(Duration.ofMinutes(61)));
    assertThat(watch.assess().flagged()).singleElement().satisfies(f -> {
      assertThat(f.incidentId()).isEqualTo(hanse.id());
      assertThat(f.criterion()).isEqualTo(Nis2Watch.Criterion.LIMITED);
      assertThat(f.crossedAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
      assertThat(f.regulated()).as("hanse-bank is no NIS2 entity").isFalse();
      assertThat(f.describe()).doesNotContain("classify");
    });
    now.set(T0.plus(Duration.ofMinutes(90)));
    assertThat(watch.assess().flagged()).as("5 % is not more than 5 %").isEmpty();
    assertThat(db.incidentStore().significance(praxis.id()).significant()).isFalse();
    assertThat(db.incidentStore().significance(patch.id()).significant()).as("a missed patch is no service disruption").isFalse();
  }

  @Test
  void aResolvedIncidentIsNotAssessedAndMergingKeepsTheEarlierFlag() {
    counter("stadtwerke-nord", "5xx", 40, i -> 100);
    IncidentRecord a = incident("stadtwerke-nord", Signal.Kind.FAST_BURN);
    IncidentRecord b = service.open(PROVIDER, new ManualIncident("stadtwerke-nord", "customer reports outage", Severity.P1,
        "inference", null), "oncall");
    IncidentRecord resolved = incident("stadtwerke-nord", Signal.Kind.TARGET_DOWN);
    service.resolve(PROVIDER, resolved.id(), "oncall", "restarted");
    now.set(T0.plus(Duration.ofMinutes(35)));
    assertThat(watch.assess().flagged()).extracting(Nis2Watch.Flag::incidentId).containsExactlyInAnyOrder(a.id(), b.id());
    assertThat(db.incidentStore().significance(resolved.id()).significant()).isFalse();

    service.merge(PROVIDER, b.id(), a.id(), "oncall", "same outage");
    assertThat(db.incidentStore().significance(b.id()).completeAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
  }
}
