package io.slamon.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slamon.core.config.AlertReceiver;
import io.slamon.core.config.AlertRoute;
import io.slamon.core.config.Alerting;
import io.slamon.core.config.QuietHours;
import io.slamon.incident.IncidentOpener;
import io.slamon.incident.RegulatoryClocks;
import io.slamon.incident.Signal;
import io.slamon.incident.clock.Awareness;
import io.slamon.incident.clock.ClockPlanner;
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
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Regulatory escalations delivered exactly once to a signature-checking webhook receiver across
 * restarts: every "process" is a new database handle, new clocks and a new pipeline over the same
 * database; one dies after fireDue() before the handoff, one dies mid-delivery.
 */
class EscalationDeliveryIT {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  /** Fri 23 Oct 2026 10:00 CEST: the DSGVO 72 h deadline is Mon 26 Oct 09:00 CET. */
  private static final Instant AWARE = Instant.parse("2026-10-23T08:00:00Z");
  private static final String STEP = "DSGVO_CONTROLLER/authority-notification/";

  private Instant now = AWARE.plusSeconds(3600);
  private final InstantSource clock = () -> now;
  private DatabaseSettings settings;
  private TestReceiver dpo;
  private String incidentId;

  /** One run of slamon: its own pool on the shared database. */
  private final class Process implements AutoCloseable {
    final Database db = Database.open(settings, msg -> {});
    final RegulatoryClocks clocks = new RegulatoryClocks(db.incidentStore(), db.clockStore(), db.auditLog(),
        new ClockPlanner(RuleBook.DEFAULT), new Escalations(EscalationPolicy.DEFAULT),
        tenant -> new RegulatoryClocks.TenantClockSettings(BERLIN, Duration.ofHours(24)), clock);
    final AlertPipeline alerts;

    Process(Function<AlertReceiver, Channel> channels) {
      // Quiet hours all day long on the only route: escalations must ignore them.
      var config = new Alerting(Duration.ofMinutes(1), Duration.ofMinutes(15),
          List.of(new AlertReceiver("dpo", AlertReceiver.Kind.WEBHOOK, List.of(dpo.url()), AlertReceiver.WebhookFormat.GENERIC, OutboxIT.SECRET)),
          List.of(new AlertRoute(List.of("hanse-bank"), List.of(), List.of("dsgvo"), List.of("dpo"), new QuietHours(LocalTime.MIN, LocalTime.of(23, 59)))));
      alerts = new AlertPipeline(config, db.dataSource(), t -> BERLIN, clock, channels, OutboxIT.BACKOFF);
    }

    Process() {
      this(r -> new WebhookChannel(r, Duration.ofSeconds(5), clock));
    }

    /** One evaluation round as SlamonRuntime runs it: fire due steps, hand them over, dispatch. */
    void round() {
      alerts.handOffEscalations(clocks.fireDue());
      alerts.dispatcher().runOnce();
    }

    @Override
    public void close() {
      db.close();
    }
  }

  @BeforeEach
  void start() throws Exception {
    settings = SharedEmbeddedPostgres.freshDatabase();
    dpo = new TestReceiver(OutboxIT.SECRET, clock);
    try (Database db = Database.open(settings, msg -> {})) {
      incidentId = new IncidentOpener(db.incidentStore(), db.auditLog(), clock)
          .open(new Signal("hanse-bank", Signal.Kind.TARGET_DOWN, "127.0.0.1:18003", "vllm", "up == 0", now)).incident().id();
    }
  }

  @AfterEach
  void stop() {
    dpo.close();
    SharedEmbeddedPostgres.drop(settings);
  }

  private String key(int percent) {
    return EscalationNotifications.eventId(incidentId, STEP + percent);
  }

  @Test
  void eachEscalationIsDeliveredExactlyOnceAcrossRestartsACrashAfterFiringAndACrashMidDelivery() {
    try (Process p = new Process()) {
      p.clocks.classify(incidentId, Regime.DSGVO_CONTROLLER, new Awareness(AWARE, "customer ticket #4711", "dpo@example.de"), "dpo@example.de");
      p.round();
    }
    assertThat(dpo.processed).isEmpty();

    now = AWARE.plus(Duration.ofHours(36)).plusSeconds(120); // 2 min past 50 %
    try (Process p = new Process()) {
      p.round();
    }
    assertThat(dpo.processed).containsExactly(key(50));
    try (Process p = new Process()) {
      p.round(); // restarted right away: nothing again
    }
    assertThat(dpo.wire).containsExactlyEntriesOf(Map.of(key(50), 1));

    // slamon was down from 36 h to 80 h: 75 %, 90 %, 100 % are all overdue. The first process
    // marks them fired and dies before handing them over.
    now = AWARE.plus(Duration.ofHours(80));
    try (Process p = new Process()) {
      assertThat(p.clocks.fireDue()).hasSize(3);
    }
    // The next one hands them over and dies while the receiver is processing the first.
    try (Process p = new Process(r -> n -> {
      new WebhookChannel(r, Duration.ofSeconds(5), clock).deliver(n);
      throw new OutboxIT.Crash();
    })) {
      assertThatThrownBy(p::round).isInstanceOf(OutboxIT.Crash.class);
    }
    assertThat(dpo.processed).containsExactly(key(50), key(75));
    try (Process p = new Process()) {
      p.round();
      p.round();
    }

    assertThat(dpo.processed).as("each step processed exactly once").containsExactly(key(50), key(75), key(90), key(100));
    assertThat(dpo.wire).as("only the step in flight during the crash went over the wire twice")
        .containsExactlyInAnyOrderEntriesOf(Map.of(key(50), 1, key(75), 2, key(90), 1, key(100), 1));
    assertThat(dpo.refusals).isEmpty();
    assertThat(dpo.bodies.get(0)).contains("\"late\":\"false\"", "\"regime\":\"dsgvo\"", "\"kind\":\"escalation\"", "\"tenant\":\"hanse-bank\"");
    assertThat(dpo.bodies.subList(1, 4)).allSatisfy(b -> assertThat(b).contains("\"late\":\"true\"", "LATE"));
  }
}
