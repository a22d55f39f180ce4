package io.slamon.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.core.config.AlertReceiver;
import io.slamon.core.config.AlertRoute;
import io.slamon.core.config.Alerting;
import io.slamon.incident.IncidentOpener;
import io.slamon.incident.RegulatoryClocks;
import io.slamon.incident.Signal;
import io.slamon.incident.clock.Awareness;
import io.slamon.incident.clock.ClockPlanner;
import io.slamon.incident.clock.DeadlineKind;
import io.slamon.incident.clock.EscalationPolicy;
import io.slamon.incident.clock.Escalations;
import io.slamon.incident.clock.NotificationRequest;
import io.slamon.incident.clock.Regime;
import io.slamon.incident.clock.RuleBook;
import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import io.slamon.store.SharedEmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An escalation step in a real Alertmanager ({@code resolve_timeout: 3s}) and at a webhook: it stays
 * active while the deadline is open (re-sent like any active alert), and when the notification is
 * recorded slamon sends it with {@code endsAt}, exactly once, and Alertmanager drops it.
 */
class EscalationResolutionIT {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Instant AWARE = Instant.parse("2026-10-23T08:00:00Z");
  private static final String STEP = "DSGVO_CONTROLLER/authority-notification/50";

  private Instant now = AWARE.plus(Duration.ofHours(36)).plusSeconds(120); // 2 min past 50 % of 72 h
  private final InstantSource clock = () -> now;
  private AlertmanagerProcess alertmanager;
  private AlertmanagerClient reader;
  private TestReceiver dpo;
  private DatabaseSettings settings;
  private Database db;
  private RegulatoryClocks clocks;
  private String incidentId;

  @BeforeEach
  void start() throws Exception {
    alertmanager = AlertmanagerProcess.start("3s");
    reader = new AlertmanagerClient(alertmanager.base, Duration.ofSeconds(5));
    dpo = new TestReceiver(OutboxIT.SECRET, clock);
    settings = SharedEmbeddedPostgres.freshDatabase();
    db = Database.open(settings, msg -> {});
    clocks = new RegulatoryClocks(db.incidentStore(), db.clockStore(), db.auditLog(), new ClockPlanner(RuleBook.DEFAULT),
        new Escalations(EscalationPolicy.DEFAULT), tenant -> new RegulatoryClocks.TenantClockSettings(BERLIN, Duration.ofHours(24)), clock);
    incidentId = new IncidentOpener(db.incidentStore(), db.auditLog(), clock)
        .open(new Signal("hanse-bank", Signal.Kind.TARGET_DOWN, "127.0.0.1:18003", "vllm", "up == 0", now)).incident().id();
    clocks.classify(incidentId, Regime.DSGVO_CONTROLLER, new Awareness(AWARE, "customer ticket #4711", "dpo@example.de"), "dpo@example.de");
  }

  @AfterEach
  void stop() {
    if (db != null) {
      db.close();
      SharedEmbeddedPostgres.drop(settings);
    }
    if (dpo != null) {
      dpo.close();
    }
    if (alertmanager != null) {
      alertmanager.close();
    }
  }

  private AlertPipeline pipeline() {
    var config = new Alerting(Duration.ofSeconds(1), Duration.ofMinutes(15),
        List.of(new AlertReceiver("am", AlertReceiver.Kind.ALERTMANAGER, List.of(alertmanager.base), null, null),
            new AlertReceiver("dpo", AlertReceiver.Kind.WEBHOOK, List.of(dpo.url()), AlertReceiver.WebhookFormat.GENERIC, OutboxIT.SECRET)),
        List.of(new AlertRoute(List.of(), List.of(), List.of(), List.of("am", "dpo"), null)));
    return new AlertPipeline(config, db.dataSource(), t -> BERLIN, clock, r -> r.kind() == AlertReceiver.Kind.ALERTMANAGER
        ? new AlertmanagerChannel(r, Duration.ofSeconds(5), clock) : new WebhookChannel(r, Duration.ofSeconds(5), clock), OutboxIT.BACKOFF);
  }

  @Test
  void anEscalationStaysActiveWhileTheDeadlineIsOpenAndIsResolvedOnceWhenTheNotificationIsRecorded() throws Exception {
    AlertPipeline slamon = pipeline();
    assertThat(slamon.handOffEscalations(clocks.fireDue())).extracting(n -> n.label("step")).containsExactly(STEP);
    assertThat(slamon.resolveEscalations()).as("the deadline is open").isEmpty();
    slamon.dispatcher().runOnce();
    assertThat(reader.alerts()).singleElement().satisfies(a -> {
      assertThat(a.labels()).containsAllEntriesOf(Map.of("alertname", "RegulatoryDeadline", "step", STEP, "incident_id", incidentId,
          "regime", "dsgvo", "tenant", "hanse-bank"));
      assertThat(a.state()).isEqualTo("active");
    });

    // Twice the resolve_timeout: re-sent every second (also by a restarted pipeline), it does not expire.
    for (int i = 0; i < 6; i++) {
      Thread.sleep(1000);
      now = now.plusSeconds(1);
      (i < 3 ? slamon : pipeline()).refreshAlertmanagers(false);
    }
    assertThat(reader.alerts()).singleElement().satisfies(a -> assertThat(a.state()).isEqualTo("active"));

    now = now.plus(Duration.ofHours(2));
    clocks.notify(incidentId, NotificationRequest.sent(DeadlineKind.DSGVO_AUTHORITY_NOTIFICATION, now.minusSeconds(60), "dpo@example.de"),
        "BfDI", "dpo@example.de");
    AlertPipeline restarted = pipeline();
    assertThat(restarted.resolveEscalations()).singleElement().satisfies(n -> {
      assertThat(n.status()).isEqualTo(Notification.Status.RESOLVED);
      assertThat(n.endsAt()).isEqualTo(now);
      assertThat(n.labels()).containsEntry("step", STEP);
      assertThat(n.annotations().get("description")).contains("the notification for this deadline was recorded");
    });
    assertThat(pipeline().resolveEscalations()).as("resolved once, also by another process").isEmpty();
    restarted.dispatcher().runOnce();
    restarted.refreshAlertmanagers(true); // a resolved step is no longer re-sent

    assertThat(reader.alerts()).as("Alertmanager dropped the resolved step").isEmpty();
    String firing = EscalationNotifications.eventId(incidentId, STEP);
    assertThat(dpo.processed).containsExactly(firing, firing + ":resolved");
    assertThat(dpo.bodies.get(1)).contains("\"status\":\"resolved\"", "\"endsAt\":\"" + now + "\"");
  }

  @Test
  void anEndedIncidentResolvesItsOpenSteps() {
    AlertPipeline slamon = pipeline();
    slamon.handOffEscalations(clocks.fireDue());
    try (var c = db.dataSource().getConnection(); var s = c.createStatement()) {
      s.executeUpdate("UPDATE incidents SET state = 'resolved' WHERE id = '" + incidentId + "'");
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
    assertThat(slamon.resolveEscalations()).singleElement()
        .satisfies(n -> assertThat(n.annotations().get("description")).contains("incident " + incidentId + " is resolved"));
  }
}
