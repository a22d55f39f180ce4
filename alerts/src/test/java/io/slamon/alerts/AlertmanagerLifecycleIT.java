package io.slamon.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.core.config.AlertReceiver;
import io.slamon.core.config.AlertRoute;
import io.slamon.core.config.Alerting;
import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import io.slamon.store.SharedEmbeddedPostgres;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * slamon fires, a real Alertmanager shows the alert with its labels and annotations, slamon keeps it
 * alive past Alertmanager's resolve_timeout by re-sending, slamon resolves, Alertmanager drops it.
 */
class AlertmanagerLifecycleIT {
  private AlertmanagerProcess alertmanager;
  private AlertmanagerClient reader;
  private DatabaseSettings settings;
  private Database db;

  @BeforeEach
  void start() throws Exception {
    // A short resolve_timeout, so the test can show that re-sending is what keeps the alert active.
    alertmanager = AlertmanagerProcess.start("3s");
    reader = new AlertmanagerClient(alertmanager.base, Duration.ofSeconds(5));
    settings = SharedEmbeddedPostgres.freshDatabase();
    db = Database.open(settings, msg -> {});
  }

  @AfterEach
  void stop() {
    if (db != null) {
      db.close();
      SharedEmbeddedPostgres.drop(settings);
    }
    if (alertmanager != null) {
      alertmanager.close();
    }
  }

  private AlertPipeline pipeline() {
    var config = new Alerting(Duration.ofSeconds(1), Duration.ofMinutes(15),
        List.of(new AlertReceiver("am", AlertReceiver.Kind.ALERTMANAGER, List.of(alertmanager.base), null, null)),
        List.of(new AlertRoute(List.of(), List.of(), List.of(), List.of("am"), null)));
    return new AlertPipeline(config, db.dataSource(), t -> ZoneId.of("Europe/Berlin"), InstantSource.system());
  }

  private static final AlertSpec BURN = new AlertSpec("hanse-bank-chat-availability burns its error budget 14.4x too fast",
      Map.of("alertname", "SloErrorBudgetBurn", "tenant", "hanse-bank", "slo", "hanse-bank-chat-availability",
          "severity", "page", "component", "inference", "incident_id", "INC-2026-000042"),
      Map.of("description", "error ratio 2.1 % over 1h and 2.4 % over 5m, objective 99.9 %"),
      URI.create("https://slamon.example.de/d/slo?var-slo=hanse-bank-chat-availability"),
      URI.create("https://runbooks.example.de/slo-burn"), "INC-2026-000042");

  @Test
  void aFiredAlertShowsInAlertmanagerStaysWhileResentAndIsGoneWhenResolved() throws Exception {
    AlertPipeline slamon = pipeline();
    assertThat(slamon.updateAlerts(List.of(BURN))).extracting(Notification::status).containsExactly(Notification.Status.FIRING);
    slamon.dispatcher().runOnce();

    assertThat(reader.alerts()).singleElement().satisfies(a -> {
      assertThat(a.labels()).containsAllEntriesOf(Map.of("alertname", "SloErrorBudgetBurn", "tenant", "hanse-bank",
          "slo", "hanse-bank-chat-availability", "severity", "page", "component", "inference", "incident_id", "INC-2026-000042"));
      assertThat(a.annotations()).containsEntry("summary", BURN.title())
          .containsEntry("description", "error ratio 2.1 % over 1h and 2.4 % over 5m, objective 99.9 %")
          .containsEntry("runbook_url", "https://runbooks.example.de/slo-burn")
          .containsEntry("dashboard_url", "https://slamon.example.de/d/slo?var-slo=hanse-bank-chat-availability");
      assertThat(a.state()).isEqualTo("active");
    });

    // 6 s is twice the resolve_timeout: only the re-sends keep it active. A restarted slamon (a new
    // pipeline over the same database) keeps re-sending it without firing it again.
    for (int i = 0; i < 6; i++) {
      Thread.sleep(1000);
      assertThat((i < 3 ? slamon : pipeline()).updateAlerts(List.of(BURN))).as("no new transition").isEmpty();
    }
    assertThat(reader.alerts()).singleElement().satisfies(a -> assertThat(a.state()).isEqualTo("active"));

    AlertPipeline restarted = pipeline();
    assertThat(restarted.updateAlerts(List.of())).singleElement().satisfies(n -> {
      assertThat(n.status()).isEqualTo(Notification.Status.RESOLVED);
      assertThat(n.endsAt()).isNotNull();
    });
    restarted.dispatcher().runOnce();
    assertThat(reader.alerts()).isEmpty();
    assertThat(restarted.outbox().entries()).extracting(Outbox.Entry::state).containsExactly("delivered", "delivered");
  }

  @Test
  void withoutReSendingAnActiveAlertExpiresInAlertmanager() throws Exception {
    AlertPipeline slamon = pipeline();
    slamon.updateAlerts(List.of(BURN));
    slamon.dispatcher().runOnce();
    assertThat(reader.alerts()).hasSize(1);
    Thread.sleep(4500);
    assertThat(reader.alerts()).as("resolve_timeout 3s passed without a re-send").isEmpty();
  }
}
