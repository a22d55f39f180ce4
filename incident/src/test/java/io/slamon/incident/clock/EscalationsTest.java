package io.slamon.incident.clock;

import static io.slamon.incident.clock.ClockPlannerTest.AWARE;
import static io.slamon.incident.clock.ClockPlannerTest.AWARENESS;
import static io.slamon.incident.clock.ClockPlannerTest.BERLIN;
import static io.slamon.incident.clock.ClockPlannerTest.PLANNER;
import static io.slamon.incident.clock.ClockPlannerTest.facts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EscalationsTest {
  private final Escalations escalations = new Escalations(EscalationPolicy.DEFAULT);

  private static Instant hoursAfterAwareness(double h) {
    return AWARE.plus(Duration.ofMinutes(Math.round(h * 60)));
  }

  @ParameterizedTest(name = "{1} % of the 72 h DSGVO clock is {2} h after awareness")
  @CsvSource({
    "DSGVO_CONTROLLER/authority-notification/50, 50, 36",
    "DSGVO_CONTROLLER/authority-notification/75, 75, 54",
    "DSGVO_CONTROLLER/authority-notification/90, 90, 64.8",
    "DSGVO_CONTROLLER/authority-notification/100, 100, 72",
  })
  void stepsSitAtTheirShareOfThePeriodWithStableIds(String id, int percent, double hours) {
    var steps = escalations.steps(PLANNER.plan(facts(Regime.DSGVO_CONTROLLER)));
    assertThat(steps)
        .contains(
            new EscalationStep(
                id,
                DeadlineKind.DSGVO_AUTHORITY_NOTIFICATION,
                percent,
                hoursAfterAwareness(hours)));
  }

  @Test
  void eachStepFiresOnceAcrossASimulatedRestart() {
    var facts = facts(Regime.DSGVO_CONTROLLER);
    Set<String> fired = new HashSet<>();

    var first = escalations.dueEscalations(PLANNER.plan(facts), fired, hoursAfterAwareness(36.01));
    assertThat(first)
        .extracting(d -> d.step().id())
        .containsExactly("DSGVO_CONTROLLER/authority-notification/50");
    assertThat(first.get(0).late()).isFalse();
    first.forEach(d -> fired.add(d.step().id()));

    // "restart": a new scheduler, the plan recomputed from the same facts, the persisted fired set
    var afterRestart = new Escalations(EscalationPolicy.DEFAULT);
    Set<String> persisted = Set.copyOf(fired);
    assertThat(
            afterRestart.dueEscalations(
                new ClockPlanner(RuleBook.DEFAULT).plan(facts),
                persisted,
                hoursAfterAwareness(36.5)))
        .isEmpty();

    // down from 40 h to 66 h: the 75 % and 90 % steps fire once each, marked late
    var late = afterRestart.dueEscalations(PLANNER.plan(facts), persisted, hoursAfterAwareness(66));
    assertThat(late).extracting(d -> d.step().percent()).containsExactly(75, 90);
    assertThat(late).allMatch(DueEscalation::late);
    assertThat(late.get(0).lateBy()).isEqualTo(Duration.ofHours(12));
    late.forEach(d -> fired.add(d.step().id()));
    assertThat(afterRestart.dueEscalations(PLANNER.plan(facts), fired, hoursAfterAwareness(66)))
        .isEmpty();

    var last = afterRestart.dueEscalations(PLANNER.plan(facts), fired, hoursAfterAwareness(72));
    assertThat(last).extracting(d -> d.step().percent()).containsExactly(100);
    assertThat(last.get(0).late()).isFalse();
  }

  @Test
  void aStepWithinTheGracePeriodIsNotLateAndOneBeyondIs() {
    var plan = PLANNER.plan(facts(Regime.NIS2));
    Instant step = hoursAfterAwareness(12); // 50 % of the 24 h early warning
    assertThat(
            escalations
                .dueEscalations(plan, Set.of(), step.plus(Duration.ofMinutes(5)))
                .get(0)
                .late())
        .isFalse();
    assertThat(
            escalations
                .dueEscalations(plan, Set.of(), step.plus(Duration.ofMinutes(6)))
                .get(0)
                .late())
        .isTrue();
  }

  @Test
  void aReclassifiedOverdueClockFiresEveryStepOnceAndLate() {
    var f =
        ClockFacts.in(BERLIN)
            .classify(
                new Classification(Regime.DSGVO_CONTROLLER, AWARENESS, hoursAfterAwareness(100)));
    var due = escalations.dueEscalations(PLANNER.plan(f), Set.of(), hoursAfterAwareness(100));
    assertThat(due).hasSize(4).allMatch(DueEscalation::late);
  }

  @Test
  void aMetDeadlineAndAWaitingOneDoNotEscalate() {
    var f = facts(Regime.NIS2);
    var record =
        Notifications.record(
            PLANNER.plan(f),
            NotificationRequest.sent(
                DeadlineKind.NIS2_EARLY_WARNING, hoursAfterAwareness(2), "ciso"));
    var plan = PLANNER.plan(f.withNotification(record));
    var due = escalations.dueEscalations(plan, Set.of(), hoursAfterAwareness(40));
    assertThat(due)
        .extracting(d -> d.step().deadline())
        .containsOnly(DeadlineKind.NIS2_NOTIFICATION);
    assertThat(escalations.steps(plan))
        .noneMatch(s -> s.deadline() == DeadlineKind.NIS2_FINAL_REPORT);
  }

  @Test
  void doraClassifiedAfterTheCapHasEveryStepAtTheDeadline() {
    var f =
        ClockFacts.in(BERLIN)
            .classify(new Classification(Regime.DORA, AWARENESS, hoursAfterAwareness(30)));
    var steps = escalations.steps(PLANNER.plan(f));
    assertThat(steps).extracting(EscalationStep::at).containsOnly(hoursAfterAwareness(24));
  }

  @Test
  void theStepsAreConfigurable() {
    var custom = new Escalations(new EscalationPolicy(List.of(100, 25), Duration.ZERO));
    assertThat(custom.steps(PLANNER.plan(facts(Regime.DSGVO_CONTROLLER))))
        .extracting(EscalationStep::id)
        .containsExactly(
            "DSGVO_CONTROLLER/authority-notification/25",
            "DSGVO_CONTROLLER/authority-notification/100");
  }

  @Test
  void badPoliciesAreRejected() {
    assertThatThrownBy(() -> new EscalationPolicy(List.of(0), Duration.ZERO))
        .hasMessageContaining("1..100");
    assertThatThrownBy(() -> new EscalationPolicy(List.of(50, 50), Duration.ZERO))
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> new EscalationPolicy(List.of(), Duration.ZERO))
        .hasMessageContaining("at least one");
    assertThatThrownBy(() -> new EscalationPolicy(List.of(50), Duration.ofMinutes(-1)))
        .hasMessageContaining("grace");
  }
}
