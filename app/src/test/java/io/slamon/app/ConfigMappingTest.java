package io.slamon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.collector.ScrapeTarget;
import io.slamon.core.config.ConfigLoader;
import io.slamon.core.config.ConfigResult;
import io.slamon.slo.SliKind;
import io.slamon.slo.SloDefinition;
import io.slamon.slo.SloWindow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigMappingTest {
  private static ConfigResult example() {
    ConfigResult r = ConfigLoader.load(Path.of("../examples/config"));
    assertThat(r.problems()).isEmpty();
    return r;
  }

  @Test
  void everyStaticTargetOfTheExampleBecomesAScrapeTargetWithItsLabels() {
    var targets = ConfigMapping.scrapeTargets(example().config());
    assertThat(targets).hasSize(8);
    assertThat(targets).extracting(t -> t.url().toString()).contains("http://127.0.0.1:19401/metrics", "http://127.0.0.1:18003/metrics");
    ScrapeTarget hanse = targets.stream().filter(t -> t.url().getPort() == 18003).findFirst().orElseThrow();
    assertThat(hanse.job()).isEqualTo("vllm");
    assertThat(hanse.targetLabels()).containsEntry("tenant", "hanse-bank");
  }

  @Test
  void latencyAndAvailabilitySlosMapOntoEngineDefinitionsWithTheirWindows() {
    var defs = ConfigMapping.sloDefinitions(example().config());
    SloDefinition ttft = defs.stream().filter(d -> d.name().equals("hanse-bank-chat-ttft")).findFirst().orElseThrow();
    assertThat(ttft.kind()).isEqualTo(SliKind.TTFT_UNDER);
    assertThat(ttft.threshold()).isEqualTo(0.5);
    assertThat(ttft.objective()).isEqualTo(0.95);
    assertThat(ttft.window()).isInstanceOf(SloWindow.Rolling.class);
    SloDefinition availability = defs.stream().filter(d -> d.name().equals("hanse-bank-chat-availability")).findFirst().orElseThrow();
    assertThat(availability.window()).isEqualTo(new SloWindow.Calendar(1, ZoneId.of("Europe/Berlin")));
    assertThat(ConfigMapping.notYetEvaluated(example().config())).doesNotContain("hanse-bank-rag-freshness");
  }

  @Test
  void componentAvailabilityMapsWithItsComponentAndSelectorAndOneMinuteSlices() {
    SloDefinition gpuNodes = ConfigMapping.sloDefinitions(example().config()).stream()
        .filter(d -> d.name().equals("hanse-bank-gpu-nodes")).findFirst().orElseThrow();
    assertThat(gpuNodes.kind()).isEqualTo(SliKind.COMPONENT_AVAILABILITY);
    assertThat(gpuNodes.params()).containsEntry("component", "gpu-nodes").containsEntry("selector", "up{job=\"dcgm\"}");
    assertThat(gpuNodes.budgeting()).isEqualTo(io.slamon.slo.BudgetingMethod.OCCURRENCES);
    assertThat(gpuNodes.timeSliceWindow()).isEqualTo(java.time.Duration.ofMinutes(1));
    assertThat(ConfigMapping.notYetEvaluated(example().config())).doesNotContain("hanse-bank-gpu-nodes");
  }

  @Test
  void ragFreshnessMapsWithItsThresholdInSecondsAndItsTimeslices() {
    SloDefinition rag = ConfigMapping.sloDefinitions(example().config()).stream()
        .filter(d -> d.name().equals("hanse-bank-rag-freshness")).findFirst().orElseThrow();
    assertThat(rag.kind()).isEqualTo(SliKind.RAG_FRESHNESS_UNDER);
    assertThat(rag.threshold()).isEqualTo(1800.0);
    assertThat(rag.budgeting()).isEqualTo(io.slamon.slo.BudgetingMethod.TIMESLICES);
    assertThat(rag.timeSliceTarget()).isEqualTo(1.0);
    assertThat(rag.timeSliceWindow()).isEqualTo(java.time.Duration.ofMinutes(5));
  }

  @Test
  void targetRelabelingCanAttributeARenameAndDropTargets(@TempDir Path dir) throws IOException {
    copyExample(dir);
    Files.writeString(dir.resolve("scrape/fleet.yaml"), """
        scrape_configs:
          - job_name: vllm
            scrape_interval: 5s
            scrape_timeout: 4s
            static_configs:
              - targets: [127.0.0.1:18001, 127.0.0.1:18002, 127.0.0.1:18099]
            relabel_configs:
              - source_labels: [__address__]
                regex: .*:18099
                action: drop
              - source_labels: [__address__]
                regex: .*:18001
                target_label: tenant
                replacement: acme-logistik
        """);
    ConfigResult r = ConfigLoader.load(dir);
    assertThat(r.problems()).isEmpty();
    var targets = ConfigMapping.scrapeTargets(r.config());
    assertThat(targets).extracting(t -> t.url().getPort()).containsExactly(18001, 18002);
    assertThat(targets.get(0).targetLabels()).containsEntry("tenant", "acme-logistik").doesNotContainKey("__address__");
    assertThat(targets.get(1).targetLabels()).doesNotContainKey("tenant");
  }

  @Test
  void fileBasedDiscoveryAddsTheTargetsOfItsFilesWithTheirLabels(@TempDir Path dir) throws IOException {
    copyExample(dir);
    Files.createDirectories(dir.resolve("targets"));
    Files.writeString(dir.resolve("targets/extra.yaml"), "- targets: [127.0.0.1:18005]\n  labels: {tenant: praxis-digital}\n");
    Files.writeString(dir.resolve("scrape/more.yaml"), """
        scrape_configs:
          - job_name: vllm-extra
            scrape_interval: 5s
            scrape_timeout: 4s
            file_sd_configs:
              - files: [targets/*.yaml]
        """);
    ConfigResult r = ConfigLoader.load(dir);
    assertThat(r.problems()).isEmpty();
    var extra = ConfigMapping.scrapeTargets(r.config()).stream().filter(t -> t.job().equals("vllm-extra")).toList();
    assertThat(extra).singleElement().satisfies(t -> {
      assertThat(t.url().toString()).isEqualTo("http://127.0.0.1:18005/metrics");
      assertThat(t.targetLabels()).containsEntry("tenant", "praxis-digital");
    });
  }

  @Test
  void metricRelabelingOfTheExampleNormalisesExportedNamespaceForDcgmOnly() {
    var relabel = ConfigMapping.metricRelabeling(example().config());
    var dcgm = ConfigMapping.scrapeTargets(example().config()).stream().filter(t -> t.job().equals("dcgm")).findFirst().orElseThrow();
    var vllm = ConfigMapping.scrapeTargets(example().config()).stream().filter(t -> t.job().equals("vllm")).findFirst().orElseThrow();
    var series = java.util.Map.of("__name__", "DCGM_FI_DEV_GPU_UTIL", "exported_namespace", "hanse-bank");
    assertThat(relabel.relabel(dcgm, series)).hasValueSatisfying(l -> assertThat(l).containsEntry("namespace", "hanse-bank"));
    assertThat(relabel.relabel(vllm, series)).hasValue(series);
  }

  @Test
  void queueGpuAndTokenKindsMapWithTheirParametersAndTheContractsReservation(@TempDir Path dir) throws IOException {
    copyExample(dir);
    Files.writeString(dir.resolve("slos/extra.yaml"), String.join("---\n",
        sloDocument("hb-queue", "{kind: queue-depth-under, threshold: 8}", 0.99),
        sloDocument("hb-gpus", "{kind: gpu-capacity, reservation: kyc-batch}", 0.999),
        sloDocument("hb-tokens", "{kind: token-anomaly}", 0.95)));
    ConfigResult r = ConfigLoader.load(dir);
    assertThat(r.problems()).isEmpty();
    var defs = ConfigMapping.sloDefinitions(r.config());
    SloDefinition queue = defs.stream().filter(d -> d.name().equals("hb-queue")).findFirst().orElseThrow();
    assertThat(queue.kind()).isEqualTo(SliKind.QUEUE_DEPTH_UNDER);
    assertThat(queue.threshold()).isEqualTo(8.0);
    SloDefinition gpus = defs.stream().filter(d -> d.name().equals("hb-gpus")).findFirst().orElseThrow();
    assertThat(gpus.params()).containsEntry("reservedGpus", "2").containsEntry("migProfile", "3g.40gb");
    SloDefinition tokens = defs.stream().filter(d -> d.name().equals("hb-tokens")).findFirst().orElseThrow();
    assertThat(tokens.params()).containsEntry("factor", "3").containsEntry("baseline", "7d");
    assertThat(tokens.timeSliceWindow()).isEqualTo(java.time.Duration.ofHours(1));
  }

  @Test
  void aGpuCapacitySloNamingNoReservationOfTheContractIsNotEvaluated(@TempDir Path dir) throws IOException {
    copyExample(dir);
    Files.writeString(dir.resolve("slos/extra.yaml"), sloDocument("hb-gpus", "{kind: gpu-capacity, reservation: no-such-reservation}", 0.999));
    ConfigResult r = ConfigLoader.load(dir);
    assertThat(r.problems()).isEmpty();
    assertThat(ConfigMapping.sloDefinitions(r.config())).extracting(SloDefinition::name).doesNotContain("hb-gpus");
    assertThat(ConfigMapping.notYetEvaluated(r.config())).contains("hb-gpus");
  }

  @Test
  void theContractsMaintenanceWindowsBecomeWeeklyAgreedWindowsWithTheirNotice() {
    var windows = BuiltInKinds.agreedWindows(example().config(), "hanse-bank");
    assertThat(windows).hasSize(1);
    assertThat(windows.getFirst().window()).isEqualTo(new io.slamon.slo.AgreedMaintenanceWindow(
        java.time.DayOfWeek.SATURDAY, java.time.LocalTime.of(3, 0), java.time.Duration.ofHours(2), ZoneId.of("Europe/Berlin")));
    assertThat(windows.getFirst().announceAhead()).isEqualTo(java.time.Duration.ofDays(10));
    assertThat(BuiltInKinds.agreedWindows(example().config(), "nobody")).isEmpty();
    assertThat(BuiltInKinds.agreedWindows(example().config(), null)).isEmpty();
  }

  @Test
  void anSlosAlertPoliciesBecomeItsBurnRateConditionsAndWithoutAnyTheWorkbookTable() {
    var policy = BuiltInKinds.burnRatePolicy(example().config(), "hanse-bank-chat-availability");
    assertThat(policy.conditions()).containsExactly(
        new io.slamon.slo.BurnRateCondition("fast-burn", io.slamon.slo.AlertSeverity.PAGE, 14.4, java.time.Duration.ofHours(1), java.time.Duration.ofMinutes(5)),
        new io.slamon.slo.BurnRateCondition("slow-burn", io.slamon.slo.AlertSeverity.TICKET, 1, java.time.Duration.ofHours(6), java.time.Duration.ofMinutes(30)));
    assertThat(BuiltInKinds.burnRatePolicy(example().config(), "hanse-bank-rag-freshness")).isEqualTo(io.slamon.slo.BurnRatePolicy.defaults());
  }

  /** A one-objective OpenSLO SLO of hanse-bank over 7 rolling days with an inline slamon indicator. */
  private static String sloDocument(String name, String sourceSpec, double target) {
    return """
        apiVersion: openslo/v1
        kind: SLO
        metadata: {name: %s, labels: {tenant: hanse-bank}}
        spec:
          service: hanse-bank-chat
          indicator:
            metadata: {name: %s-sli}
            spec: {ratioMetric: {counter: false, good: {metricSource: {type: slamon, spec: %s}}}}
          budgetingMethod: Occurrences
          timeWindow: [{duration: 7d, isRolling: true}]
          objectives: [{target: %s}]
        """.formatted(name, name, sourceSpec, target);
  }

  @Test
  void labelProtectionReadsItsKeyFromAFileBesideTheConfigAndOtlpSourcesGetTheirTokens(@TempDir Path dir)
      throws IOException {
    copyExample(dir);
    Files.writeString(dir.resolve("pseudonym.key"), "file-key-0123456789abcdef\n");
    String yaml = Files.readString(dir.resolve("slamon.yaml")).replace("collector:\n", """
        collector:
          labels:
            drop: [client_ip]
            pseudonymise: [user_id]
            pseudonymisationKey: file:pseudonym.key
        """);
    Files.writeString(dir.resolve("slamon.yaml"), yaml);
    ConfigResult r = ConfigLoader.load(dir);
    assertThat(r.problems()).isEmpty();

    var ingest = ConfigMapping.ingestOptions(r.config());

    var fromFileKey = new io.slamon.collector.admission.LabelPolicy(java.util.Set.of(), java.util.Set.of("user_id"),
        "file-key-0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(ingest.labelPolicy().apply(java.util.Map.of("user_id", "alice", "client_ip", "10.0.0.1")))
        .isEqualTo(java.util.Map.of("user_id", fromFileKey.pseudonym("alice")));
    assertThat(ingest.otlpSources().sourceFor("demo-otlp-gateway-token")).hasValue("inference-gateway");
  }

  @Test
  void targetDiscoveryFollowsEditsOfFileSdFiles(@TempDir Path dir) throws IOException {
    copyExample(dir);
    Files.createDirectories(dir.resolve("sd"));
    Files.writeString(dir.resolve("sd/gpus.yaml"), "- targets: ['127.0.0.1:19501']\n");
    Files.writeString(dir.resolve("scrape/sd.yaml"), """
        scrape_configs:
          - job_name: gpu-sd
            file_sd_configs:
              - files: [sd/*.yaml]
                refresh_interval: 1m
        """);
    ConfigResult r = ConfigLoader.load(dir);
    assertThat(r.problems()).isEmpty();
    var discovery = ConfigMapping.targetDiscovery(r.config());
    assertThat(ConfigMapping.usesFileSd(r.config())).isTrue();
    assertThat(discovery.get()).filteredOn(t -> t.job().equals("gpu-sd")).extracting(t -> t.url().getPort())
        .containsExactly(19501);

    Files.writeString(dir.resolve("sd/more.yaml"), "- targets: ['127.0.0.1:19502']\n");

    assertThat(discovery.get()).filteredOn(t -> t.job().equals("gpu-sd")).extracting(t -> t.url().getPort())
        .containsExactly(19501, 19502);
  }

  /** Copies the example configuration into {@code dir}, for tests that change a copy. */
  static void copyExample(Path dir) throws IOException {
    Path src = Path.of("../examples/config");
    try (var files = Files.walk(src)) {
      for (Path p : files.toList()) {
        Path dst = dir.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dst);
        } else {
          Files.copy(p, dst);
        }
      }
    }
  }
}
