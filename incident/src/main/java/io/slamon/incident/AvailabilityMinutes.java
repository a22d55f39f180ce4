package io.slamon.incident;

import io.slamon.incident.clock.Outage;
import io.slamon.store.RollupReader;
import io.slamon.store.RollupReader.Minute;
import io.slamon.store.RollupReader.RollupSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Availability per UTC minute from the 1-minute rollups, as the NIS2 significance assessment
 * ({@link io.slamon.incident.clock.Nis2Significance}) needs it. A minute is an outage of the whole
 * service ({@link Outage.Scope#COMPLETE}) when every scrape target of the scope reported {@code up}
 * 0 throughout it, or when requests came in ({@code http_requests_total}) and all of them failed
 * ({@code status="5xx"}); it is {@link Outage.Scope#LIMITED} when some requests failed.
 *
 * <p>slamon sees requests, not users: the share of failed requests stands in for the share of
 * affected users, expressed as parts per million of {@link #USERS}. So Art. 7(b)'s "more than 5 %
 * of users" is "more than 5 % of requests failed"; its alternative "more than 1 million users"
 * cannot be judged from requests and is left to the provider.
 */
public final class AvailabilityMinutes {
  /** The user count shares are expressed in (parts per million): 5 % is 50 000. */
  public static final long USERS = 1_000_000;
  static final String REQUESTS = "http_requests_total";
  static final String UP = "up";
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final RollupReader rollups;

  public AvailabilityMinutes(RollupReader rollups) {
    this.rollups = rollups;
  }

  /** The outage minutes of a scope ({@code null}: the provider) from {@code from} up to {@code now}. */
  public List<Outage> outages(String tenant, Instant from, Instant now) {
    Instant to = now.plusMillis(1);
    return outages(rollups.rollups(tenant, REQUESTS, Map.of(), from, to), rollups.rollups(tenant, UP, Map.of(), from, to), now);
  }

  private record Counts(double total, double failed, boolean targetsSeen, boolean anyTargetUp) {
    static final Counts NONE = new Counts(0, 0, false, false);

    Counts plus(Counts o) {
      return new Counts(total + o.total, failed + o.failed, targetsSeen || o.targetsSeen, anyTargetUp || o.anyTargetUp);
    }
  }

  /** One outage per minute with failures or all targets down; a running minute ends at {@code now}. */
  static List<Outage> outages(List<RollupSeries> requests, List<RollupSeries> up, Instant now) {
    TreeMap<Instant, Counts> minutes = new TreeMap<>();
    for (RollupSeries s : requests) {
      boolean failed = "5xx".equals(s.labels().get("status"));
      for (Minute m : s.minutes()) {
        double inc = Math.max(0, m.increase());
        minutes.merge(m.minute(), new Counts(inc, failed ? inc : 0, false, false), Counts::plus);
      }
    }
    for (RollupSeries s : up) {
      for (Minute m : s.minutes()) {
        // max 0: the target was down at every scrape of the minute
        minutes.merge(m.minute(), new Counts(0, 0, true, m.max() > 0), Counts::plus);
      }
    }
    List<Outage> outages = new ArrayList<>();
    minutes.forEach((minute, c) -> {
      Instant end = minute.plus(MINUTE).isAfter(now) ? now : minute.plus(MINUTE);
      if (!end.isAfter(minute)) {
        return;
      }
      boolean allTargetsDown = c.targetsSeen() && !c.anyTargetUp();
      if (allTargetsDown || (c.total() > 0 && c.failed() >= c.total())) {
        outages.add(new Outage(minute, end, Outage.Scope.COMPLETE, USERS));
      } else if (c.total() > 0 && c.failed() > 0) {
        outages.add(new Outage(minute, end, Outage.Scope.LIMITED, Math.round(c.failed() / c.total() * USERS)));
      }
    });
    return outages;
  }
}
