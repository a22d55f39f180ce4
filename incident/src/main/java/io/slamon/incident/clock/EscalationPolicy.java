package io.slamon.incident.clock;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;

/**
 * When to escalate before a deadline, as percentages of its period, and how late a step may fire
 * before it is marked late (a restart, a downtime).
 */
public record EscalationPolicy(List<Integer> percents, Duration grace) {
  public static final EscalationPolicy DEFAULT =
      new EscalationPolicy(List.of(50, 75, 90, 100), Duration.ofMinutes(5));

  public EscalationPolicy {
    if (percents == null || percents.isEmpty()) {
      throw new IllegalArgumentException("an escalation policy needs at least one percentage");
    }
    var seen = new HashSet<Integer>();
    for (Integer p : percents) {
      if (p == null || p < 1 || p > 100) {
        throw new IllegalArgumentException("escalation percentages must be 1..100, got " + p);
      }
      if (!seen.add(p)) {
        throw new IllegalArgumentException("escalation percentage " + p + " appears twice");
      }
    }
    percents = percents.stream().sorted().toList();
    if (grace == null || grace.isNegative()) {
      throw new IllegalArgumentException("the grace period must be zero or positive, got " + grace);
    }
  }
}
