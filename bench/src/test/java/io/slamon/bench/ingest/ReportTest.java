package io.slamon.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {
  static PeerResult slamon(double cpu, long collectorBytes, List<Long> latencies, double queueSlope) {
    return new PeerResult("slamon", null, 100, 1_000_000, 10_000, Map.of("collector", cpu * 0.6, "database", cpu * 0.4),
        Map.of("collector", collectorBytes, "database", 80L << 20), new PeerResult.Queue(0, 10, 5_000, queueSlope, 0, 0),
        latencies, 5, "0.50 0.40 0.30");
  }

  static PeerResult prometheus(double cpu) {
    return new PeerResult("Prometheus", null, 100, 1_000_000, 10_000, Map.of("server", cpu), Map.of("server", 70L << 20), null,
        List.of(100L), 5, "0.10 0.20 0.30");
  }

  @Test
  void theTableShowsEveryPeerAndSlamonsRatioToEachBaseline() {
    String md = new Report("heading", List.of(slamon(3, 500L << 20, List.of(100L, 200L, 4_000L), 0), prometheus(2),
        PeerResult.skipped("VictoriaMetrics", "victoria-metrics not found")), 1_000_000).markdown();
    assertThat(md).startsWith("heading\n\n| | slamon | Prometheus | VictoriaMetrics | slamon / Prometheus | slamon / VictoriaMetrics |");
    // 3 CPU-s for 1 M samples against 2: ratio 1.50; the skipped peer has no numbers and no ratio
    assertThat(md).contains("| **CPU-s per million samples, total** | **3.000** | **2.000** | n/a | 1.50 | n/a |");
    assertThat(md).contains("| CPU-s per million samples, collector | 1.800 | n/a | n/a |");
    assertThat(md).contains("VictoriaMetrics skipped: victoria-metrics not found");
    assertThat(md).contains("scrape-to-queryable p50 / p99 / max | 200 / 4,000 / 4,000 ms (3 points)");
    assertThat(md).contains("≤ 2× Prometheus: 1.50× — met", "memory ≤ 1 GiB at 1 M active series (1,000,000 here): peak RSS 500 MiB — met", "p99 < 5 s: 4,000 ms — met",
        "no growing backlog: stored 100.0 % of offered");
  }

  @Test
  void missedTargetsSayNotMet() {
    String md = new Report("h", List.of(slamon(5, 2L << 30, List.of(6_000L), 500), prometheus(2)), 2_000_000).markdown();
    assertThat(md).contains("2.50× — NOT met", "2,048 MiB — NOT met", "6,000 ms — NOT met", "refused — NOT met");
  }

  @Test
  void withoutPrometheusTheCpuTargetIsNotEvaluatedBelowAMillionSeriesNeitherIsMemoryAndWithoutProbePointsLatencyIsNotMet() {
    String md = new Report("h", List.of(slamon(1, 1L << 20, List.of(), 0), PeerResult.skipped("Prometheus", "not found")),
        10_000).markdown();
    assertThat(md).contains("not evaluated (Prometheus did not run)", "the probe saw no point become queryable",
        "not evaluated, only 10,000 active series here (peak RSS 1 MiB)");
  }

  @Test
  void aQueueMeterMissingFromSlamonsMetricsLeavesTheBacklogUnevaluatedRatherThanMet() {
    PeerResult blind = new PeerResult("slamon", null, 100, 1_000_000, 10_000, Map.of("collector", 1.0), Map.of("collector", 1L),
        new PeerResult.Queue(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN), List.of(1L), 0, "1 1 1");
    String md = new Report("h", List.of(blind), 10_000).markdown();
    assertThat(md).contains("backlog not evaluated (queue depth or refusals missing from slamon's /metrics)")
        .doesNotContain("backlog: stored 100.0 % of offered, queue growth");
  }

  @Test
  void withoutSlamonThereAreNoRatioColumns() {
    String md = new Report("h", List.of(prometheus(2)), 10_000).markdown();
    assertThat(md).contains("| | Prometheus |\n|---|---:|\n").doesNotContain("slamon /");
    assertThat(md).contains("| load average at window start (1/5/15 min) | 0.10 0.20 0.30 |\n");
  }

  @Test
  void quantilesAreNearestRankAndTheSlopeIsLeastSquares() {
    PeerResult r = slamon(1, 1, List.of(5L, 1L, 4L, 2L, 3L), 0);
    assertThat(r.latencyQuantile(0.5)).hasValue(3L);
    assertThat(r.latencyQuantile(0.99)).hasValue(5L);
    assertThat(PeerResult.slope(List.of(new double[] {0, 1}, new double[] {1, 3}, new double[] {2, 5}))).isEqualTo(2.0);
    assertThat(PeerResult.slope(List.of(new double[] {0, 1}))).isZero();
  }
}
