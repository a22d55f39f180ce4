package io.slamon.collector.admission;

import io.slamon.core.config.CardinalityLimits;
import io.slamon.store.Sample;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The last step before the write pipeline, for scraped and pushed samples alike: the label
 * policy (drop, pseudonymise) is applied, then the cardinality limits decide. Refused samples
 * are counted by reason ({@link #refusedCount}), never silently lost.
 */
public final class SeriesAdmission {
  private final LabelPolicy labels;
  private final CardinalityLimiter limiter;
  private final Map<CardinalityLimiter.Refusal, LongAdder> refused = new EnumMap<>(CardinalityLimiter.Refusal.class);

  public SeriesAdmission(LabelPolicy labels, CardinalityLimits limits, InstantSource clock) {
    this.labels = labels;
    this.limiter = new CardinalityLimiter(limits, clock);
    for (CardinalityLimiter.Refusal r : CardinalityLimiter.Refusal.values()) {
      refused.put(r, new LongAdder());
    }
  }

  /** No label policy, default limits. */
  public static SeriesAdmission defaults(InstantSource clock) {
    return new SeriesAdmission(LabelPolicy.none(), CardinalityLimits.DEFAULT, clock);
  }

  /**
   * The samples of {@code group} as they may be stored (label policy applied), or null when the
   * group is refused as a whole (counted).
   */
  public List<Sample> admitGroup(String target, List<Sample> group) {
    if (group.isEmpty()) {
      return group;
    }
    List<Sample> stored = labels.isNoop() ? group : group.stream().map(this::applyPolicy).toList();
    CardinalityLimiter.Refusal why = limiter.admit(target, stored);
    if (why != null) {
      refused.get(why).add(stored.size());
      return null;
    }
    return stored;
  }

  /** Each sample admitted or refused on its own; returns those that may be stored. */
  public List<Sample> admitEach(String target, List<Sample> samples) {
    List<Sample> kept = new ArrayList<>(samples.size());
    for (Sample s : samples) {
      List<Sample> one = admitGroup(target, List.of(s));
      if (one != null) {
        kept.add(one.get(0));
      }
    }
    return kept;
  }

  /** Applies only the label policy (for series that bypass the limits, such as {@code up}). */
  public Sample applyPolicy(Sample s) {
    Map<String, String> l = labels.apply(s.labels());
    return l == s.labels() ? s : new Sample(s.tenant(), s.metric(), l, s.timestampMillis(), s.value());
  }

  public long refusedCount(CardinalityLimiter.Refusal reason) {
    return refused.get(reason).sum();
  }

  public long trackedSeries() {
    return limiter.trackedSeries();
  }

  /** Frees the series slots of a target that no longer exists. */
  public void forgetTarget(String target) {
    limiter.forgetTarget(target);
  }
}
