package io.slamon.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slamon.core.Severity;
import io.slamon.core.audit.AuditEntry;
import io.slamon.incident.clock.Awareness;
import io.slamon.incident.clock.BreachContent;
import io.slamon.incident.clock.ClockPlan;
import io.slamon.incident.clock.ClockPlanner;
import io.slamon.incident.clock.DeadlineKind;
import io.slamon.incident.clock.DeadlineStatus;
import io.slamon.incident.clock.EscalationPolicy;
import io.slamon.incident.clock.Escalations;
import io.slamon.incident.clock.NotificationRecord;
import io.slamon.incident.clock.NotificationRequest;
import io.slamon.incident.clock.Regime;
import io.slamon.incident.clock.RuleBook;
import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import io.slamon.store.IncidentRecord;
import io.slamon.store.SharedEmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The service the CLI, API and portal share, against a real database with two tenants. */
class IncidentServiceIT {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  /** Fri 23 Oct 2026 10:00 CEST: the DSGVO 72 h deadline is Mon 26 Oct 09:00 CET (08:00 Z). */
  private static final Instant AWARE = Instant.parse("2026-10-23T08:00:00Z");
  private static final Scope PROVIDER = Scope.provider();
  private static final Scope HANSE = Scope.ofTenant("hanse-bank");
  private static final Scope ACME = Scope.ofTenant("acme-logistik");

  private DatabaseSettings settings;
  private Database db;
  private final AtomicReference<Instant> now = new AtomicReference<>(AWARE.plusSeconds(3600));
  private IncidentService service;
  private RegulatoryClocks clocks;

  @BeforeEach
  void openDatabase() {
    settings = SharedEmbeddedPostgres.freshDatabase();
    db = Database.open(settings, msg -> {});
    clocks = new RegulatoryClocks(db.incidentStore(), db.clockStore(), db.auditLog(), new ClockPlanner(RuleBook.DEFAULT),
        new Escalations(EscalationPolicy.DEFAULT), tenant -> new RegulatoryClocks.TenantClockSettings(BERLIN, Duration.ofHours(24)),
        now::get);
    service = new IncidentService(db.incidentStore(), db.auditLog(), clocks, now::get);
  }

  @AfterEach
  void closeDatabase() {
    db.close();
    SharedEmbeddedPostgres.drop(settings);
  }

  private IncidentRecord open(String tenant, String title) {
    return service.open(PROVIDER, new ManualIncident(tenant, title, Severity.P2, "inference", "reported by phone"), "oncall");
  }

  private static Awareness aware(Instant at, String source) {
    return new Awareness(at, source, "dpo@example.de");
  }

  @Test
  void aTenantScopeNeverSeesOrChangesAnotherTenantsIncident() {
    IncidentRecord hanse = open("hanse-bank", "chat down");
    IncidentRecord acme = open("acme-logistik", "batch jobs stuck");
    IncidentRecord provider = open(null, "storage array degraded");

    assertThat(service.list(PROVIDER, IncidentFilter.ALL)).extracting(IncidentRecord::id)
        .containsExactlyInAnyOrder(hanse.id(), acme.id(), provider.id());
    assertThat(service.list(HANSE, IncidentFilter.ALL)).extracting(IncidentRecord::id).containsExactly(hanse.id());
    assertThat(service.list(HANSE, IncidentFilter.ALL.forTenant("acme-logistik"))).isEmpty();
    assertThat(service.show(HANSE, hanse.id()).incident().title()).isEqualTo("chat down");

    // another tenant's and the provider's incidents look exactly like unknown ones
    for (String foreign : List.of(acme.id(), provider.id())) {
      assertThatThrownBy(() -> service.show(HANSE, foreign)).isInstanceOf(NoSuchElementException.class)
          .hasMessage("no incident " + foreign);
      assertThatThrownBy(() -> service.acknowledge(HANSE, foreign, "mallory")).isInstanceOf(NoSuchElementException.class);
      assertThatThrownBy(() -> service.resolve(HANSE, foreign, "mallory", "x")).isInstanceOf(NoSuchElementException.class);
      assertThatThrownBy(() -> service.classify(HANSE, foreign, Regime.NIS2, aware(AWARE, "x"), "mallory"))
          .isInstanceOf(NoSuchElementException.class);
      assertThatThrownBy(() -> service.merge(HANSE, hanse.id(), foreign, "mallory", null)).isInstanceOf(NoSuchElementException.class);
    }
    service.classify(PROVIDER, acme.id(), Regime.NIS2, aware(AWARE, "SOC"), "ciso");
    assertThatThrownBy(() -> service.notify(HANSE, acme.id(),
        NotificationRequest.sent(DeadlineKind.NIS2_EARLY_WARNING, now.get(), "mallory"), "BSI", "mallory"))
        .isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> service.correctAwareness(HANSE, acme.id(), List.of(), aware(AWARE.minusSeconds(60), "x"), "mallory", null))
        .isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> service.open(HANSE, new ManualIncident("acme-logistik", "t", Severity.P1, null, null), "mallory"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only open incidents of its own");

    // nothing of the attempts reached acme's incident
    assertThat(db.incidentStore().find(acme.id()).orElseThrow().state()).isEqualTo("open");
    assertThat(db.auditLog().forSubject(acme.id())).extracting(AuditEntry::actor).doesNotContain("mallory");
    assertThat(clocks.notifications(acme.id())).isEmpty();
    // while the tenant does work on its own incident
    assertThat(service.acknowledge(HANSE, hanse.id(), "hanse-oncall").state()).isEqualTo("acknowledged");
  }

