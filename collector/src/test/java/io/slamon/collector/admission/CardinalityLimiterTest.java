package io.slamon.collector.admission;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.collector.admission.CardinalityLimiter.Refusal;
import io.slamon.core.config.CardinalityLimits;
import io.slamon.store.Sample;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CardinalityLimiterTest {
  final AtomicLong now = new AtomicLong(1_000_000);
  final InstantSource clock = () -> Instant.ofEpochMilli(now.get());

  static Sample sample(String tenant, String series) {
    return new Sample(tenant, "m", Map.of("s", series), 0, 1);
  }

  @Test
  void beyondTheTargetLimitNewSeriesAreRefusedWhileKnownSeriesKeepFlowing() {
    CardinalityLimiter limiter = new CardinalityLimiter(new CardinalityLimits(2, 100, Duration.ofHours(1)), clock);
    assertThat(limiter.admit("t1", List.of(sample(null, "a")))).isNull();
    assertThat(limiter.admit("t1", List.of(sample(null, "b")))).isNull();

    assertThat(limiter.admit("t1", List.of(sample(null, "c")))).isEqualTo(Refusal.TARGET_SERIES_LIMIT);
    assertThat(limiter.admit("t1", List.of(sample(null, "a")))).isNull();
    assertThat(limiter.admit("t1", List.of(sample(null, "b")))).isNull();
    // another target has its own budget
    assertThat(limiter.admit("t2", List.of(sample(null, "c")))).isNull();
  }

  @Test
  void theTenantLimitCountsTheTenantsSeriesOverAllItsTargets() {
    CardinalityLimiter limiter = new CardinalityLimiter(new CardinalityLimits(100, 3, Duration.ofHours(1)), clock);
    assertThat(limiter.admit("t1", List.of(sample("acme", "a"), sample("acme", "b")))).isNull();
    assertThat(limiter.admit("t2", List.of(sample("acme", "c")))).isNull();

    assertThat(limiter.admit("t2", List.of(sample("acme", "d")))).isEqualTo(Refusal.TENANT_SERIES_LIMIT);
    // other tenants and the provider scope are not affected
    assertThat(limiter.admit("t2", List.of(sample("globex", "d")))).isNull();
    assertThat(limiter.admit("t2", List.of(sample(null, "e")))).isNull();
  }

  @Test
  void aGroupIsAdmittedWholeOrNotAtAll() {
    CardinalityLimiter limiter = new CardinalityLimiter(new CardinalityLimits(3, 100, Duration.ofHours(1)), clock);
    assertThat(limiter.admit("t", List.of(sample(null, "a"), sample(null, "b")))).isNull();
    assertThat(limiter.admit("t", List.of(sample(null, "c"), sample(null, "d"))))
        .isEqualTo(Refusal.TARGET_SERIES_LIMIT);
    // nothing of the refused group was registered: one more single series still fits
    assertThat(limiter.admit("t", List.of(sample(null, "c")))).isNull();
  }

  @Test
  void seriesIdleLongerThanTheTimeoutFreeTheirSlots() {
    CardinalityLimiter limiter = new CardinalityLimiter(new CardinalityLimits(2, 100, Duration.ofMinutes(10)), clock);
    limiter.admit("t", List.of(sample(null, "old")));
    now.addAndGet(Duration.ofMinutes(5).toMillis());
    limiter.admit("t", List.of(sample(null, "recent")));
    assertThat(limiter.admit("t", List.of(sample(null, "new")))).isEqualTo(Refusal.TARGET_SERIES_LIMIT);

    now.addAndGet(Duration.ofMinutes(6).toMillis()); // "old" is idle 11 min, "recent" 6 min

    assertThat(limiter.admit("t", List.of(sample(null, "new")))).isNull();
    assertThat(limiter.admit("t", List.of(sample(null, "recent")))).isNull();
    assertThat(limiter.trackedSeries()).isEqualTo(2);
  }

  @Test
  void aSeriesBombStaysWithinTheLimitAndEverySampleIsEitherAdmittedOrCountedAsRefused() {
    SeriesAdmission admission = new SeriesAdmission(LabelPolicy.none(),
        new CardinalityLimits(1_000, 5_000, Duration.ofHours(1)), clock);
    int offered = 0;
    int admitted = 0;
    // a buggy exporter putting a request id into a label: a million distinct series
    for (int scrape = 0; scrape < 100; scrape++) {
      List<Sample> page = new java.util.ArrayList<>();
      for (int i = 0; i < 10_000; i++) {
        page.add(sample("acme", "req-" + scrape + "-" + i));
      }
      offered += page.size();
      admitted += admission.admitEach("http://bomb:9100/metrics", page).size();
    }
    assertThat(admitted).isEqualTo(1_000);
    assertThat(admission.trackedSeries()).isEqualTo(1_000);
    assertThat(admitted + admission.refusedCount(Refusal.TARGET_SERIES_LIMIT)
        + admission.refusedCount(Refusal.TENANT_SERIES_LIMIT)).isEqualTo(offered);
  }
}
