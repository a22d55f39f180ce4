package io.slamon.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.core.AvailabilityClass;
import io.slamon.core.openslo.BudgetingMethod;
import io.slamon.core.openslo.SliKind;
import io.slamon.core.openslo.Slo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExampleConfigTest {
  private static final Path EXAMPLE = Path.of("../examples/config");
  private static SlamonConfig config;

  @BeforeAll
  static void load() {
    ConfigResult result = ConfigLoader.load(EXAMPLE);
    assertThat(result.report()).isEmpty();
    assertThat(result.ok()).isTrue();
    config = result.config();
  }

  @Test
  void exampleConfigLoadsWithZeroProblems() {
    assertThat(config).isNotNull();
    assertThat(config.configDir()).isEqualTo(EXAMPLE);
    assertThat(config.provider().legalName()).isEqualTo("Rheinwerk GPU Cloud GmbH");
  }

  @Test
  void exampleHasFourTenantsOnDifferentTiers() {
    assertThat(config.tenants())
        .extracting(Tenant::id)
        .containsExactly("acme-logistik", "hanse-bank", "praxis-digital", "stadtwerke-nord");
    assertThat(config.tenants()).extracting(Tenant::tier).containsOnlyOnce(Tier.values());
    Tenant bank = config.tenant("hanse-bank").orElseThrow();
    assertThat(bank.contract().availabilityClass()).isEqualTo(AvailabilityClass.VK3);
    assertThat(bank.regulatory().dora()).isTrue();
    assertThat(bank.regulatory().dsgvo().controllerNotificationDeadline())
        .isEqualTo(Duration.ofHours(24));
    assertThat(config.tenant("stadtwerke-nord").orElseThrow().regulatory().nis2().entity())
        .isEqualTo(Regulatory.Nis2.Entity.ESSENTIAL);
  }

  @Test
  void defaultsFillWhatTheExampleLeavesOut() {
    Tenant praxis = config.tenant("praxis-digital").orElseThrow();
    assertThat(praxis.contract().timeZone()).isEqualTo(Contract.DEFAULT_TIME_ZONE);
    assertThat(praxis.contract().incidentTargets()).isEqualTo(IncidentTargets.DEFAULT);
    Tenant acme = config.tenant("acme-logistik").orElseThrow();
    assertThat(acme.contract().incidentTargets().of(io.slamon.core.Severity.P1).restore())
        .isEqualTo(Duration.ofHours(8));
    assertThat(acme.contract().incidentTargets().of(io.slamon.core.Severity.P3))
        .isEqualTo(IncidentTargets.DEFAULT.of(io.slamon.core.Severity.P3));
    assertThat(acme.contract().incidentTargets().of(io.slamon.core.Severity.P4).businessHours()).isTrue();
    assertThat(acme.contract().incidentTargets().businessHours().holidays()).isEqualTo("DE-HH");
    assertThat(config.storage().embedded()).isTrue();
    assertThat(config.evaluation().interval()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void scrapeJobsMatchTheSimulatorFleet() {
    ScrapeConfig dcgm = config.scrapeConfig("dcgm").orElseThrow();
    assertThat(dcgm.scrapeInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(dcgm.metricsPath()).isEqualTo("/metrics");
    assertThat(dcgm.staticConfigs().get(0).targets())
        .containsExactly("127.0.0.1:19401", "127.0.0.1:19402", "127.0.0.1:19403", "127.0.0.1:19404");
    ScrapeConfig vllm = config.scrapeConfig("vllm").orElseThrow();
    assertThat(vllm.staticConfigs())
        .extracting(s -> s.targets().get(0) + "=" + s.labels().get("tenant"))
        .containsExactly(
            "127.0.0.1:18001=acme-logistik",
            "127.0.0.1:18002=stadtwerke-nord",
            "127.0.0.1:18003=hanse-bank",
            "127.0.0.1:18004=praxis-digital");
  }

  @Test
  void dcgmSeriesAreAttributedByNamespaceAndVllmByStaticLabel() {
    TenantAttribution attribution = config.attribution();
    assertThat(attribution.tenantFor("127.0.0.1:19402", Map.of("namespace", "hanse-bank")))
        .contains("hanse-bank");
    assertThat(attribution.tenantFor("127.0.0.1:19402", Map.of("gpu", "3"))).isEmpty();
    assertThat(attribution.tenantFor("127.0.0.1:18004", Map.of("tenant", "praxis-digital")))
        .contains("praxis-digital");
  }

  @Test
  void everyTenantHasAvailabilityObjectivesMatchingItsClassAndATtftSlo() {
    for (Tenant t : config.tenants()) {
      Slo availability = config.slo(t.id() + "-chat-availability").orElseThrow();
      assertThat(availability.objectives().get(0).target())
          .isEqualTo(t.contract().availabilityClass().target());
      assertThat(availability.indicator().source().kind()).isEqualTo(SliKind.AVAILABILITY);
      Slo ttft = config.slo(t.id() + "-chat-ttft").orElseThrow();
      assertThat(ttft.indicator().source().durationParam("threshold"))
          .contains(Duration.ofMillis(500));
      assertThat(ttft.indicator().source().param("metric"))
          .contains("vllm:time_to_first_token_seconds");
    }
    assertThat(config.slos())
        .filteredOn(s -> s.indicator().source().kind() == SliKind.RAG_FRESHNESS_UNDER)
        .hasSize(2)
        .allMatch(s -> s.budgetingMethod() == BudgetingMethod.TIMESLICES);
    assertThat(config.alertPolicies()).hasSize(2);
    assertThat(config.slosOf("hanse-bank")).hasSize(4);
    Slo gpuNodes = config.slo("hanse-bank-gpu-nodes").orElseThrow();
    assertThat(gpuNodes.indicator().source().kind()).isEqualTo(SliKind.COMPONENT_AVAILABILITY);
    assertThat(gpuNodes.indicator().source().param("component")).contains("gpu-nodes");
    assertThat(gpuNodes.indicator().source().param("selector")).contains("up{job=\"dcgm\"}");
  }
}