  @Test
  void anIncidentOpenedByHandIsNeverDeduplicatedAndRejectsBadInput() {
    IncidentRecord first = open("hanse-bank", "prompt log leaked");
    IncidentRecord second = open("hanse-bank", "prompt log leaked");
    assertThat(second.id()).isNotEqualTo(first.id());
    assertThat(first.severity()).isEqualTo("P2");
    assertThat(db.auditLog().forSubject(first.id())).singleElement()
        .satisfies(e -> assertThat(e.reason()).isEqualTo("reported by phone"));
    assertThatThrownBy(() -> new ManualIncident("hanse-bank", " ", Severity.P2, null, null))
        .hasMessageContaining("needs a title");
    assertThatThrownBy(() -> new ManualIncident("hanse-bank", "t", null, null, null)).hasMessageContaining("P1, P2, P3 or P4");
  }

  @Test
  void showListsEveryDeadlineWithStrictAndLegalTimesStatusAndEscalations() {
    IncidentRecord i = open("hanse-bank", "chat down");
    service.classify(PROVIDER, i.id(), Regime.DSGVO_CONTROLLER, aware(AWARE, "customer ticket #4711"), "dpo@example.de");
    service.classify(PROVIDER, i.id(), Regime.NIS2, aware(AWARE, "SOC"), "ciso");
    now.set(AWARE.plus(Duration.ofHours(13)));
    clocks.fireDue(); // 50 % of the NIS2 early warning (12 h)

    IncidentView view = service.show(HANSE, i.id());
    assertThat(view.clocks()).extracting(c -> c.deadline().kind()).containsExactly(DeadlineKind.DSGVO_AUTHORITY_NOTIFICATION,
        DeadlineKind.NIS2_EARLY_WARNING, DeadlineKind.NIS2_NOTIFICATION, DeadlineKind.NIS2_FINAL_REPORT);
    IncidentView.Clock dsgvo = view.clocks().getFirst();
    assertThat(dsgvo.due()).isEqualTo("Mon 26 Oct 2026 09:00 CET");
    assertThat(dsgvo.legalDue()).isEqualTo("Mon 26 Oct 2026 10:00 CET");
    assertThat(dsgvo.status().state()).isEqualTo(DeadlineStatus.State.RUNNING);
    assertThat(view.clocks().get(1).escalations()).extracting(e -> e.step().percent() + (e.fired() ? " fired" : ""))
        .containsExactly("50 fired", "75", "90", "100");
    assertThat(view.clocks().get(3).due()).as("the final report waits for the notification").isEmpty();
    assertThat(view.timelineProblem()).isEmpty();
    assertThat(view.timeline()).extracting(AuditEntry::action).containsExactly("opened", "classify", "classify", "escalation");
    // P2 by default: acknowledge within 1 h, restore within 8 h, around the clock
    assertThat(view.response().deadlines().acknowledgeBy()).isEqualTo(i.openedAt().plus(Duration.ofHours(1)));
    assertThat(view.response().deadlines().restoreBy()).isEqualTo(i.openedAt().plus(Duration.ofHours(8)));
    assertThat(view.response().acknowledgedAt()).isNull();
    assertThat(view.response().acknowledgeMissed(now.get())).isTrue();
    now.set(now.get().plusSeconds(60));
    service.resolve(HANSE, i.id(), "oncall", "restarted");
    var resolved = service.show(HANSE, i.id()).response();
    assertThat(resolved.acknowledgedAt()).as("resolving without acknowledging still counts").isEqualTo(now.get());
    assertThat(resolved.restoredAt()).isEqualTo(now.get());
  }

