package io.slamon.incident.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The availability thresholds that make an incident significant for a cloud computing service
 * provider under Implementing Regulation (EU) 2024/2690 Art. 7(a) and (b). The other criteria of
 * Art. 3 and 7 (financial loss, integrity, confidentiality, deaths) need human judgement and are
 * not assessed here.
 *
 * @param completeCrossedAt when the service had been completely unavailable for 30 min (null: not)
 * @param limitedCrossedAt when availability had been limited for more than the user threshold for
 *     one hour (null: not)
 */
public record Nis2Significance(Instant completeCrossedAt, Instant limitedCrossedAt) {
  static final Duration COMPLETE_LIMIT = Duration.ofMinutes(30);
  static final Duration LIMITED_LIMIT = Duration.ofHours(1);
  static final long USER_CAP = 1_000_000;

  public boolean completeUnavailability() {
    return completeCrossedAt != null;
  }

  public boolean limitedAvailability() {
    return limitedCrossedAt != null;
  }

  public boolean significant() {
    return completeUnavailability() || limitedAvailability();
  }

  /**
   * Assesses the outages seen up to {@code now}; running outages count until {@code now}, so this
   * can flag an incident while it runs. Overlapping or touching stretches are joined.
   *
   * @param serviceUsers the service's users in the Union
   */
  public static Nis2Significance assess(List<Outage> outages, long serviceUsers, Instant now) {
    if (serviceUsers <= 0) {
      throw new IllegalArgumentException(
          "the service's user count must be positive, got " + serviceUsers);
    }
    // Art. 7(b): "more than 5 % ... or more than 1 million ..., whichever number is smaller"
    Predicate<Outage> limitedEnough =
        o ->
            o.scope() == Outage.Scope.COMPLETE
                || o.affectedUsers() > USER_CAP
                || o.affectedUsers() * 20 > serviceUsers;
    return new Nis2Significance(
        crossing(outages, o -> o.scope() == Outage.Scope.COMPLETE, COMPLETE_LIMIT, now),
        crossing(outages, limitedEnough, LIMITED_LIMIT, now));
  }

  private static Instant crossing(
      List<Outage> outages, Predicate<Outage> counts, Duration limit, Instant now) {
    var spans = new ArrayList<Instant[]>();
    for (Outage o : outages) {
      if (!counts.test(o) || o.start().isAfter(now)) continue;
      Instant end = o.end() == null || o.end().isAfter(now) ? now : o.end();
      spans.add(new Instant[] {o.start(), end});
    }
    spans.sort(Comparator.comparing(s -> s[0]));
    Instant from = null;
    Instant to = null;
    for (Instant[] s : spans) {
      if (from != null && !s[0].isAfter(to)) {
        if (s[1].isAfter(to)) to = s[1];
      } else {
        if (from != null && Duration.between(from, to).compareTo(limit) > 0)
          return from.plus(limit);
        from = s[0];
        to = s[1];
      }
    }
    // "more than" 30 min / 1 h: exactly at the limit is not yet significant
    if (from != null && Duration.between(from, to).compareTo(limit) > 0) return from.plus(limit);
    return null;
  }
}
