package io.slamon.incident.clock;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

/** All rule versions, and which one was in force at a given moment. */
public record RuleBook(List<RuleSet> versions) {
  public static final RuleBook DEFAULT = new RuleBook(List.of(RuleSet.DE_2025_12));

  public RuleBook {
    if (versions == null || versions.isEmpty()) {
      throw new IllegalArgumentException("a rule book needs at least one rule set");
    }
    var seen = new HashSet<String>();
    for (RuleSet r : versions) {
      if (!seen.add(r.version())) {
        throw new IllegalArgumentException("rule set version " + r.version() + " appears twice");
      }
    }
    versions = versions.stream().sorted(Comparator.comparing(RuleSet::effectiveFrom)).toList();
  }

  /** The newest version whose effective date is not after {@code at}. */
  public RuleSet inForceAt(Instant at) {
    RuleSet found = null;
    for (RuleSet r : versions) {
      if (!r.effectiveFrom().isAfter(at)) {
        found = r;
      }
    }
    if (found == null) {
      RuleSet first = versions.get(0);
      throw new IllegalArgumentException(
          "no rule set in force at "
              + at
              + "; the earliest, "
              + first.version()
              + ", is effective from "
              + first.effectiveFrom());
    }
    return found;
  }
}
