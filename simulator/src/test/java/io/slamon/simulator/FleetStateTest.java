package io.slamon.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slamon.simulator.internal.FleetState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FleetStateTest {
  static final Instant START = Instant.parse("2026-11-24T09:58:30Z");
  static final FleetSpec DEMO = FleetSpec.demo(42);

  private static String allMetrics(FleetState state, Instant t) {
    var out = new StringBuilder();
    for (int i = 0; i < state.spec().gpuNodes().size(); i++) {
      out.append(state.dcgmMetrics(i, t));
    }
    for (int i = 0; i < state.spec().vllmServers().size(); i++) {
      out.append(state.vllmMetrics(i, t).orElse("DOWN\n"));
    }
    return out.toString();
  }

  @Test
  void sameSeedAndClockReadingsGiveByteIdenticalMetricsHoweverOftenScraped() {
    var often = new FleetState(DEMO, START);
    var once = new FleetState(DEMO, START);
    for (int s = 1; s <= 90; s++) {
      allMetrics(often, START.plusMillis(s * 1000L + 250));
    }
    Instant end = START.plusSeconds(90).plusMillis(250);
    assertThat(allMetrics(once, end)).isEqualTo(allMetrics(often, end));
  }

  @Test
  void differentSeedsGiveDifferentMetrics() {
    Instant t = START.plusSeconds(30);
    String a = allMetrics(new FleetState(DEMO, START), t);
    String b = allMetrics(new FleetState(DEMO.withSeed(43), START), t);
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void dcgmOutputIsValidPrometheusTextWithDcgmExporterLabels() {
    var state = new FleetState(DEMO, START);
    String text = state.dcgmMetrics(0, START.plusSeconds(5));
    Map<String, Double> series = PromTextCheck.parse(text);
    assertThat(text)
        .contains("# HELP DCGM_FI_DEV_GPU_UTIL GPU utilization (in %).\n")
        .contains("# TYPE DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION counter\n")
        .doesNotContain("GPU_I_PROFILE");
    var allocated =
        Pattern.compile(
            "DCGM_FI_DEV_GPU_UTIL\\{gpu=\"0\",UUID=\"GPU-[0-9a-f-]{36}\","
                + "pci_bus_id=\"00000000:18:00.0\",device=\"nvidia0\","
                + "modelName=\"NVIDIA H100 80GB HBM3\",Hostname=\"gpu-node-01\","
                + "DCGM_FI_DRIVER_VERSION=\"550.127.05\",container=\"vllm\","
                + "namespace=\"acme-logistik\",pod=\"vllm-llama-3-1-8b-7d9f8c6b5-[a-z0-9]{5}\"\\}"
                + " [0-9]+\n");
    assertThat(allocated.matcher(text).find()).as(text).isTrue();
    // GPU 7 of gpu-node-01 is unallocated: no Kubernetes labels at all.
    assertThat(text)
        .containsPattern("DCGM_FI_DEV_GPU_UTIL\\{gpu=\"7\",[^}]*DCGM_FI_DRIVER_VERSION=\"[^\"]+\"\\} 0\n");
    // 19 counters x 8 GPUs
    assertThat(series).hasSize(19 * 8);
  }

  @Test
  void migInstancesCarryProfileAndInstanceIdAndNoWholeGpuUtilisation() {
    var state = new FleetState(DEMO, START);
    String text = state.dcgmMetrics(3, START.plusSeconds(5));
    PromTextCheck.parse(text);
    assertThat(text)
        .containsPattern(
            "DCGM_FI_DEV_FB_USED\\{gpu=\"6\",[^}]*,GPU_I_PROFILE=\"1g.10gb\",GPU_I_ID=\"7\","
                + "Hostname=\"gpu-node-04\",[^}]*namespace=\"praxis-digital\"[^}]*\\} [0-9]+\n")
        .containsPattern("DCGM_FI_DEV_FB_FREE\\{gpu=\"7\",[^}]*GPU_I_ID=\"13\",[^}]*\\} 9984\n")
        .doesNotContainPattern("DCGM_FI_DEV_GPU_UTIL\\{gpu=\"6\"");
  }

  @Test
  void valuesStayInRealisticRangesAndCountersNeverDecrease() {
    var state = new FleetState(DEMO, START);
    Map<String, Double> before = PromTextCheck.parse(state.dcgmMetrics(0, START.plusSeconds(1)));
    Map<String, Double> after = PromTextCheck.parse(state.dcgmMetrics(0, START.plusSeconds(600)));
    after.forEach(
        (series, value) -> {
          if (series.startsWith("DCGM_FI_DEV_GPU_UTIL") && series.contains("namespace=")) {
            assertThat(value).as(series).isBetween(30.0, 95.0);
          }
          if (series.startsWith("DCGM_FI_DEV_GPU_TEMP") && series.contains("namespace=")) {
            assertThat(value).as(series).isBetween(40.0, 80.0);
          }
          if (series.startsWith("DCGM_FI_DEV_POWER_USAGE") && series.contains("namespace=")) {
            assertThat(value).as(series).isBetween(150.0, 700.0);
          }
          if (series.startsWith("DCGM_FI_DEV_TOTAL_ENERGY")
              || (series.startsWith("DCGM_FI_DEV_NVLINK") && series.contains("namespace="))) {
            assertThat(value).as(series).isGreaterThan(before.get(series));
          }
        });
    Map<String, Double> v1 = PromTextCheck.parse(state.vllmMetrics(0, START.plusSeconds(600)).get());
    Map<String, Double> v2 = PromTextCheck.parse(state.vllmMetrics(0, START.plusSeconds(1200)).get());
    v2.forEach(
        (series, value) -> {
          if (series.contains("_total") || series.contains("_bucket") || series.contains("_count")) {
            assertThat(value).as(series).isGreaterThanOrEqualTo(v1.get(series));
          }
        });
  }

  @Test
  void vllmOutputUsesVllmNamesBucketsAndTheInstrumentatorsRequestCounter() {
    var state = new FleetState(DEMO, START);
    String text = state.vllmMetrics(0, START.plusSeconds(300)).orElseThrow();
    Map<String, Double> series = PromTextCheck.parse(text);
    String labels = "engine=\"0\",model_name=\"meta-llama/Llama-3.1-8B-Instruct\"";
    assertThat(text)
        .contains("# TYPE vllm:time_to_first_token_seconds histogram\n")
        .contains("# TYPE vllm:prompt_tokens_total counter\n")
        .contains("vllm:time_to_first_token_seconds_bucket{engine=\"0\",le=\"0.001\",")
        .contains("vllm:time_to_first_token_seconds_bucket{engine=\"0\",le=\"2560.0\",")
        .contains("vllm:e2e_request_latency_seconds_bucket{engine=\"0\",le=\"7680.0\",")
        .contains("vllm:request_success_total{engine=\"0\",finished_reason=\"stop\",")
        .contains("vllm:prompt_tokens_created{" + labels + "} 1.79551431e+09\n");
    assertThat(series)
        .containsKeys(
            "vllm:num_requests_waiting{" + labels + "}",
            "vllm:num_requests_running{" + labels + "}",
            "vllm:gpu_cache_usage_perc{" + labels + "}",
            "vllm:generation_tokens_total{" + labels + "}",
            "http_requests_total{handler=\"/v1/chat/completions\",method=\"POST\",status=\"5xx\"}");
    double total =
        series.get("http_requests_total{handler=\"/v1/chat/completions\",method=\"POST\",status=\"2xx\"}");
    // ~4 requests/s for 300 s
    assertThat(total).isBetween(1000.0, 1400.0);
    double count = series.get("vllm:time_to_first_token_seconds_count{" + labels + "}");
    double fastEnough =
        series.get(
            "vllm:time_to_first_token_seconds_bucket{engine=\"0\",le=\"0.5\",model_name=\"meta-llama/Llama-3.1-8B-Instruct\"}");
    assertThat(fastEnough / count).as("TTFT mostly below 500 ms").isGreaterThan(0.95);
  }

  @Test
  void gpuXidFaultSetsXid79OnTheTargetGpuOnly() {
    var state = new FleetState(DEMO, START);
    state.inject(new Fault(FaultType.GPU_XID, "gpu-node-02/3", Duration.ofMinutes(2)), START);
    String text = state.dcgmMetrics(1, START.plusSeconds(10));
    assertThat(text)
        .containsPattern("DCGM_FI_DEV_XID_ERRORS\\{gpu=\"3\",[^}]*\\} 79\n")
        .containsPattern("DCGM_FI_DEV_XID_ERRORS\\{gpu=\"2\",[^}]*\\} 0\n");
    assertThat(state.dcgmMetrics(1, START.plusSeconds(200)))
        .containsPattern("DCGM_FI_DEV_XID_ERRORS\\{gpu=\"3\",[^}]*\\} 0\n");
  }

  @Test
  void gpuLostFaultRemovesTheGpusSeriesUntilItExpires() {
    var state = new FleetState(DEMO, START);
    state.inject(new Fault(FaultType.GPU_LOST, "gpu-node-01/5", Duration.ofSeconds(60)), START);
    String during = state.dcgmMetrics(0, START.plusSeconds(10));
    PromTextCheck.parse(during);
    assertThat(during).doesNotContain("{gpu=\"5\"").contains("{gpu=\"4\"");
    assertThat(state.dcgmMetrics(0, START.plusSeconds(61))).contains("{gpu=\"5\"");
  }

  @Test
  void latencySpikeMovesTtftIntoSlowBuckets() {
    var state = new FleetState(DEMO, START);
    String model = "mistralai/Mistral-7B-Instruct-v0.3";
    state.inject(new Fault(FaultType.LATENCY_SPIKE, model, Duration.ofMinutes(10)), START);
    Map<String, Double> s = PromTextCheck.parse(state.vllmMetrics(1, START.plusSeconds(600)).get());
    double count = s.get("vllm:time_to_first_token_seconds_count{engine=\"0\",model_name=\"" + model + "\"}");
    double fast =
        s.get("vllm:time_to_first_token_seconds_bucket{engine=\"0\",le=\"0.5\",model_name=\"" + model + "\"}");
    assertThat(fast / count).isLessThan(0.3);
  }

  @Test
  void queueBuildupGrowsWaitingRequestsAndDrainsAfterwards() {
    var state = new FleetState(DEMO, START);
    state.inject(new Fault(FaultType.QUEUE_BUILDUP, "hanse-bank", Duration.ofSeconds(60)), START);
    String key = "vllm:num_requests_waiting{engine=\"0\",model_name=\"meta-llama/Llama-3.3-70B-Instruct\"}";
    double at30 = PromTextCheck.parse(state.vllmMetrics(2, START.plusSeconds(30)).get()).get(key);
    double at60 = PromTextCheck.parse(state.vllmMetrics(2, START.plusSeconds(59)).get()).get(key);
    assertThat(at30).isGreaterThanOrEqualTo(30);
    assertThat(at60).isGreaterThan(at30);
    double later = PromTextCheck.parse(state.vllmMetrics(2, START.plusSeconds(120)).get()).get(key);
    assertThat(later).isLessThan(10);
  }

  @Test
  void aHealthyFleetAnswersNo5xxSoOnlyFaultsBreakAvailability() {
    var state = new FleetState(DEMO, START);
    String key = "http_requests_total{handler=\"/v1/chat/completions\",method=\"POST\",status=\"5xx\"}";
    for (int server = 0; server < DEMO.vllmServers().size(); server++) {
      assertThat(PromTextCheck.parse(state.vllmMetrics(server, START.plusSeconds(3600)).get()).get(key)).isZero();
    }
  }

  @Test
  void endpointDownFailsScrapesAndCountsRequestsAs5xx() {
    var state = new FleetState(DEMO, START);
    String key = "http_requests_total{handler=\"/v1/chat/completions\",method=\"POST\",status=\"5xx\"}";
    double before = PromTextCheck.parse(state.vllmMetrics(3, START).get()).get(key);
    String id =
        state.inject(new Fault(FaultType.ENDPOINT_DOWN, "praxis-digital", Duration.ofMinutes(5)), START).id();
    assertThat(state.vllmMetrics(3, START.plusSeconds(60))).isEmpty();
    state.clear(id, START.plusSeconds(60));
    double after = PromTextCheck.parse(state.vllmMetrics(3, START.plusSeconds(61)).get()).get(key);
    // ~1.5 requests/s for 60 s all failed
    assertThat(after - before).isGreaterThan(50);
  }

  @Test
  void missedBackupTurnsTheTenantsBackupsIntoFailures() {
    var state = new FleetState(DEMO, START);
    state.inject(new Fault(FaultType.MISSED_BACKUP, "hanse-bank", Duration.ofHours(1)), START);
    List<SimEvent> events = state.drainEvents(Instant.parse("2026-11-24T10:00:00Z"), 1000);
    assertThat(events)
        .filteredOn(e -> e.type().startsWith("backup."))
        .hasSize(8)
        .allSatisfy(
            e -> assertThat(e.type()).isEqualTo(
                e.tenant().equals("hanse-bank") ? "backup.failed" : "backup.completed"));
  }

  @Test
  void staleIndexMakesTheFreshnessLagGrowBeyondTheSyncInterval() {
    var state = new FleetState(DEMO, START);
    state.inject(new Fault(FaultType.STALE_INDEX, "acme-logistik", Duration.ofHours(1)), START);
    List<SimEvent> events = state.drainEvents(START.plus(Duration.ofMinutes(30)), 100_000);
    List<SimEvent> freshness =
        events.stream().filter(e -> e.type().equals("rag_index.freshness")).toList();
    SimEvent lastAcme =
        freshness.stream().filter(e -> e.tenant().equals("acme-logistik")).reduce((a, b) -> b).get();
    SimEvent lastOther =
        freshness.stream().filter(e -> e.tenant().equals("hanse-bank")).reduce((a, b) -> b).get();
    assertThat((Long) lastAcme.attributes().get("lagSeconds")).isGreaterThan(1500);
    assertThat(lastAcme.attributes().get("freshnessSeconds"))
        .isEqualTo(lastAcme.attributes().get("lagSeconds"));
    assertThat((Long) lastOther.attributes().get("lagSeconds")).isLessThanOrEqualTo(300);
  }

  /** One GPU and one vLLM server: days of simulated time stay cheap. */
  static final FleetSpec SMALL =
      new FleetSpec(
          7,
          List.of(
              new GpuNodeSpec(
                  "gpu-node-01", 0, FleetSpec.H100, FleetSpec.DRIVER, List.of(GpuSpec.unallocated(0)))),
          List.of(DEMO.vllmServers().get(0)),
          DEMO.tenants());

  private static List<SimEvent> eventsOver(Duration span) {
    var state = new FleetState(SMALL, START);
    var events = new java.util.ArrayList<SimEvent>();
    // Drains hourly, as a pusher would, so the bounded outbox never overflows.
    for (Instant t = START; !t.isAfter(START.plus(span)); t = t.plus(Duration.ofHours(1))) {
      events.addAll(state.drainEvents(t, Integer.MAX_VALUE));
    }
    assertThat(state.droppedEvents()).isZero();
    return events;
  }

  @Test
  void eventsAreDeterministicAndCoverEveryType() {
    List<SimEvent> a = eventsOver(Duration.ofDays(3));
    List<SimEvent> b = eventsOver(Duration.ofDays(3));
    assertThat(a).isEqualTo(b);
    assertThat(a.stream().map(SimEvent::id).distinct().count()).isEqualTo(a.size());
    assertThat(a.stream().map(SimEvent::type).distinct())
        .contains(
            "backup.completed", "restore_test.completed", "cve.published", "patch.applied",
            "maintenance.announced", "maintenance.started", "maintenance.ended",
            "rag_index.freshness", "token.usage");
    assertThat(a)
        .filteredOn(e -> e.type().startsWith("maintenance."))
        .allSatisfy(e -> assertThat(e.attributes()).containsKeys("maintenanceId", "window"));
    SimEvent usage = a.stream().filter(e -> e.type().equals("token.usage")).skip(4).findFirst().get();
    assertThat(usage.attributes()).containsOnlyKeys("model", "inputTokens", "outputTokens");
    assertThat(EventPusher.toJson(a.get(0)))
        .matches(
            "\\{\"id\":\"[0-9a-f-]{36}\",\"type\":\"[a-z_.]+\",\"tenant\":\"[a-z-]+\","
                + "\"time\":\"2026-11-24T\\d\\d:\\d\\d:00Z\",\"attributes\":\\{.*\\}\\}");
  }

  @Test
  void faultsNamingUnknownTargetsAreRejectedWithTheValidChoices() {
    var state = new FleetState(DEMO, START);
    assertThatThrownBy(
            () -> state.inject(new Fault(FaultType.GPU_XID, "gpu-node-09/0", Duration.ofSeconds(5)), START))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'gpu-node-09/0' is not in the fleet");
    assertThatThrownBy(
            () -> state.inject(new Fault(FaultType.LATENCY_SPIKE, "nobody", Duration.ofSeconds(5)), START))
        .hasMessageContaining("acme-logistik");
    assertThatThrownBy(
            () -> state.inject(new Fault(FaultType.MISSED_BACKUP, "gpu-node-01", Duration.ofSeconds(5)), START))
        .hasMessageContaining("needs a tenant");
    assertThatThrownBy(() -> state.clear("fault-99", START)).isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> new Fault(FaultType.GPU_XID, "gpu-node-01/0", Duration.ZERO))
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> FaultType.fromWireName("meteor"))
        .hasMessageContaining("valid types: gpu-xid, gpu-lost");
  }

  @Test
  void faultsExpireAfterTheirDuration() {
    var state = new FleetState(DEMO, START);
    state.inject(new Fault(FaultType.GPU_XID, "gpu-node-01", Duration.ofSeconds(30)), START);
    assertThat(state.activeFaults(START.plusSeconds(29))).hasSize(1);
    assertThat(state.activeFaults(START.plusSeconds(30))).isEmpty();
  }

  @Test
  void specsRejectDuplicatePortsAndHostnames() {
    var node = DEMO.gpuNodes().get(0);
    assertThatThrownBy(
            () -> new FleetSpec(1, List.of(node, node), List.of(), List.of()))
        .hasMessageContaining("used twice");
    assertThatThrownBy(() -> DEMO.withPorts(19401, 19402))
        .hasMessageContaining("used by two servers");
    assertThatThrownBy(() -> DEMO.withPorts(-1, 0)).hasMessageContaining("0..65535");
    assertThat(DEMO.withEphemeralPorts().gpuNodes()).allSatisfy(n -> assertThat(n.port()).isZero());
  }
}
