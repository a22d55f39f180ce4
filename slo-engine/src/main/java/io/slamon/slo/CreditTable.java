package io.slamon.slo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A contract's service-credit table. The applicable row is the one with the lowest threshold the
 * attainment is still strictly below (the most severe one reached); attainment equal to a threshold
 * meets it ("at least 99.9 %"). A lower threshold must not owe a smaller credit.
 */
public record CreditTable(List<CreditTier> tiers) {
  public CreditTable {
    Objects.requireNonNull(tiers, "tiers");
    List<CreditTier> sorted = new ArrayList<>(tiers);
    sorted.sort(Comparator.comparingDouble(CreditTier::attainmentBelow).reversed());
    for (int i = 1; i < sorted.size(); i++) {
      CreditTier higher = sorted.get(i - 1);
      CreditTier lower = sorted.get(i);
      if (higher.attainmentBelow() == lower.attainmentBelow()) {
        throw new IllegalArgumentException("Credit table has two rows for attainment below " + lower.attainmentBelow());
      }
      if (lower.creditShare() < higher.creditShare()) {
        throw new IllegalArgumentException(
            "Credit table is not monotonic: below " + lower.attainmentBelow() + " owes " + lower.creditShare() + ", less than " + higher.creditShare()
                + " owed below " + higher.attainmentBelow());
      }
    }
    tiers = List.copyOf(sorted);
  }

  /** The row that applies, or empty when the objective was met or attainment is unknown (NaN). */
  public Optional<CreditTier> applicable(double attainment) {
    if (Double.isNaN(attainment)) {
      return Optional.empty();
    }
    CreditTier found = null;
    for (CreditTier t : tiers) {
      if (attainment < t.attainmentBelow()) {
        found = t;
      }
    }
    return Optional.ofNullable(found);
  }

  /** The credit owed as a share of the fee, 0 when none applies. */
  public double creditShare(double attainment) {
    return applicable(attainment).map(CreditTier::creditShare).orElse(0.0);
  }
}
