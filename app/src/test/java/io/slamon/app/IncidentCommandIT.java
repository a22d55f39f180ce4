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
  void showSaysLoudlyWhenTheIncidentCrossedANis2SignificanceThreshold() {
    assertThat(run("incident", "show", id)).isZero();
    assertThat(out.toString()).doesNotContain("NIS2 significant");
    db.incidentStore().flagSignificance(id, false, Instant.parse("2026-11-24T11:00:00Z"));
    assertThat(run("incident", "show", id)).isZero();
    assertThat(out.toString()).contains("!! NIS2 significant (Implementing Regulation (EU) 2024/2690 Art. 7):"
        + " limited for > 5 % of users > 1 h, crossed 2026-11-24T11:00:00Z");
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
        .contains("targets:  acknowledge by 2026-11-24T11:00:00Z (MISSED), restore by 2026-11-24T18:00:00Z")
        .contains("opened", "open -> acknowledged", "acknowledged -> resolved  (scaled the deployment)", "resolved -> closed")
        .contains("oncall@example.de", "lead@example.de")
        .contains("timeline hashes: intact");
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
    assertThat(run("incident", "classify", id, "--regime", "ai-act", "--source", "x", "--ai-act-case", "injury")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown AI Act case 'injury'; valid: serious-incident");
    assertThat(run("incident", "classify", id, "--regime", "ai-act", "--aware-at", "2026-10-23T08:00:00Z", "--source", "hospital",
        "--ai-act-case", "widespread-or-critical-infrastructure")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("AI Act serious incident report").contains("due Sun 25 Oct 2026 10:00 CET");

    // a person died: 10 days instead of 2 is a change the audit log must show; unknown cases are refused
    assertThat(run("incident", "ai-act-cases", id, "--ai-act-case", "injury")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown AI Act case 'injury'");
    assertThat(run("incident", "ai-act-cases", id, "--ai-act-case", "death", "--ai-act-case", "widespread-or-critical-infrastructure",
        "--reason", "patient died")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("AI Act Art. 73 cases now [DEATH, WIDESPREAD_OR_CRITICAL_INFRASTRUCTURE]")
        .contains("nothing moved");
    assertThat(run("incident", "ai-act-cases", id, "--ai-act-case", "serious-incident")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Sun 25 Oct 2026 10:00 CET -> Sat 7 Nov 2026 10:00 CET");

    assertThat(run("incident", "show", id, "--config", "../examples/config")).isZero();
    assertThat(out.toString()).contains("ai-act-cases").contains("regulatory clocks (strict deadline; legal reading").contains("due Mon 26 Oct 2026 09:00 CET")
        .contains("classify").contains("DSGVO_CONTROLLER  (aware at 2026-10-23T08:00:00Z from customer ticket #4711");
  }

  @Test
  void aDpoRecordsNotificationsAndCorrectsAwarenessFromTheCommandLine() {
    assertThat(run("incident", "classify", id, "--regime", "dsgvo-controller", "--aware-at", "2026-10-23T08:00:00Z",
        "--source", "customer ticket #4711", "--as", "dpo@example.de")).as(err.toString()).isZero();

    // two hours after the strict deadline and without reasons: refused, nothing stored
    String[] late = {"incident", "notify", id, "--deadline", "dsgvo_controller/authority-notification",
        "--sent-at", "2026-10-26T10:00:00Z", "--to", "LfD Niedersachsen", "--nature", "prompt logs of ~200 users",
        "--contact", "dpo@example.de", "--as", "dpo@example.de"};
    assertThat(run(late)).isEqualTo(1);
    assertThat(err.toString()).contains("2h late").contains("record the reasons for the delay");
    List<String> withReason = new ArrayList<>(List.of(late));
    withReason.addAll(List.of("--reason", "forensics took the weekend"));
    assertThat(run(withReason.toArray(String[]::new))).as(err.toString()).isZero();
    assertThat(out.toString()).contains("phase 1, late by PT2H")
        .contains("Art. 33(3) content still missing (give it in a later phase): (c) likely consequences, (d) measures");
    assertThat(run("incident", "notify", id, "--deadline", "nis2/early-warning", "--to", "BSI")).isEqualTo(1);
    assertThat(err.toString()).contains("no NIS2 early warning deadline");
    assertThat(run("incident", "notify", id, "--deadline", "gdpr", "--to", "x")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown deadline 'gdpr'; valid: dsgvo_processor/controller-notice");
    assertThat(run("incident", "notify", id, "--deadline", "dsgvo_controller/authority-notification")).isEqualTo(2);
    assertThat(err.toString()).contains("say to whom it was sent (--to)");

    // awareness was earlier than thought: deadlines move, the correction is audited, overdue is loud
    assertThat(run("incident", "awareness", id, "--at", "2026-10-22T08:00:00Z", "--source", "SOC ticket 4700",
        "--reason", "found the earlier ticket", "--as", "dpo@example.de")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("notify the supervisory authority")
        .contains("Mon 26 Oct 2026 09:00 CET -> Sun 25 Oct 2026 09:00 CET").contains("sent 1d2h late");
    assertThat(run("incident", "awareness", id, "--at", "2026-10-22T08:00:00Z", "--source", "x", "--regime", "nis2")).isEqualTo(1);
    assertThat(err.toString()).contains("not classified under it");

    assertThat(run("incident", "show", id)).isZero();
    assertThat(out.toString())
        .contains("due Sun 25 Oct 2026 09:00 CET (legal reading Sun 25 Oct 2026 10:00 CET)")
        .contains("Regulation (EEC, Euratom) No 1182/71 Art. 3(1)")
        .contains("escalations 50%, 75%, 90%, 100%")
        .contains("notifications:").contains("to LfD Niedersachsen").contains("(forensics took the weekend)")
        .contains("Art. 33(3): (a) prompt logs of ~200 users | (b) dpo@example.de | (c) - | (d) -")
        .contains("awareness DSGVO_CONTROLLER aware at 2026-10-23T08:00:00Z from customer ticket #4711 -> "
            + "DSGVO_CONTROLLER aware at 2026-10-22T08:00:00Z from SOC ticket 4700  (found the earlier ticket)");
  }

  @Test
  void incidentsAreOpenedByHandAndDuplicatesMerged() {
    assertThat(run("incident", "open", "--tenant", "hanse-bank", "--title", "customer reports wrong answers",
        "--severity", "P3", "--detail", "ticket #4800", "--as", "oncall@example.de")).as(err.toString()).isZero();
    String manual = out.toString().split(" ")[1];
    assertThat(out.toString()).startsWith("opened INC-").contains("P3  customer reports wrong answers (hanse-bank)");
    assertThat(run("incident", "open", "--title", "x", "--severity", "P9")).isEqualTo(2);
    assertThat(err.toString()).contains("P9");

    assertThat(run("incident", "list", "--state", "open", "--tenant", "hanse-bank")).isZero();
    assertThat(out.toString()).contains(manual).contains(id).contains("2 incidents");
    assertThat(run("incident", "list", "--state", "gone")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown incident state 'gone'");
    assertThat(run("incident", "merge", id, manual, "--reason", "same breach", "--as", "oncall@example.de")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("merged " + manual + " into " + id);
    assertThat(run("incident", "show", manual)).isZero();
    assertThat(out.toString()).contains("state:    cancelled").contains("merged into: " + id);
    assertThat(run("incident", "list", "--state", "cancelled")).isZero();
    assertThat(out.toString()).contains(manual).doesNotContain(id + " ").contains("1 incident");
    assertThat(run("incident", "merge", id, manual)).isEqualTo(1);
    assertThat(err.toString()).contains("cannot merge " + manual + ": it is cancelled");
  }

  @Test
  void anUnknownIncidentIsAClearError() {
    assertThat(run("incident", "show", "INC-2026-999999")).isEqualTo(1);
    assertThat(err.toString()).contains("no incident INC-2026-999999");
    assertThat(run("incident", "resolve", "INC-2026-999999")).isEqualTo(1);
    assertThat(err.toString()).contains("no incident INC-2026-999999");
  }
}
