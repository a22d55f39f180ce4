package io.slamon.incident.clock;

import static io.slamon.incident.clock.TimeLimitTest.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClockPlannerTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final Instant AWARE = at("2026-10-23T10:00+02:00");
  static final Awareness AWARENESS = new Awareness(AWARE, "SOC ticket 4711", "oncall-anna");
  static final ClockPlanner PLANNER = new ClockPlanner(RuleBook.DEFAULT);

  static ClockFacts facts(Regime... regimes) {
    ClockFacts f = ClockFacts.in(BERLIN).withAvvDeadline(Duration.ofHours(24));
    for (Regime r : regimes) f = f.classify(new Classification(r, AWARENESS, AWARE));
    return f;
  }

  static ClockFacts notified(ClockFacts f, DeadlineKind kind, Instant sentAt) {
    var record =
        Notifications.record(PLANNER.plan(f), NotificationRequest.sent(kind, sentAt, "dpo-ben"));
    return f.withNotification(record);
  }

  @ParameterizedTest(name = "{0} classified {1} after awareness: {2} due {3} (legal reading {4})")
  @CsvSource({
    "DSGVO_CONTROLLER, PT0S, DSGVO_AUTHORITY_NOTIFICATION, 2026-10-26T09:00+01:00,"
        + " 2026-10-26T10:00+01:00",
    "DSGVO_PROCESSOR, PT0S, DSGVO_CONTROLLER_NOTICE, 2026-10-24T10:00+02:00,"
        + " 2026-10-24T11:00+02:00",
    "NIS2, PT0S, NIS2_EARLY_WARNING, 2026-10-24T10:00+02:00, 2026-10-24T11:00+02:00",
    "NIS2, PT0S, NIS2_NOTIFICATION, 2026-10-26T09:00+01:00, 2026-10-26T10:00+01:00",
    // DORA: 4 h from classification as major …
    "DORA, PT1H, DORA_INITIAL, 2026-10-23T15:00+02:00, 2026-10-23T16:00+02:00",
    // … but never later than 24 h from awareness
    "DORA, PT22H, DORA_INITIAL, 2026-10-24T10:00+02:00, 2026-10-24T11:00+02:00",
    "AI_ACT, PT0S, AI_ACT_REPORT, 2026-11-07T10:00+01:00, 2026-11-08T00:00+01:00",
  })
  void everyAwarenessBasedDeadlineFollowsItsRule(
      Regime regime, Duration classifiedAfter, DeadlineKind kind, String due, String legal) {
    var f =
        ClockFacts.in(BERLIN)
            .withAvvDeadline(Duration.ofHours(24))
            .classify(new Classification(regime, AWARENESS, AWARE.plus(classifiedAfter)));
    Deadline d = PLANNER.plan(f).deadline(kind).orElseThrow();
    assertThat(d.due()).isEqualTo(at(due));
    assertThat(d.legalDue()).isEqualTo(at(legal));
    assertThat(d.ruleVersion()).isEqualTo("de-2025-12");
  }

  @ParameterizedTest(name = "AI Act cases {0}: due {1}")
  @CsvSource({
    "SERIOUS_INCIDENT, 2026-11-07T10:00+01:00",
    "WIDESPREAD_OR_CRITICAL_INFRASTRUCTURE, 2026-10-25T10:00+01:00",
    "DEATH, 2026-11-02T10:00+01:00",
    "DEATH;WIDESPREAD_OR_CRITICAL_INFRASTRUCTURE, 2026-10-25T10:00+01:00",
  })
  void theShortestApplicableAiActLimitWins(String cases, String due) {
    var list = java.util.Arrays.stream(cases.split(";")).map(AiActCase::valueOf).toList();
    var f =
        facts(Regime.AI_ACT)
            .withAiActCases(list.get(0), list.subList(1, list.size()).toArray(AiActCase[]::new));
    assertThat(PLANNER.plan(f).deadline(DeadlineKind.AI_ACT_REPORT).orElseThrow().due())
        .isEqualTo(at(due));
  }

  @Test
  void theAutumnDstPairIsRenderedInTheTenantsZone() {
    var plan = PLANNER.plan(facts(Regime.DSGVO_CONTROLLER));
    Deadline d = plan.deadline(DeadlineKind.DSGVO_AUTHORITY_NOTIFICATION).orElseThrow();
    assertThat(plan.render(AWARE)).isEqualTo("Fri 23 Oct 2026 10:00 CEST");
    assertThat(plan.render(d.due())).isEqualTo("Mon 26 Oct 2026 09:00 CET");
    assertThat(d.dueIn(BERLIN).getHour()).isEqualTo(9);
    assertThat(d.basis()).isEqualTo("awareness + 72 h (rules de-2025-12)");
  }

  @Test
  void theNis2FinalReportWaitsForTheNotificationThenRunsOneMonth() {
    var f =
        ClockFacts.in(BERLIN)
            .classify(
                new Classification(
                    Regime.NIS2,
                    new Awareness(at("2027-01-29T12:00+01:00"), "BSI", "ciso"),
                    at("2027-01-29T12:00+01:00")));
    var waiting = PLANNER.plan(f);
    assertThat(waiting.deadline(DeadlineKind.NIS2_FINAL_REPORT).orElseThrow().waitingFor())
        .isEqualTo(DeadlineKind.NIS2_NOTIFICATION);
    assertThat(
            waiting.status(DeadlineKind.NIS2_FINAL_REPORT, at("2027-01-30T00:00+01:00")).message())
        .isEqualTo("NIS2 final report waits for the NIS2 incident notification");

    var after =
        PLANNER.plan(notified(f, DeadlineKind.NIS2_NOTIFICATION, at("2027-01-31T12:00+01:00")));
    Deadline fin = after.deadline(DeadlineKind.NIS2_FINAL_REPORT).orElseThrow();
    assertThat(fin.due()).isEqualTo(at("2027-02-28T12:00+01:00"));
    assertThat(fin.legalDue()).isEqualTo(at("2027-03-01T00:00+01:00"));
  }

  @Test
  void doraIntermediateRunsFromTheInitialAndTheFinalFromTheLatestIntermediate() {
    var f = facts(Regime.DORA);
    assertThat(PLANNER.plan(f).deadline(DeadlineKind.DORA_INTERMEDIATE).orElseThrow().waitingFor())
        .isEqualTo(DeadlineKind.DORA_INITIAL);
    assertThat(PLANNER.plan(f).deadline(DeadlineKind.DORA_FINAL).orElseThrow().waitingFor())
        .isEqualTo(DeadlineKind.DORA_INTERMEDIATE);

    f = notified(f, DeadlineKind.DORA_INITIAL, at("2026-10-23T13:00+02:00"));
    assertThat(PLANNER.plan(f).deadline(DeadlineKind.DORA_INTERMEDIATE).orElseThrow().due())
        .isEqualTo(at("2026-10-26T12:00+01:00"));

    f = notified(f, DeadlineKind.DORA_INTERMEDIATE, at("2026-10-25T09:00+01:00"));
    assertThat(PLANNER.plan(f).deadline(DeadlineKind.DORA_FINAL).orElseThrow().due())
        .isEqualTo(at("2026-11-25T09:00+01:00"));

    f = notified(f, DeadlineKind.DORA_INTERMEDIATE, at("2026-11-20T09:00+01:00"));
    var plan = PLANNER.plan(f);
    assertThat(plan.deadline(DeadlineKind.DORA_FINAL).orElseThrow().due())
        .isEqualTo(at("2026-12-20T09:00+01:00"));
    // the intermediate deadline itself was met by the first report
    assertThat(plan.status(DeadlineKind.DORA_INTERMEDIATE, at("2026-11-21T00:00+01:00")).state())
        .isEqualTo(DeadlineStatus.State.MET);
  }

  @Test
  void severalRegimesRunIndependentClocksOnOneIncident() {
    var f =
        facts(
            Regime.DSGVO_PROCESSOR,
            Regime.DSGVO_CONTROLLER,
            Regime.NIS2,
            Regime.DORA,
            Regime.AI_ACT);
    f = notified(f, DeadlineKind.NIS2_EARLY_WARNING, at("2026-10-23T18:00+02:00"));
    var plan = PLANNER.plan(f);
    assertThat(plan.deadlines()).hasSize(9);
    Instant now = at("2026-10-24T12:00+02:00");
    assertThat(plan.statuses(now))
        .extracting(s -> s.kind() + "=" + s.state())
        .containsExactly(
            "DSGVO_CONTROLLER_NOTICE=OVERDUE",
            "DSGVO_AUTHORITY_NOTIFICATION=RUNNING",
            "NIS2_EARLY_WARNING=MET",
            "NIS2_NOTIFICATION=RUNNING",
            "NIS2_FINAL_REPORT=WAITING",
            "DORA_INITIAL=OVERDUE",
            "DORA_INTERMEDIATE=WAITING",
            "DORA_FINAL=WAITING",
            "AI_ACT_REPORT=RUNNING");
    assertThat(plan.overdueAt(now))
        .extracting(DeadlineStatus::kind)
        .containsExactly(DeadlineKind.DSGVO_CONTROLLER_NOTICE, DeadlineKind.DORA_INITIAL);
  }

  @Test
  void reclassifyingAsAPersonalDataBreachLaterStartsTheClockAtAwarenessAndSaysItIsOverdue() {
    // opened as an outage; days later found to have exposed personal data since the start
    Instant classified = at("2026-10-27T12:00+01:00");
    var f =
        ClockFacts.in(BERLIN)
            .classify(new Classification(Regime.DSGVO_CONTROLLER, AWARENESS, classified));
    var overdue = PLANNER.plan(f).overdueAt(classified);
    assertThat(overdue).hasSize(1);
    assertThat(overdue.get(0).state()).isEqualTo(DeadlineStatus.State.OVERDUE);
    assertThat(overdue.get(0).amount()).isEqualTo(Duration.ofHours(27));
    assertThat(overdue.get(0).message())
        .isEqualTo(
            "OVERDUE by 1d3h: notify the supervisory authority was due Mon 26 Oct 2026 09:00 CET"
                + " (awareness + 72 h (rules de-2025-12))");
  }

  @Test
  void aRunningDeadlineSaysHowMuchTimeIsLeft() {
    var status =
        PLANNER
            .plan(facts(Regime.DSGVO_CONTROLLER))
            .status(DeadlineKind.DSGVO_AUTHORITY_NOTIFICATION, AWARE.plusSeconds(3600));
    assertThat(status.state()).isEqualTo(DeadlineStatus.State.RUNNING);
    assertThat(status.amount()).isEqualTo(Duration.ofHours(71));
  }

  @Test
  void correctingAwarenessRecomputesTheDeadlinesAndSaysWhatMoved() {
    var f = facts(Regime.DSGVO_CONTROLLER, Regime.NIS2);
    var earlier = new Awareness(at("2026-10-23T08:30+02:00"), "access log review", "dpo-ben");
    var correction = PLANNER.correctAwareness(f, Regime.DSGVO_CONTROLLER, earlier);
    assertThat(correction.changes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.kind()).isEqualTo(DeadlineKind.DSGVO_AUTHORITY_NOTIFICATION);
              assertThat(c.shift()).isEqualTo(Duration.ofMinutes(-90));
              assertThat(c.dueAfter()).isEqualTo(at("2026-10-26T07:30+01:00"));
            });
    assertThat(correction.plan()).isEqualTo(PLANNER.plan(correction.facts()));
    assertThat(correction.facts().classification(Regime.DSGVO_CONTROLLER).orElseThrow().awareness())
        .isEqualTo(earlier);
  }

  @Test
  void correctingNothingChangesNothing() {
    var f = facts(Regime.NIS2);
    assertThat(PLANNER.correctAwareness(f, Regime.NIS2, AWARENESS).changes()).isEmpty();
  }

  @Test
  void anAwarenessCorrectionAfterTheClassificationIsRejected() {
    var f = facts(Regime.DSGVO_CONTROLLER);
    var later = new Awareness(AWARE.plusSeconds(60), "x", "y");
    assertThatThrownBy(() -> PLANNER.correctAwareness(f, Regime.DSGVO_CONTROLLER, later))
        .hasMessageContaining("before awareness");
    assertThatThrownBy(() -> PLANNER.correctAwareness(f, Regime.NIS2, later))
        .hasMessageContaining("not classified under it");
  }

  @Test
  void thePlanPinsTheRuleVersionInForceAtAwareness() {
    var v1 = RuleSet.DE_2025_12.asVersion("v1", at("2025-01-01T00:00+01:00"));
    var v2 =
        RuleSet.DE_2025_12
            .asVersion("v2", at("2026-11-01T00:00+01:00"))
            .withDsgvoAuthority(TimeLimit.hours(48));
    var planner = new ClockPlanner(new RuleBook(List.of(v2, v1)));
    var before =
        planner
            .plan(facts(Regime.DSGVO_CONTROLLER))
            .deadline(DeadlineKind.DSGVO_AUTHORITY_NOTIFICATION)
            .orElseThrow();
    assertThat(before.ruleVersion()).isEqualTo("v1");
    assertThat(before.due()).isEqualTo(AWARE.plus(Duration.ofHours(72)));

    Instant novAware = at("2026-11-02T10:00+01:00");
    var f =
        ClockFacts.in(BERLIN)
            .classify(
                new Classification(
                    Regime.DSGVO_CONTROLLER, new Awareness(novAware, "s", "w"), novAware));
    var after = planner.plan(f).deadline(DeadlineKind.DSGVO_AUTHORITY_NOTIFICATION).orElseThrow();
    assertThat(after.ruleVersion()).isEqualTo("v2");
    assertThat(after.due()).isEqualTo(novAware.plus(Duration.ofHours(48)));
  }

  @Test
  void awarenessBeforeAnyRuleSetIsRejectedWithTheEarliestVersion() {
    var f =
        ClockFacts.in(BERLIN)
            .classify(
                new Classification(
                    Regime.NIS2,
                    new Awareness(at("2020-01-01T00:00Z"), "s", "w"),
                    at("2020-01-01T00:00Z")));
    assertThatThrownBy(() -> PLANNER.plan(f))
        .hasMessageContaining("no rule set in force")
        .hasMessageContaining("de-2025-12");
  }

  @Test
  void badFactsAreRejectedWithClearMessages() {
    assertThatThrownBy(
            () ->
                ClockFacts.in(BERLIN)
                    .classify(new Classification(Regime.DSGVO_PROCESSOR, AWARENESS, AWARE)))
        .hasMessageContaining("AVV deadline");
    assertThatThrownBy(
            () -> facts(Regime.NIS2).classify(new Classification(Regime.NIS2, AWARENESS, AWARE)))
        .hasMessageContaining("classified twice");
    assertThatThrownBy(() -> new Classification(Regime.DORA, AWARENESS, AWARE.minusSeconds(1)))
        .hasMessageContaining("before awareness");
    assertThatThrownBy(() -> new Awareness(AWARE, " ", "x")).hasMessageContaining("source");
    assertThatThrownBy(() -> new Awareness(AWARE, "s", null)).hasMessageContaining("person");
    assertThatThrownBy(() -> ClockFacts.in(BERLIN).withAvvDeadline(Duration.ZERO))
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> new RuleBook(List.of(RuleSet.DE_2025_12, RuleSet.DE_2025_12)))
        .hasMessageContaining("twice");
  }
}
