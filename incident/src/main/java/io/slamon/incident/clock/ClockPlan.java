package io.slamon.incident.clock;

import static io.slamon.incident.clock.DeadlineStatus.human;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The deadlines of one incident under every regime that applies, computed from {@link ClockFacts}
 * by {@link ClockPlanner}. Immutable; a new fact means a new plan.
 */
public record ClockPlan(ClockFacts facts, List<Deadline> deadlines) {
  private static final DateTimeFormatter RENDER =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm z", Locale.ENGLISH);

  public ClockPlan {
    Objects.requireNonNull(facts, "facts");
    deadlines = List.copyOf(deadlines);
  }

  public ZoneId zone() {
    return facts.zone();
  }

  public Optional<Deadline> deadline(DeadlineKind kind) {
    return deadlines.stream().filter(d -> d.kind() == kind).findFirst();
  }

  /** e.g. "Mon 26 Oct 2026 09:00 CET", in the tenant's zone. */
  public String render(Instant instant) {
    return instant == null ? "-" : RENDER.format(instant.atZone(zone()));
  }

  public DeadlineStatus status(DeadlineKind kind, Instant now) {
    return status(
        deadline(kind)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "this incident has no " + kind.label() + " deadline")),
        now);
  }

  public List<DeadlineStatus> statuses(Instant now) {
    return deadlines.stream().map(d -> status(d, now)).toList();
  }

  /** Every deadline that is past due with nothing sent, each with how long. */
  public List<DeadlineStatus> overdueAt(Instant now) {
    return statuses(now).stream().filter(s -> s.state() == DeadlineStatus.State.OVERDUE).toList();
  }

  /**
   * What moved between {@code before} and this plan, in this plan's order; unchanged ones are left
   * out.
   */
  public List<DeadlineChange> changesFrom(ClockPlan before) {
    Map<DeadlineKind, Deadline> old = new LinkedHashMap<>();
    before.deadlines.forEach(d -> old.put(d.kind(), d));
    var changes = new ArrayList<DeadlineChange>();
    for (Deadline now : deadlines) {
      Deadline was = old.remove(now.kind());
      if (!now.equals(was)) {
        changes.add(new DeadlineChange(now.kind(), was, now));
      }
    }
    old.values().forEach(was -> changes.add(new DeadlineChange(was.kind(), was, null)));
    return List.copyOf(changes);
  }

  private DeadlineStatus status(Deadline d, Instant now) {
    String label = d.kind().label();
    if (d.isWaiting()) {
      return new DeadlineStatus(
          d,
          DeadlineStatus.State.WAITING,
          Duration.ZERO,
          label + " waits for the " + d.waitingFor().label());
    }
    var first = facts.firstNotified(d.kind());
    if (first.isPresent()) {
      Instant sent = first.get().sentAt();
      if (sent.isAfter(d.due())) {
        Duration late = Duration.between(d.due(), sent);
        return new DeadlineStatus(
            d,
            DeadlineStatus.State.MET_LATE,
            late,
            label + " sent " + human(late) + " late, at " + render(sent));
      }
      return new DeadlineStatus(
          d, DeadlineStatus.State.MET, Duration.ZERO, label + " sent on time, at " + render(sent));
    }
    var documented =
        facts.notificationsFor(d.kind()).stream().filter(n -> !n.notified()).findFirst();
    if (documented.isPresent()) {
      return new DeadlineStatus(
          d,
          DeadlineStatus.State.NOT_NOTIFIED_DOCUMENTED,
          Duration.ZERO,
          label + " not notified, documented (Art. 33(5)): " + documented.get().request().reason());
    }
    if (now.isAfter(d.due())) {
      Duration over = Duration.between(d.due(), now);
      return new DeadlineStatus(
          d,
          DeadlineStatus.State.OVERDUE,
          over,
          "OVERDUE by "
              + human(over)
              + ": "
              + label
              + " was due "
              + render(d.due())
              + " ("
              + d.basis()
              + ")");
    }
    Duration left = Duration.between(now, d.due());
    return new DeadlineStatus(
        d,
        DeadlineStatus.State.RUNNING,
        left,
        label + " due " + render(d.due()) + ", " + human(left) + " left");
  }
}
