package io.slamon.slo;

import io.slamon.slo.internal.Intervals;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * RPO and RTO (DOMAIN.md "Recovery objectives"). RPO is met at instant t when the newest
 * successful backup at or before t is younger than the RPO; RTO is evidenced per restore.
 */
public final class RecoveryObjectives {
  private RecoveryObjectives() {}

  /**
   * RPO compliance over {@code period}. Pass every successful backup of the asset up to the
   * period's end, including the last one before the period (it decides the first minutes). Time
   * before the first known backup counts as violation: without a backup nothing can be recovered.
   */
  public static RpoResult rpo(TimeInterval period, Duration rpo, Collection<Instant> successfulBackups) {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(successfulBackups, "successfulBackups");
    if (rpo == null || rpo.isNegative() || rpo.isZero()) {
      throw new IllegalArgumentException("Illegal RPO " + rpo + ": expecting a positive duration");
    }
    List<Instant> backups = successfulBackups.stream().filter(b -> b.isBefore(period.end())).sorted().distinct().toList();
    List<TimeInterval> covered = new ArrayList<>();
    Duration worst = null;
    for (int i = 0; i < backups.size(); i++) {
      Instant taken = backups.get(i);
      Instant replaced = i + 1 < backups.size() ? backups.get(i + 1) : period.end();
      if (!replaced.isAfter(period.start())) {
        continue;
      }
      // the backup is "fresh" from when it was taken until it reaches the RPO age
      Instant staleAt = taken.plus(rpo);
      covered.add(new TimeInterval(taken, staleAt.isBefore(replaced) ? staleAt : replaced));
      Duration ageAtEnd = Duration.between(taken, replaced);
      if (worst == null || ageAtEnd.compareTo(worst) > 0) {
        worst = ageAtEnd;
      }
    }
    List<TimeInterval> violations = Intervals.subtract(List.of(period), covered);
    return new RpoResult(Intervals.total(violations), Optional.ofNullable(worst), violations);
  }

  /** Each restore judged against the RTO: met when it succeeded within the RTO (equal is met). */
  public static List<RtoCheck> rto(Duration rto, List<RestoreRecord> restores) {
    if (rto == null || rto.isNegative() || rto.isZero()) {
      throw new IllegalArgumentException("Illegal RTO " + rto + ": expecting a positive duration");
    }
    return restores.stream().map(r -> RtoCheck.of(r, rto)).toList();
  }
}
