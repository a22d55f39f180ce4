package io.slamon.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScaleFleetIT {
  static Vertx vertx;
  static MutableClock clock;
  static ScaleFleet fleet;
  static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    fleet = ScaleFleet.start(vertx, ScaleSpec.of(3, 1_000, Duration.ofSeconds(1)), clock);
  }

  @AfterAll
  static void stop() {
    fleet.close();
    vertx.close().await();
  }

  static HttpResponse<String> get(String target, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://" + target + path)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void everyTargetServesExactlyItsSeriesAsValidDcgmExporterText() throws Exception {
    assertThat(fleet.targets()).hasSize(3).doesNotHaveDuplicates();
    for (int t = 0; t < 3; t++) {
      HttpResponse<String> r = get(fleet.targets().get(t), "/metrics");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
      Map<String, Double> series = PromTextCheck.parse(r.body());
      assertThat(series).hasSize(1_000);
      // 1 000 series = 20 dcgm fields x 50 GPUs, labels in dcgm-exporter's order
      assertThat(series.keySet()).filteredOn(k -> k.startsWith("DCGM_FI_DEV_GPU_TEMP{")).hasSize(50);
      assertThat(r.body()).containsPattern("DCGM_FI_DEV_GPU_TEMP\\{gpu=\"0\",UUID=\"GPU-[0-9a-f-]{36}\",pci_bus_id=\"00000000:00:00.0\","
          + "device=\"nvidia0\",modelName=\"NVIDIA H100 80GB HBM3\",Hostname=\"bench-node-00" + t
          + "\",DCGM_FI_DRIVER_VERSION=\"550.127.05\",container=\"vllm\",namespace=\"bench-tenant-0\",pod=\"vllm-[0-9a-z]+-0\"} \\d\\d\n");
    }
    assertThat(get(fleet.targets().get(0), "/other").statusCode()).isEqualTo(404);
  }

  @Test
  void valuesChangeEachIntervalWithinRangeWhileCountersOnlyGrowAndThePageKeepsItsLength() throws Exception {
    String target = fleet.targets().get(1);
    String before = get(target, "/metrics").body();
    assertThat(get(target, "/metrics").body()).as("same interval, same page").isEqualTo(before);
    clock.advance(Duration.ofSeconds(7));
    String after = get(target, "/metrics").body();
    assertThat(after).hasSameSizeAs(before).isNotEqualTo(before);
    Map<String, Double> a = PromTextCheck.parse(before);
    Map<String, Double> b = PromTextCheck.parse(after);
    assertThat(b.keySet()).containsExactlyElementsOf(a.keySet());
    int changed = 0;
    for (String key : a.keySet()) {
      double v = b.get(key);
      changed += v != a.get(key) ? 1 : 0;
      if (key.startsWith("DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION")) {
        assertThat(v).as(key).isGreaterThanOrEqualTo(a.get(key));
      } else if (key.startsWith("DCGM_FI_DEV_GPU_TEMP")) {
        assertThat(v).as(key).isBetween(33.0, 80.0);
      } else if (key.startsWith("DCGM_FI_PROF_")) {
        assertThat(v).as(key).isBetween(0.0, 1.0);
      } else if (key.startsWith("DCGM_FI_DEV_XID_ERRORS")) {
        assertThat(v).as(key).isZero();
      }
    }
    assertThat(changed).as("changed series").isGreaterThan(500);
  }

  @Test
  void twoFleetsWithTheSameSeedServeTheSameBytesForTheSameIntervalAndAnotherSeedDiffers() throws Exception {
    Instant t0 = Instant.parse("2026-11-24T12:00:00Z");
    var clockA = new MutableClock(t0);
    var clockB = new MutableClock(t0);
    var clockC = new MutableClock(t0);
    try (ScaleFleet a = ScaleFleet.start(vertx, ScaleSpec.of(2, 300, Duration.ofSeconds(1)), clockA);
        ScaleFleet b = ScaleFleet.start(vertx, ScaleSpec.of(2, 300, Duration.ofSeconds(1)), clockB);
        ScaleFleet c = ScaleFleet.start(vertx, new ScaleSpec(2, 300, Duration.ofSeconds(1), 7, 0), clockC)) {
      // a is scraped every interval, b only at the end: what it serves depends on the interval alone
      for (int s = 0; s < 5; s++) {
        get(a.targets().get(1), "/metrics");
        clockA.advance(Duration.ofSeconds(1));
      }
      clockB.advance(Duration.ofSeconds(5));
      clockC.advance(Duration.ofSeconds(5));
      String pageA = get(a.targets().get(1), "/metrics").body();
      assertThat(get(b.targets().get(1), "/metrics").body()).isEqualTo(pageA);
      assertThat(get(c.targets().get(1), "/metrics").body()).isNotEqualTo(pageA);
      assertThat(pageA).contains("Hostname=\"bench-node-001\"").doesNotContain("bench-node-000");
      // 300 series: 15 GPUs per field, all 20 fields present
      assertThat(PromTextCheck.parse(pageA)).hasSize(300);
    }
  }

  @Test
  void seriesThatAreNoMultipleOfTwentyEndInAShorterLastFamily() throws Exception {
    try (ScaleFleet odd = ScaleFleet.start(vertx, ScaleSpec.of(1, 45, Duration.ofSeconds(1)), clock)) {
      Map<String, Double> series = PromTextCheck.parse(get(odd.targets().get(0), "/metrics").body());
      assertThat(series).hasSize(45);
      // 3 GPUs: 15 full fields would be 45 series
      assertThat(series.keySet()).filteredOn(k -> k.contains("gpu=\"2\"")).hasSize(15);
    }
  }

  @Test
  void aSpecOutsideItsBoundsIsRefusedWithTheReason() {
    assertThatThrownBy(() -> ScaleSpec.of(0, 10, Duration.ofSeconds(1))).hasMessageContaining("targets must be 1..10000");
    assertThatThrownBy(() -> ScaleSpec.of(1, 0, Duration.ofSeconds(1))).hasMessageContaining("seriesPerTarget");
    assertThatThrownBy(() -> ScaleSpec.of(1, 1, Duration.ZERO)).hasMessageContaining("interval must be at least 1 ms");
    assertThatThrownBy(() -> new ScaleSpec(10, 1, Duration.ofSeconds(1), 1, 65530)).hasMessageContaining("beyond 65535");
  }
}
