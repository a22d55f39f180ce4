package io.slamon.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slamon.incident.clock.Awareness;
import io.slamon.incident.clock.ClockPlanner;
import io.slamon.incident.clock.DeadlineKind;
import io.slamon.incident.clock.EscalationPolicy;
import io.slamon.incident.clock.Escalations;
import io.slamon.incident.clock.Regime;
import io.slamon.incident.clock.RuleBook;
import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import io.slamon.store.SharedEmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Clocks against a real database, with "restarts": every process start is a new {@link
 * RegulatoryClocks} over the same database, as after a crash or a deployment.
 */
class RegulatoryClocksIT {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  /** Fri 23 Oct 2026 10:00 CEST: the DSGVO 72 h deadline is Mon 26 Oct 09:00 CET. */
  private static final Instant AWARE = Instant.parse("2026-10-23T08:00:00Z");

  private DatabaseSettings settings;
  private Database db;
  private final AtomicReference<Instant> now = new AtomicReference<>(AWARE.plusSeconds(3600));
  private String incidentId;

  @BeforeEach
  void openIncident() {
    settings = SharedEmbeddedPostgres.freshDatabase();
    db = Database.open(settings, msg -> {});
    incidentId = new IncidentOpener(db.incidentStore(), db.auditLog(), now::get)
        .open(new Signal("hanse-bank", Signal.Kind.TARGET_DOWN, "127.0.0.1:18003", "vllm", "up == 0", now.get()))
        .incident().id();
  }

  @AfterEach
  void closeDatabase() {
    db.close();
    SharedEmbeddedPostgres.drop(settings);
  }

  /** A fresh process: nothing in memory but what the database holds. */
  private RegulatoryClocks start() {
    return new RegulatoryClocks(db.incidentStore(), db.clockStore(), db.auditLog(), new ClockPlanner(RuleBook.DEFAULT),
        new Escalations(EscalationPolicy.DEFAULT), tenant -> new RegulatoryClocks.TenantClockSettings(BERLIN, Duration.ofHours(24)),
        InstantSource.fixed(now.get()));
  }

  private List<String> fire() {
    List<String> ids = new ArrayList<>();
    start().fireDue().forEach(f -> ids.add(f.step().id() + (f.late() ? " late" : "")));
    return ids;
  }

  @Test
  void eachEscalationIsDeliveredExactlyOnceAcrossRestartsAndLateOnesAreMarked() {
    var plan = start().classify(incidentId, Regime.DSGVO_CONTROLLER, new Awareness(AWARE, "customer ticket #4711", "dpo@example.de"), "dpo@example.de");
    assertThat(plan.deadline(DeadlineKind.DSGVO_AUTHORITY_NOTIFICATION))
        .hasValueSatisfying(d -> assertThat(d.due()).isEqualTo(Instant.parse("2026-10-26T08:00:00Z")));

    now.set(AWARE.plus(Duration.ofHours(36)).plusSeconds(120)); // 2 min past 50 % (36 h), within the grace
    assertThat(fire()).containsExactly("DSGVO_CONTROLLER/authority-notification/50");
    assertThat(fire()).as("restart right away: nothing fires twice").isEmpty();

    now.set(AWARE.plus(Duration.ofHours(80))); // slamon was down from 36 h to 80 h: 75 %, 90 %, 100 % all passed
    assertThat(fire()).containsExactly(
        "DSGVO_CONTROLLER/authority-notification/75 late",
        "DSGVO_CONTROLLER/authority-notification/90 late",
        "DSGVO_CONTROLLER/authority-notification/100 late");
    assertThat(fire()).isEmpty();

    assertThat(db.auditLog().forSubject(incidentId)).extracting(e -> e.action() + " " + e.newValue())
        .containsExactly("opened P1 open", "classify DSGVO_CONTROLLER",
            "escalation DSGVO_CONTROLLER/authority-notification/50", "escalation DSGVO_CONTROLLER/authority-notification/75",
            "escalation DSGVO_CONTROLLER/authority-notification/90", "escalation DSGVO_CONTROLLER/authority-notification/100");
  }

  @Test
  void aRegimeCannotBeClassifiedTwiceAndUnknownIncidentsAreRefused() {
    var awareness = new Awareness(AWARE, "SOC alert", "oncall@example.de");
    start().classify(incidentId, Regime.NIS2, awareness, "oncall@example.de");
    assertThatThrownBy(() -> start().classify(incidentId, Regime.NIS2, awareness, "oncall@example.de"))
        .hasMessageContaining("NIS2 is classified twice");
    assertThatThrownBy(() -> start().classify("INC-2026-999999", Regime.NIS2, awareness, "x")).hasMessage("no incident INC-2026-999999");
    assertThat(start().plan(incidentId)).isPresent();
  }
}