  @Test
  void aCancelledIncidentEscalatesNoMoreWhileAResolvedOneStillDoes() {
    IncidentRecord cancelled = open("hanse-bank", "opened by a test");
    IncidentRecord resolved = open("hanse-bank", "chat down");
    for (IncidentRecord i : List.of(cancelled, resolved)) {
      service.classify(PROVIDER, i.id(), Regime.NIS2, aware(AWARE, "SOC"), "ciso");
    }
    service.transition(PROVIDER, cancelled.id(), IncidentState.CANCELLED, "oncall", "opened in error");
    service.resolve(PROVIDER, resolved.id(), "oncall", "restarted");
    now.set(AWARE.plus(Duration.ofHours(13)));
    assertThat(clocks.fireDue()).extracting(f -> f.incidentId() + " " + f.step().id())
        .containsExactly(resolved.id() + " NIS2/early-warning/50");
  }

  @Test
  void theAiActCasesGivenAtClassificationAreStoredAndTheShortestLimitWins() {
    IncidentRecord i = open("hanse-bank", "model advice led to an injury");
    var cases = java.util.Set.of(io.slamon.incident.clock.AiActCase.SERIOUS_INCIDENT, io.slamon.incident.clock.AiActCase.DEATH);
    assertThatThrownBy(() -> service.classify(PROVIDER, i.id(), Regime.NIS2, aware(AWARE, "x"), "ciso", cases))
        .hasMessageContaining("only apply to the AI_ACT regime");
    service.classify(PROVIDER, i.id(), Regime.AI_ACT, aware(AWARE, "hospital report"), "ciso", cases);
    // 10 days (death) in the tenant's zone: Fri 23 Oct 10:00 CEST -> Mon 2 Nov 10:00 CET, read back from the store
    var plan = clocks.plan(i.id()).orElseThrow();
    assertThat(plan.deadline(DeadlineKind.AI_ACT_REPORT).orElseThrow().due()).isEqualTo(Instant.parse("2026-11-02T09:00:00Z"));
    assertThat(db.auditLog().forSubject(i.id())).last()
        .satisfies(e -> assertThat(e.reason()).endsWith("; Art. 73 cases [DEATH, SERIOUS_INCIDENT]"));
  }

