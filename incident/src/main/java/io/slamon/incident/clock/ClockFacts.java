package io.slamon.incident.clock;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the deadlines of one incident depend on. A plan is a pure function of these facts (and
 * the rule book), so any correction is just a recomputation.
 *
 * @param zone the tenant's zone, for rendering and for day and month arithmetic
 * @param classifications one per regime that applies
 * @param avvDeadline the processor's deadline from the contract (AVV), needed for DSGVO_PROCESSOR
 * @param aiActCases which Art. 73 cases apply; the shortest limit wins (needed for AI_ACT)
 * @param notifications notifications already recorded, in the order they were recorded
 */
public record ClockFacts(
    ZoneId zone,
    List<Classification> classifications,
    Duration avvDeadline,
    Set<AiActCase> aiActCases,
    List<NotificationRecord> notifications) {

  public ClockFacts {
    if (zone == null) {
      throw new IllegalArgumentException("clock facts need the tenant's time zone");
    }
    classifications = List.copyOf(classifications == null ? List.of() : classifications);
    aiActCases = aiActCases == null || aiActCases.isEmpty() ? Set.of() : Set.copyOf(aiActCases);
    notifications = List.copyOf(notifications == null ? List.of() : notifications);
    var regimes = new HashSet<Regime>();
    for (Classification c : classifications) {
      if (!regimes.add(c.regime())) {
        throw new IllegalArgumentException(
            c.regime() + " is classified twice; correct the existing one");
      }
    }
    if (avvDeadline != null && (avvDeadline.isZero() || avvDeadline.isNegative())) {
      throw new IllegalArgumentException("the AVV deadline must be positive, got " + avvDeadline);
    }
    if (regimes.contains(Regime.DSGVO_PROCESSOR) && avvDeadline == null) {
      throw new IllegalArgumentException(
          "DSGVO_PROCESSOR needs the AVV deadline from the tenant's contract (e.g. PT24H)");
    }
  }

  public static ClockFacts in(ZoneId zone) {
    return new ClockFacts(zone, List.of(), null, Set.of(), List.of());
  }

  public ClockFacts classify(Classification classification) {
    var list = new ArrayList<>(classifications);
    list.add(classification);
    return new ClockFacts(zone, list, avvDeadline, aiActCases, notifications);
  }

  public ClockFacts withAvvDeadline(Duration deadline) {
    return new ClockFacts(zone, classifications, deadline, aiActCases, notifications);
  }

  public ClockFacts withAiActCases(AiActCase first, AiActCase... more) {
    return new ClockFacts(
        zone, classifications, avvDeadline, EnumSet.of(first, more), notifications);
  }

  public ClockFacts withNotification(NotificationRecord record) {
    var list = new ArrayList<>(notifications);
    list.add(record);
    return new ClockFacts(zone, classifications, avvDeadline, aiActCases, list);
  }

  /** These facts with the awareness of one regime corrected. */
  public ClockFacts correctAwareness(Regime regime, Awareness corrected) {
    var list = new ArrayList<Classification>();
    boolean found = false;
    for (Classification c : classifications) {
      if (c.regime() == regime) {
        list.add(c.withAwareness(corrected));
        found = true;
      } else {
        list.add(c);
      }
    }
    if (!found) {
      throw new IllegalArgumentException(
          "cannot correct the awareness of "
              + regime
              + ": the incident is not classified under it");
    }
    return new ClockFacts(zone, list, avvDeadline, aiActCases, notifications);
  }

  public Optional<Classification> classification(Regime regime) {
    return classifications.stream().filter(c -> c.regime() == regime).findFirst();
  }

  /** Records for one deadline, in recording order. */
  public List<NotificationRecord> notificationsFor(DeadlineKind kind) {
    return notifications.stream().filter(n -> n.deadline() == kind).toList();
  }

  /** The first actual notification (not a decision not to notify) for a deadline. */
  public Optional<NotificationRecord> firstNotified(DeadlineKind kind) {
    return notificationsFor(kind).stream().filter(NotificationRecord::notified).findFirst();
  }

  /** The latest actual notification for a deadline (e.g. the last updated DORA intermediate). */
  public Optional<NotificationRecord> lastNotified(DeadlineKind kind) {
    var list = notificationsFor(kind).stream().filter(NotificationRecord::notified).toList();
    return list.isEmpty() ? Optional.empty() : Optional.of(list.get(list.size() - 1));
  }
}
