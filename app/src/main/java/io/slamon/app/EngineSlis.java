package io.slamon.app;

import io.slamon.core.config.SlamonConfig;
import io.slamon.slo.BuiltInSlis;
import io.slamon.slo.MaintenanceAwareSliSource;
import io.slamon.slo.MaintenanceExclusions;
import io.slamon.slo.SliSource;
import io.slamon.store.Database;
import io.slamon.store.RollupReader;
import java.time.InstantSource;

/**
 * The SLI source the engine judges SLOs with: every SLI kind ({@link BuiltInSlis} over the stored
 * ratio kinds) minus announced maintenance inside the contract's agreed windows. Built here once,
 * so the live evaluation and the monthly period results (what reports read) cannot drift apart.
 */
final class EngineSlis {
  private EngineSlis() {}

  /**
   * @param rollups the 1-minute rollups the time-sliced kinds read (the period job passes its
   *     tenant-month copy); no kind reads raw samples
   * @param ratioKinds availability, TTFT and latency counts (a {@code StoredSliSource})
   */
  static SliSource of(SlamonConfig config, Database db, InstantSource clock, RollupReader rollups, SliSource ratioKinds) {
    return new MaintenanceAwareSliSource(new BuiltInSlis(rollups, db.eventStore(), ratioKinds),
        new MaintenanceExclusions(db.eventStore(), tenant -> BuiltInKinds.agreedWindows(config, tenant), clock));
  }
}