  @Test
  void aLateNotificationIsRefusedWithoutReasonsAndRecordedWithThemAndItsContent() {
    IncidentRecord i = open("hanse-bank", "prompt log leaked");
    service.classify(PROVIDER, i.id(), Regime.DSGVO_CONTROLLER, aware(AWARE, "customer ticket #4711"), "dpo@example.de");
    Instant sent = Instant.parse("2026-10-26T10:00:00Z"); // two hours after the strict deadline
    now.set(sent.plusSeconds(60));
    var content = new BreachContent("prompt logs of ~200 users", "dpo@example.de", null, null);
    var late = new NotificationRequest(DeadlineKind.DSGVO_AUTHORITY_NOTIFICATION, sent, NotificationRequest.Outcome.NOTIFIED,
        "dpo@example.de", null, content, false);

    assertThatThrownBy(() -> service.notify(PROVIDER, i.id(), late, "LfD Niedersachsen", "dpo@example.de"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2h late").hasMessageContaining("reasons for the delay");
    assertThat(clocks.notifications(i.id())).as("nothing stored when refused").isEmpty();

    var result = service.notify(PROVIDER, i.id(), late.withReason("forensics took the weekend"), "LfD Niedersachsen", "dpo@example.de");
    assertThat(result.record().timeliness()).isEqualTo(NotificationRecord.Timeliness.LATE);
    assertThat(result.record().lateBy()).isEqualTo(Duration.ofHours(2));
    // Art. 33(4): a second phase completes the content
    service.notify(PROVIDER, i.id(), new NotificationRequest(DeadlineKind.DSGVO_AUTHORITY_NOTIFICATION, now.get(),
        NotificationRequest.Outcome.NOTIFIED, "dpo@example.de", null,
        new BreachContent(null, null, "phishing of affected users", "logs purged, keys rotated"), true), "LfD Niedersachsen", "dpo");

    var stored = clocks.notifications(i.id());
    assertThat(stored).hasSize(2);
    assertThat(stored.get(0).recipient()).isEqualTo("LfD Niedersachsen");
    assertThat(stored.get(0).record().request().reason()).isEqualTo("forensics took the weekend");
    assertThat(stored.get(0).record().request().content().missingItems()).containsExactly("(c) likely consequences", "(d) measures");
    assertThat(stored.get(1).record().phase()).isEqualTo(2);
    assertThat(stored.get(1).record().request().dataSubjectsInformed()).isTrue();
    IncidentView view = service.show(PROVIDER, i.id());
    assertThat(view.clocks().getFirst().status().state()).isEqualTo(DeadlineStatus.State.MET_LATE);
    assertThat(view.timeline()).filteredOn(e -> e.action().equals("notify")).first()
        .satisfies(e -> assertThat(e.newValue()).isEqualTo("DSGVO_CONTROLLER/authority-notification phase 1 late"));
  }

  @Test
  void correctingAwarenessRecomputesTheDeadlinesIsOnTheTimelineAndSaysWhenItIsOverdue() {
    IncidentRecord i = open("hanse-bank", "chat down");
    now.set(AWARE.plus(Duration.ofHours(30)));
    service.classify(PROVIDER, i.id(), Regime.NIS2, aware(AWARE, "SOC"), "ciso");
    // the customer had told us 2 days earlier: both NIS2 clocks are now overdue
    Instant earlier = AWARE.minus(Duration.ofDays(2));
    var result = service.correctAwareness(PROVIDER, i.id(), List.of(), aware(earlier, "customer e-mail of 21 Oct"), "ciso",
        "found the e-mail");

    assertThat(result.plan().deadline(DeadlineKind.NIS2_NOTIFICATION).orElseThrow().due()).isEqualTo(earlier.plus(Duration.ofHours(72)));
    assertThat(result.corrections()).singleElement().satisfies(c -> assertThat(c.changes()).hasSize(2));
    assertThat(result.overdue()).extracting(DeadlineStatus::kind)
        .containsExactly(DeadlineKind.NIS2_EARLY_WARNING, DeadlineKind.NIS2_NOTIFICATION);
    assertThat(result.overdue().getFirst().message()).startsWith("OVERDUE by");
    assertThat(db.auditLog().forSubject(i.id())).last().satisfies(e -> {
      assertThat(e.action()).isEqualTo("awareness");
      assertThat(e.oldValue()).isEqualTo("NIS2 aware at " + AWARE + " from SOC");
      assertThat(e.newValue()).isEqualTo("NIS2 aware at " + earlier + " from customer e-mail of 21 Oct");
      assertThat(e.reason()).isEqualTo("found the e-mail");
    });
    // refused before anything is stored: awareness in the future, or a regime it is not classified under
    assertThatThrownBy(() -> service.correctAwareness(PROVIDER, i.id(), List.of(), aware(now.get().plusSeconds(60), "x"), "ciso", null))
        .hasMessageContaining("in the future");
    assertThatThrownBy(() -> service.correctAwareness(PROVIDER, i.id(), List.of(Regime.DORA), aware(earlier, "x"), "ciso", null))
        .hasMessageContaining("not classified under it");
    assertThat(clocks.plan(i.id()).orElseThrow().facts().classification(Regime.NIS2).orElseThrow().awareness().at()).isEqualTo(earlier);
  }

  @Test
  void aCorrectionThatMakesARecordedNotificationLateSaysSo() {
    IncidentRecord i = open("hanse-bank", "chat down");
    service.classify(PROVIDER, i.id(), Regime.NIS2, aware(AWARE, "SOC"), "ciso");
    now.set(AWARE.plus(Duration.ofHours(20)));
    service.notify(PROVIDER, i.id(), NotificationRequest.sent(DeadlineKind.NIS2_EARLY_WARNING, now.get(), "ciso"), "BSI", "ciso");
    var result = service.correctAwareness(PROVIDER, i.id(), List.of(Regime.NIS2), aware(AWARE.minus(Duration.ofHours(10)), "log review"),
        "ciso", null);
    assertThat(result.warnings()).singleElement().asString().contains("was on time").contains("record the reasons");
  }

  @Test
  void aRepeatOfAMergedDuplicatesSignalJoinsTheSurvivor() {
    var opener = new IncidentOpener(db.incidentStore(), db.auditLog(), now::get);
    var down = new Signal("hanse-bank", Signal.Kind.TARGET_DOWN, "10.0.0.7:8000", "vllm", "up == 0", now.get());
    IncidentRecord duplicate = opener.open(down).incident();
    IncidentRecord survivor = open("hanse-bank", "chat down, reported by the customer");
    service.merge(PROVIDER, survivor.id(), duplicate.id(), "oncall", "same outage");

    var repeat = opener.open(down);
    assertThat(repeat.opened()).isFalse();
    assertThat(repeat.incident().id()).isEqualTo(survivor.id());
    assertThat(db.incidentStore().activity(survivor.id()).repeats()).isEqualTo(1);
    // once the survivor is resolved, the signal opens a new incident again
    service.resolve(PROVIDER, survivor.id(), "oncall", "fixed");
    assertThat(opener.open(down).opened()).isTrue();
  }

  @Test
  void mergingKeepsTheEarliestTimesMovesTheClocksAndCancelsTheDuplicateWithAReference() throws Exception {
    IncidentRecord a = open("hanse-bank", "chat down");
    service.classify(PROVIDER, a.id(), Regime.NIS2, aware(AWARE, "SOC"), "ciso");
    now.set(AWARE.plus(Duration.ofHours(2)));
    IncidentRecord b = open("hanse-bank", "chat slow");
    Instant earlierAwareness = AWARE.minus(Duration.ofHours(1));
    service.classify(PROVIDER, b.id(), Regime.NIS2, aware(earlierAwareness, "customer call"), "ciso");
    service.classify(PROVIDER, b.id(), Regime.DSGVO_CONTROLLER, aware(AWARE, "customer call"), "dpo");
    // b was really opened first (backdated in the store, as if by an earlier evaluation)
    try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
      st.executeUpdate("UPDATE incidents SET opened_at = '2026-10-23T07:30:00Z' WHERE id = '" + b.id() + "'");
    }
    now.set(AWARE.plus(Duration.ofHours(37)));
    var fired = clocks.fireDue().stream().map(f -> f.incidentId() + " " + f.step().id()).toList();
    assertThat(fired).contains(b.id() + " DSGVO_CONTROLLER/authority-notification/50");

    service.classify(PROVIDER, a.id(), Regime.AI_ACT, aware(AWARE, "SOC"), "ciso");
    service.classify(PROVIDER, b.id(), Regime.AI_ACT, aware(AWARE, "hospital"), "ciso",
        java.util.Set.of(io.slamon.incident.clock.AiActCase.DEATH));
    IncidentRecord merged = service.merge(PROVIDER, a.id(), b.id(), "oncall", "same outage");

    assertThat(merged.openedAt()).isEqualTo(Instant.parse("2026-10-23T07:30:00Z"));
    var facts = clocks.plan(a.id()).orElseThrow().facts();
    assertThat(facts.classification(Regime.NIS2).orElseThrow().awareness().at()).as("earlier awareness wins").isEqualTo(earlierAwareness);
    assertThat(facts.classification(Regime.DSGVO_CONTROLLER)).as("moved over").isPresent();
    assertThat(facts.aiActCases()).as("the cases either knew of").containsExactlyInAnyOrder(
        io.slamon.incident.clock.AiActCase.SERIOUS_INCIDENT, io.slamon.incident.clock.AiActCase.DEATH);
    IncidentRecord absorbed = db.incidentStore().find(b.id()).orElseThrow();
    assertThat(absorbed.state()).isEqualTo("cancelled");
    assertThat(db.incidentStore().activity(b.id()).mergedInto()).isEqualTo(a.id());
    assertThat(clocks.plan(b.id())).as("the cancelled duplicate runs no clocks").isEmpty();
    assertThat(clocks.fireDue()).as("steps fired for the duplicate do not fire again on the survivor")
        .noneMatch(f -> f.step().id().equals("DSGVO_CONTROLLER/authority-notification/50"));
    assertThat(db.auditLog().forSubject(a.id())).last().satisfies(e -> {
      assertThat(e.action()).isEqualTo("merge");
      assertThat(e.newValue()).isEqualTo("absorbed " + b.id());
      assertThat(e.reason()).startsWith("same outage; opened ");
    });
    assertThat(db.auditLog().forSubject(b.id())).last()
        .satisfies(e -> assertThat(e.newValue()).isEqualTo("cancelled, merged into " + a.id()));

    assertThatThrownBy(() -> service.merge(PROVIDER, a.id(), b.id(), "oncall", null))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("cancelled");
    IncidentRecord acme = open("acme-logistik", "batch stuck");
    assertThatThrownBy(() -> service.merge(PROVIDER, a.id(), acme.id(), "oncall", null))
        .hasMessageContaining("different tenants");
    assertThatThrownBy(() -> service.merge(PROVIDER, a.id(), a.id(), "oncall", null)).hasMessageContaining("into itself");
  }

  @Test
  void theAiActCasesCanChangeAfterClassificationTheDeadlineRecomputesIsAuditedAndSaysWhenOverdue() {
    IncidentRecord i = open("hanse-bank", "model advice led to an injury");
    service.classify(PROVIDER, i.id(), Regime.AI_ACT, aware(AWARE, "hospital report"), "ciso",
        java.util.Set.of(io.slamon.incident.clock.AiActCase.SERIOUS_INCIDENT));
    now.set(AWARE.plus(Duration.ofDays(3)));

    // the patient died: 10 days instead of 15 from the same awareness (Mon 2 Nov 10:00 CET)
    var death = service.changeAiActCases(PROVIDER, i.id(), java.util.Set.of(io.slamon.incident.clock.AiActCase.SERIOUS_INCIDENT,
        io.slamon.incident.clock.AiActCase.DEATH), "ciso", "patient died on 25 Oct");
    assertThat(death.changes()).singleElement().satisfies(c -> {
      assertThat(c.before().due()).isEqualTo(Instant.parse("2026-11-07T09:00:00Z"));
      assertThat(c.after().due()).isEqualTo(Instant.parse("2026-11-02T09:00:00Z"));
    });
    assertThat(death.overdue()).isEmpty();
    assertThat(db.auditLog().forSubject(i.id())).last().satisfies(e -> {
      assertThat(e.action()).isEqualTo("ai-act-cases");
      assertThat(e.oldValue()).isEqualTo("Art. 73 cases [SERIOUS_INCIDENT]");
      assertThat(e.newValue()).isEqualTo("Art. 73 cases [DEATH, SERIOUS_INCIDENT]");
      assertThat(e.reason()).isEqualTo("patient died on 25 Oct");
    });
    assertThat(clocks.plan(i.id()).orElseThrow().deadline(DeadlineKind.AI_ACT_REPORT).orElseThrow().due())
        .as("read back from the store").isEqualTo(Instant.parse("2026-11-02T09:00:00Z"));

    // critical infrastructure turns out to be hit: 2 days (Sun 25 Oct 10:00 CET) were over yesterday
    var critical = service.changeAiActCases(PROVIDER, i.id(),
        java.util.Set.of(io.slamon.incident.clock.AiActCase.WIDESPREAD_OR_CRITICAL_INFRASTRUCTURE), "ciso", null);
    assertThat(critical.overdue()).singleElement().satisfies(o -> {
      assertThat(o.amount()).isEqualTo(Duration.ofHours(23));
      assertThat(o.message()).startsWith("OVERDUE by 23h");
    });
    int entries = db.auditLog().forSubject(i.id()).size();
    assertThat(service.changeAiActCases(PROVIDER, i.id(),
        java.util.Set.of(io.slamon.incident.clock.AiActCase.WIDESPREAD_OR_CRITICAL_INFRASTRUCTURE), "ciso", null).changes())
        .as("the same cases again change nothing").isEmpty();
    assertThat(db.auditLog().forSubject(i.id())).as("and write nothing").hasSize(entries);

    IncidentRecord other = open("hanse-bank", "chat down");
    assertThatThrownBy(() -> service.changeAiActCases(PROVIDER, other.id(), java.util.Set.of(), "ciso", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not classified under AI_ACT");
    assertThatThrownBy(() -> service.changeAiActCases(ACME, i.id(), java.util.Set.of(), "ciso", null))
        .isInstanceOf(java.util.NoSuchElementException.class);
    assertThat(clocks.plan(i.id()).orElseThrow().facts().aiActCases())
        .containsExactly(io.slamon.incident.clock.AiActCase.WIDESPREAD_OR_CRITICAL_INFRASTRUCTURE);
  }

  @Test
  void changingTheAiActCasesNamesAReportThatWasOnTimeAndNoLongerIs() {
    IncidentRecord i = open("hanse-bank", "model output discriminated applicants");
    service.classify(PROVIDER, i.id(), Regime.AI_ACT, aware(AWARE, "regulator letter"), "ciso");
    now.set(AWARE.plus(Duration.ofDays(3)));
    service.notify(PROVIDER, i.id(), NotificationRequest.sent(DeadlineKind.AI_ACT_REPORT, now.get(), "ciso"), "market surveillance", "ciso");
    var result = service.changeAiActCases(PROVIDER, i.id(),
        java.util.Set.of(io.slamon.incident.clock.AiActCase.WIDESPREAD_OR_CRITICAL_INFRASTRUCTURE), "ciso", "thousands affected");
    assertThat(result.warnings()).singleElement().asString().contains("was on time").contains("changed Art. 73 cases")
        .contains("record the reasons");
  }

  @Test
  void aRepeatFollowsAChainOfMergesToTheLastSurvivor() {
    var opener = new IncidentOpener(db.incidentStore(), db.auditLog(), now::get);
    var down = new Signal("hanse-bank", Signal.Kind.TARGET_DOWN, "10.0.0.7:8000", "vllm", "up == 0", now.get());
    IncidentRecord b = opener.open(down).incident();
    IncidentRecord a = open("hanse-bank", "chat down, reported by the customer");
    IncidentRecord c = open("hanse-bank", "region outage");
    service.merge(PROVIDER, a.id(), b.id(), "oncall", "same outage");
    service.merge(PROVIDER, c.id(), a.id(), "oncall", "part of the region outage");

    var repeat = opener.open(down);
    assertThat(repeat.opened()).isFalse();
    assertThat(repeat.incident().id()).isEqualTo(c.id());
    assertThat(db.incidentStore().activity(c.id()).repeats()).isEqualTo(1);
    service.resolve(PROVIDER, c.id(), "oncall", "fixed");
    assertThat(opener.open(down).opened()).as("the end of the chain is not live: a new incident").isTrue();
  }

  @Test
  void awarenessBeforeTheIncidentWasCreatedStartsTheClockAndAReclassificationAlreadyOverdueSaysSoLoudly() {
    // opened as an outage on Tue 27 Oct; found then to have exposed personal data since Fri 23 Oct 10:00 CEST
    now.set(Instant.parse("2026-10-27T12:00:00Z"));
    IncidentRecord i = open("hanse-bank", "chat down");
    assertThat(i.openedAt()).isAfter(AWARE);
    ClockPlan plan = service.classify(PROVIDER, i.id(), Regime.DSGVO_CONTROLLER, aware(AWARE, "prompt log found on a paste site"), "dpo");

    assertThat(plan.deadline(DeadlineKind.DSGVO_AUTHORITY_NOTIFICATION).orElseThrow().due())
        .as("72 h from awareness, not from creation").isEqualTo(Instant.parse("2026-10-26T08:00:00Z"));
    assertThat(plan.overdueAt(now.get())).singleElement()
        .satisfies(o -> assertThat(o.message()).startsWith("OVERDUE by 1d4h: notify the supervisory authority"));
    assertThat(service.show(PROVIDER, i.id()).overdue()).hasSize(1);
    // every escalation step fires at once, each marked late, and only once
    var fired = clocks.fireDue();
    assertThat(fired).extracting(f -> f.step().id()).containsExactly("DSGVO_CONTROLLER/authority-notification/50",
        "DSGVO_CONTROLLER/authority-notification/75", "DSGVO_CONTROLLER/authority-notification/90",
        "DSGVO_CONTROLLER/authority-notification/100");
    assertThat(fired).allMatch(RegulatoryClocks.FiredEscalation::late);
    assertThat(clocks.fireDue()).isEmpty();
  }
}
