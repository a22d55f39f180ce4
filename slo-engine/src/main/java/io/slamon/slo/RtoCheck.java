package io.slamon.slo;

import java.time.Duration;

/** One restore against the RTO: met or not, and by how much it exceeded it (zero when within). */
public record RtoCheck(RestoreRecord restore, Duration rto, boolean met, Duration exceededBy) {
  static RtoCheck of(RestoreRecord restore, Duration rto) {
    Duration over = restore.duration().minus(rto);
    Duration exceeded = over.isNegative() ? Duration.ZERO : over;
    return new RtoCheck(restore, rto, restore.succeeded() && exceeded.isZero(), exceeded);
  }
}
