package io.slamon.incident.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The escalation steps of a plan and which of them are due. Stateless: the caller keeps the set of
 * fired ids (persisted), so after a restart the same plan and the same set give the same answer and
 * nothing fires twice.
 */
public final class Escalations {
  private final EscalationPolicy policy;

  public Escalations(EscalationPolicy policy) {
    this.policy = policy;
  }

  /** All steps of every computed deadline, in time order. */
  public List<EscalationStep> steps(ClockPlan plan) {
    var steps = new ArrayList<EscalationStep>();
    for (Deadline d : plan.deadlines()) {
      if (d.isWaiting()) continue;
      // A period that ended before it began (DORA classified after the 24 h cap, a late
      // reclassification) has every step at the deadline itself.
      Duration period = Duration.between(d.start(), d.due());
      if (period.isNegative()) period = Duration.ZERO;
      for (int p : policy.percents()) {
        Instant at = p == 100 ? d.due() : d.start().plus(period.multipliedBy(p).dividedBy(100));
        if (at.isAfter(d.due())) at = d.due();
        steps.add(new EscalationStep(EscalationStep.idOf(d.kind(), p), d.kind(), p, at));
      }
    }
    steps.sort((a, b) -> a.at().compareTo(b.at()));
    return List.copyOf(steps);
  }

  /**
   * Steps whose time has come, not yet fired, of deadlines still open (running or overdue); ones
   * more than the grace period past their time are marked late.
   */
  public List<DueEscalation> dueEscalations(ClockPlan plan, Set<String> firedIds, Instant now) {
    var due = new ArrayList<DueEscalation>();
    for (EscalationStep s : steps(plan)) {
      if (s.at().isAfter(now) || firedIds.contains(s.id())) continue;
      var state = plan.status(s.deadline(), now).state();
      if (state != DeadlineStatus.State.RUNNING && state != DeadlineStatus.State.OVERDUE) continue;
      Duration lateBy = Duration.between(s.at(), now);
      boolean late = lateBy.compareTo(policy.grace()) > 0;
      due.add(new DueEscalation(s, late, late ? lateBy : Duration.ZERO));
    }
    return List.copyOf(due);
  }
}
