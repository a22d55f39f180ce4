package io.slamon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.incident.IncidentOpener;
import io.slamon.incident.Signal;
import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import io.slamon.store.SharedEmbeddedPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code slamon incident …} against a real database. */
class IncidentCommandIT {
  private DatabaseSettings settings;
  private Database db;
  private String id;
  private StringWriter out;
  private StringWriter err;

  @BeforeEach
  void openIncident() {
    settings = SharedEmbeddedPostgres.freshDatabase();
    db = Database.open(settings, msg -> {});
    Instant t = Instant.parse("2026-11-24T10:00:00Z");
    id = new IncidentOpener(db.incidentStore(), db.auditLog(), InstantSource.fixed(t))
        .open(new Signal("hanse-bank", Signal.Kind.SLO_BREACH, "hanse-bank-chat-ttft", "inference", "attainment 63 %", t))
        .incident().id();
  }

  @AfterEach
  void closeDatabase() {
    db.close();
    SharedEmbeddedPostgres.drop(settings);
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--db-url", settings.url(), "--db-user", settings.user(), "--db-password",
        settings.password() == null ? "" : settings.password()));
    return cmd.execute(all.toArray(String[]::new));
  }

  @Test
  void anOnCallEngineerWorksAnIncidentFromTheCommandLine() {
    assertThat(run("incident", "list", "--live")).isZero();
    assertThat(out.toString()).contains(id, "P2", "open", "hanse-bank", "SLO hanse-bank-chat-ttft breached").contains("1 incident");

    assertThat(run("incident", "ack", id, "--as", "oncall@example.de")).isZero();
    assertThat(out.toString()).contains(id + " is now acknowledged");

    assertThat(run("incident", "cancel", id)).as("cancel without a reason").isEqualTo(1);
    assertThat(err.toString()).contains("cancelling " + id + " needs a reason");

    assertThat(run("incident", "resolve", id, "--as", "oncall@example.de", "--reason", "scaled the deployment")).isZero();
    assertThat(run("incident", "close", id, "--as", "lead@example.de")).isZero();
    assertThat(run("incident", "ack", id)).isEqualTo(1);
    assertThat(err.toString()).contains("cannot make " + id + " acknowledged: it is closed for good");

    assertThat(run("incident", "show", id)).isZero();
    assertThat(out.toString())
        .contains("state:    closed")
        .contains("opened", "open -> acknowledged", "acknowledged -> resolved  (scaled the deployment)", "resolved -> closed")
        .contains("oncall@example.de", "lead@example.de")
        .contains("audit chain: intact");
    assertThat(run("incident", "list", "--live")).isZero();
    assertThat(out.toString()).contains("0 incidents");
  }

  @Test
  void classifyingAsABreachStartsTheClockAtAwarenessAndShowsItOverdue() {
    // Awareness long ago: the 72 h DSGVO clock is already overdue, which must be said loudly.
    assertThat(run("incident", "classify", id, "--regime", "dsgvo-controller", "--aware-at", "2026-10-23T08:00:00Z",
        "--source", "customer ticket #4711", "--as", "dpo@example.de", "--config", "../examples/config")).as(err.toString()).isZero();
    assertThat(out.toString()).contains(id + " classified under DSGVO_CONTROLLER")
        .contains("Mon 26 Oct 2026 09:00 CET")
        .contains("!! ").contains("OVERDUE");

    assertThat(run("incident", "classify", id, "--regime", "dsgvo-controller", "--source", "again")).isEqualTo(1);
    assertThat(err.toString()).contains("DSGVO_CONTROLLER is classified twice");
    assertThat(run("incident", "classify", id, "--regime", "gdpr", "--source", "x")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown regime 'gdpr'");

    assertThat(run("incident", "show", id, "--config", "../examples/config")).isZero();
    assertThat(out.toString()).contains("regulatory clocks:").contains("due Mon 26 Oct 2026 09:00 CET")
        .contains("classify").contains("DSGVO_CONTROLLER  (aware at 2026-10-23T08:00:00Z from customer ticket #4711");
  }

  @Test
  void anUnknownIncidentIsAClearError() {
    assertThat(run("incident", "show", "INC-2026-999999")).isEqualTo(1);
    assertThat(err.toString()).contains("no incident INC-2026-999999");
    assertThat(run("incident", "resolve", "INC-2026-999999")).isEqualTo(1);
    assertThat(err.toString()).contains("no incident INC-2026-999999");
  }
}
