package io.slamon.incident.clock;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Computes an incident's {@link ClockPlan} from its facts: one method per regime, each with the
 * rule set that was in force when that regime's awareness arose. Pure: same facts, same plan.
 */
public final class ClockPlanner {
  private final RuleBook rules;

  public ClockPlanner(RuleBook rules) {
    this.rules = rules;
  }

  public ClockPlan plan(ClockFacts facts) {
    var deadlines = new ArrayList<Deadline>();
    for (Classification c : facts.classifications()) {
      RuleSet r = rules.inForceAt(c.awareness().at());
      switch (c.regime()) {
        case DSGVO_PROCESSOR -> deadlines.add(processor(facts, c, r));
        case DSGVO_CONTROLLER -> deadlines.add(controller(facts, c, r));
        case NIS2 -> deadlines.addAll(nis2(facts, c, r));
        case DORA -> deadlines.addAll(dora(facts, c, r));
        case AI_ACT -> deadlines.add(aiAct(facts, c, r));
      }
    }
    deadlines.sort(Comparator.comparing(Deadline::kind));
    return new ClockPlan(facts, deadlines);
  }

  /**
   * Recomputes the plan after an awareness correction and says what moved. The correction itself
   * belongs on the incident's timeline; this only answers "which deadlines changed".
   */
  public Correction correctAwareness(ClockFacts facts, Regime regime, Awareness corrected) {
    ClockPlan before = plan(facts);
    ClockFacts after = facts.correctAwareness(regime, corrected);
    ClockPlan plan = plan(after);
    return new Correction(after, plan, plan.changesFrom(before));
  }

  /** The result of an awareness correction. */
  public record Correction(ClockFacts facts, ClockPlan plan, List<DeadlineChange> changes) {}

  private static Deadline processor(ClockFacts f, Classification c, RuleSet r) {
    // The AVV deadline is contractual, not statutory: it comes from the tenant's contract, and the
    // rule set only pins which version of the statutory rules the rest of the plan follows.
    return after(
        DeadlineKind.DSGVO_CONTROLLER_NOTICE,
        TimeLimit.of(f.avvDeadline()),
        c.awareness().at(),
        "awareness",
        f.zone(),
        r);
  }

  private static Deadline controller(ClockFacts f, Classification c, RuleSet r) {
    return after(
        DeadlineKind.DSGVO_AUTHORITY_NOTIFICATION,
        r.dsgvoAuthority(),
        c.awareness().at(),
        "awareness",
        f.zone(),
        r);
  }

  private static List<Deadline> nis2(ClockFacts f, Classification c, RuleSet r) {
    Instant aware = c.awareness().at();
    var list = new ArrayList<Deadline>();
    list.add(
        after(
            DeadlineKind.NIS2_EARLY_WARNING,
            r.nis2EarlyWarning(),
            aware,
            "awareness",
            f.zone(),
            r));
    list.add(
        after(
            DeadlineKind.NIS2_NOTIFICATION, r.nis2Notification(), aware, "awareness", f.zone(), r));
    list.add(
        f.firstNotified(DeadlineKind.NIS2_NOTIFICATION)
            .map(
                n ->
                    after(
                        DeadlineKind.NIS2_FINAL_REPORT,
                        r.nis2Final(),
                        n.sentAt(),
                        "the NIS2 notification",
                        f.zone(),
                        r))
            .orElseGet(
                () ->
                    waiting(
                        DeadlineKind.NIS2_FINAL_REPORT,
                        DeadlineKind.NIS2_NOTIFICATION,
                        r.nis2Final(),
                        r)));
    return list;
  }

  private static List<Deadline> dora(ClockFacts f, Classification c, RuleSet r) {
    ZoneId zone = f.zone();
    Instant classified = c.classifiedAt();
    Instant aware = c.awareness().at();
    Instant fromClassification = r.doraInitialAfterClassification().strictEnd(classified, zone);
    Instant cap = r.doraInitialAfterAwareness().strictEnd(aware, zone);
    Instant legal =
        min(
            r.doraInitialAfterClassification().legalEnd(classified, zone),
            r.doraInitialAfterAwareness().legalEnd(aware, zone));
    String basis =
        "classification as major + "
            + r.doraInitialAfterClassification().describe()
            + ", at most awareness + "
            + r.doraInitialAfterAwareness().describe()
            + " (rules "
            + r.version()
            + ")";
    var list = new ArrayList<Deadline>();
    list.add(
        Deadline.computed(
            DeadlineKind.DORA_INITIAL,
            classified,
            min(fromClassification, cap),
            legal,
            basis,
            r.version()));
    list.add(
        f.firstNotified(DeadlineKind.DORA_INITIAL)
            .map(
                n ->
                    after(
                        DeadlineKind.DORA_INTERMEDIATE,
                        r.doraIntermediate(),
                        n.sentAt(),
                        "the initial notification",
                        zone,
                        r))
            .orElseGet(
                () ->
                    waiting(
                        DeadlineKind.DORA_INTERMEDIATE,
                        DeadlineKind.DORA_INITIAL,
                        r.doraIntermediate(),
                        r)));
    // The final report runs from the latest (updated) intermediate report, so each update moves it.
    list.add(
        f.lastNotified(DeadlineKind.DORA_INTERMEDIATE)
            .map(
                n ->
                    after(
                        DeadlineKind.DORA_FINAL,
                        r.doraFinal(),
                        n.sentAt(),
                        "the last intermediate report",
                        zone,
                        r))
            .orElseGet(
                () ->
                    waiting(
                        DeadlineKind.DORA_FINAL,
                        DeadlineKind.DORA_INTERMEDIATE,
                        r.doraFinal(),
                        r)));
    return list;
  }

  private static Deadline aiAct(ClockFacts f, Classification c, RuleSet r) {
    Instant aware = c.awareness().at();
    Set<AiActCase> cases =
        f.aiActCases().isEmpty() ? Set.of(AiActCase.SERIOUS_INCIDENT) : f.aiActCases();
    TimeLimit shortest = null;
    for (AiActCase k : cases) {
      TimeLimit limit =
          switch (k) {
            case SERIOUS_INCIDENT -> r.aiActSeriousIncident();
            case WIDESPREAD_OR_CRITICAL_INFRASTRUCTURE -> r.aiActWidespread();
            case DEATH -> r.aiActDeath();
          };
      if (shortest == null
          || limit.strictEnd(aware, f.zone()).isBefore(shortest.strictEnd(aware, f.zone()))) {
        shortest = limit;
      }
    }
    return after(DeadlineKind.AI_ACT_REPORT, shortest, aware, "awareness", f.zone(), r);
  }

  private static Deadline after(
      DeadlineKind kind, TimeLimit limit, Instant from, String fromWhat, ZoneId zone, RuleSet r) {
    return Deadline.computed(
        kind,
        from,
        limit.strictEnd(from, zone),
        limit.legalEnd(from, zone),
        fromWhat + " + " + limit.describe() + " (rules " + r.version() + ")",
        r.version());
  }

  private static Deadline waiting(DeadlineKind kind, DeadlineKind on, TimeLimit limit, RuleSet r) {
    return Deadline.waiting(
        kind,
        on,
        on.label() + " + " + limit.describe() + " (rules " + r.version() + ")",
        r.version());
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
