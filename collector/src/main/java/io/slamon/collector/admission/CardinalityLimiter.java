package io.slamon.collector.admission;

import io.slamon.core.config.CardinalityLimits;
import io.slamon.store.Sample;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the number of distinct series per target and per tenant. A series already known keeps
 * flowing; a new one beyond a bound is refused (the caller counts it by reason). Memory is
 * bounded by the limits: each scope tracks at most its limit of 16-byte entries, and series idle
 * for {@link CardinalityLimits#seriesIdleTimeout()} are forgotten when a scope is full.
 */
public final class CardinalityLimiter {
  private static final Logger LOG = LoggerFactory.getLogger(CardinalityLimiter.class);
  private static final long LOG_EVERY_MILLIS = 60_000;
  private static final long SWEEP_EVERY_MILLIS = 10_000;

  private final CardinalityLimits limits;
  private final InstantSource clock;
  private final Map<String, Scope> targets = new HashMap<>();
  private final Map<String, Scope> tenants = new HashMap<>();

  public CardinalityLimiter(CardinalityLimits limits, InstantSource clock) {
    this.limits = limits;
    this.clock = clock;
  }

  /** Why a group of samples was refused. */
  public enum Refusal {
    TARGET_SERIES_LIMIT, TENANT_SERIES_LIMIT;

    public String tag() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * Admits all series of {@code group} (one scraped sample, or one OTLP point's samples) or none.
   *
   * @param target the scrape target URL or {@code otlp://<source>}
   * @return null when admitted, else the bound that refused it
   */
  public synchronized Refusal admit(String target, List<Sample> group) {
    long now = clock.millis();
    Scope t = targets.computeIfAbsent(target, k -> new Scope("target " + k, limits.maxSeriesPerTarget()));
    String tenant = group.get(0).tenant();
    Scope n = tenant == null ? null
        : tenants.computeIfAbsent(tenant, k -> new Scope("tenant " + k, limits.maxSeriesPerTenant()));
    long[] hashes = new long[group.size()];
    int newInTarget = 0;
    int newInTenant = 0;
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = SeriesHash.of(group.get(i).metric(), group.get(i).labels());
      newInTarget += t.series.contains(hashes[i]) ? 0 : 1;
      newInTenant += n == null || n.series.contains(hashes[i]) ? 0 : 1;
    }
    if (newInTarget > 0 && !t.hasRoom(newInTarget, now)) {
      return t.refuse(Refusal.TARGET_SERIES_LIMIT, newInTarget, now);
    }
    if (n != null && newInTenant > 0 && !n.hasRoom(newInTenant, now)) {
      return n.refuse(Refusal.TENANT_SERIES_LIMIT, newInTenant, now);
    }
    for (long h : hashes) {
      t.series.touch(h, now);
      if (n != null) {
        n.series.touch(h, now);
      }
    }
    return null;
  }

  /** Series currently tracked over all targets (for the self-metrics gauge). */
  public synchronized long trackedSeries() {
    return targets.values().stream().mapToLong(s -> s.series.size()).sum();
  }

  /** Forgets the series of a target that is gone (removed by file discovery). */
  public synchronized void forgetTarget(String target) {
    targets.remove(target);
  }

  private final class Scope {
    final String name;
    final int limit;
    final SeriesSet series = new SeriesSet();
    long lastSweep;
    long lastLog = Long.MIN_VALUE;
    long refusedSinceLog;

    Scope(String name, int limit) {
      this.name = name;
      this.limit = limit;
    }

    boolean hasRoom(int extra, long now) {
      if (series.size() + extra <= limit) {
        return true;
      }
      // Full: free the slots of series that went idle, at most every few seconds (a sweep is O(n)).
      if (now - lastSweep >= SWEEP_EVERY_MILLIS) {
        lastSweep = now;
        series.expire(now - limits.seriesIdleTimeout().toMillis());
      }
      return series.size() + extra <= limit;
    }

    Refusal refuse(Refusal why, int count, long now) {
      refusedSinceLog += count;
      // Rate-limited: a full scope would otherwise log on every scrape.
      if (now - lastLog >= LOG_EVERY_MILLIS) {
        LOG.warn("{} is at its limit of {} series: refused {} new series ({}) since the last report; "
            + "existing series are still stored", name, limit, refusedSinceLog, why.tag());
        lastLog = now;
        refusedSinceLog = 0;
      }
      return why;
    }
  }
}
