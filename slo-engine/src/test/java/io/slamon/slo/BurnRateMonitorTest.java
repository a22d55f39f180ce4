package io.slamon.slo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BurnRateMonitorTest {
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private final SloDefinition slo = new SloDefinition("hanse-bank", "chat-availability", SliKind.AVAILABILITY, 0, 0.999,
      new SloWindow.Rolling(Duration.ofDays(30)));

  @Test
  void everyRequiredWindowIsCountedEndingNowAndAFastBurnPages() {
    List<Duration> asked = new ArrayList<>();
    // 2 % errors in every window: burn rate 20 > 14.4 on 1 h and 5 m -> page; > 6 on 6 h/30 m too
    SliSource source = (s, from, to) -> {
      assertThat(to).isEqualTo(NOW);
      asked.add(Duration.between(from, to));
      return new SliCounts(980, 1000);
    };
    BurnRateEvaluation e = new BurnRateMonitor(source, BurnRatePolicy.defaults(), InstantSource.fixed(NOW)).evaluate(slo);

    assertThat(asked).contains(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(3));
    assertThat(e.highestSeverity()).isEqualTo(AlertSeverity.PAGE);
    assertThat(e.noData()).isFalse();
  }

  @Test
  void aHealthySloFiresNothingAndNoTrafficIsNoData() {
    var healthy = new BurnRateMonitor((s, f, t) -> new SliCounts(99_995, 100_000), BurnRatePolicy.defaults(), InstantSource.fixed(NOW)).evaluate(slo);
    assertThat(healthy.firing()).isEmpty();
    var silent = new BurnRateMonitor((s, f, t) -> SliCounts.NONE, BurnRatePolicy.defaults(), InstantSource.fixed(NOW)).evaluate(slo);
    assertThat(silent.noData()).isTrue();
    assertThat(silent.firing()).isEmpty();
  }

  @Test
  void calendarSlosScaleByTheirNominalPeriod() {
    assertThat(BurnRateMonitor.period(new SloWindow.Calendar(1, ZoneId.of("Europe/Berlin")))).isEqualTo(Duration.ofDays(30));
    assertThat(BurnRateMonitor.period(new SloWindow.Calendar(3, ZoneId.of("Europe/Berlin")))).isEqualTo(Duration.ofDays(91));
    assertThat(BurnRateMonitor.period(new SloWindow.Rolling(Duration.ofDays(28)))).isEqualTo(Duration.ofDays(28));
  }
}
