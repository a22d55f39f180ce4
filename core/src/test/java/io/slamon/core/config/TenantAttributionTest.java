package io.slamon.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.core.AvailabilityClass;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TenantAttributionTest {
  private static Tenant tenant(String id, Attribution attribution) {
    Contract contract =
        new Contract(
            AvailabilityClass.VK2,
            Contract.DEFAULT_TIME_ZONE,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            IncidentTargets.DEFAULT,
            List.of());
    return new Tenant(
        id, null, Tier.STANDARD, contract, Regulatory.DEFAULT, List.of(), attribution, "t.yaml");
  }

  private final Tenant acme =
      tenant(
          "acme",
          new Attribution(
              List.of("acme-prod"), List.of("acme-"), List.of("acme-llm"), List.of("10.0.0.1:8000")));
  private final Tenant beta =
      tenant(
          "beta",
          new Attribution(List.of("beta"), List.of("acme-beta-"), List.of("beta-llm"), List.of()));
  private final TenantAttribution attribution = TenantAttribution.of(List.of(acme, beta));

  @Test
  void aTenantLabelNamingAnExistingTenantWinsOverEveryRule() {
    assertThat(attribution.tenantFor("10.0.0.1:8000", Map.of("tenant", "beta", "namespace", "acme-prod")))
        .contains("beta");
  }

  @Test
  void aTenantLabelNamingNoTenantIsIgnored() {
    assertThat(attribution.tenantFor(null, Map.of("tenant", "gamma", "namespace", "beta")))
        .contains("beta");
    assertThat(attribution.tenantFor(null, Map.of("tenant", "gamma"))).isEmpty();
  }

  @Test
  void theTargetComesBeforeSeriesLabels() {
    assertThat(attribution.tenantFor("10.0.0.1:8000", Map.of("namespace", "beta"))).contains("acme");
  }

  @Test
  void namespacesMatchExactlyAndExportedNamespaceIsTheFallback() {
    assertThat(attribution.tenantFor(null, Map.of("namespace", "acme-prod"))).contains("acme");
    assertThat(attribution.tenantFor(null, Map.of("namespace", "acme-prod-2"))).isEmpty();
    assertThat(attribution.tenantFor(null, Map.of("exported_namespace", "beta"))).contains("beta");
  }

  @Test
  void theLongestPodPrefixWins() {
    assertThat(attribution.tenantFor(null, Map.of("pod", "acme-vllm-0"))).contains("acme");
    assertThat(attribution.tenantFor(null, Map.of("pod", "acme-beta-vllm-0"))).contains("beta");
  }

  @Test
  void modelNamesComeLast() {
    assertThat(attribution.tenantFor(null, Map.of("model_name", "beta-llm"))).contains("beta");
    assertThat(attribution.tenantFor(null, Map.of("model", "acme-llm"))).contains("acme");
    assertThat(attribution.tenantFor(null, Map.of("namespace", "beta", "model_name", "acme-llm")))
        .contains("beta");
  }

  @Test
  void unknownSeriesBelongToTheProvider() {
    assertThat(attribution.tenantFor("10.9.9.9:9400", Map.of("gpu", "0", "namespace", ""))).isEmpty();
  }

  @Test
  void aTenantCanAskWhetherItsOwnRulesClaimASeries() {
    assertThat(acme.attributes(null, Map.of("pod", "acme-x"))).isTrue();
    assertThat(beta.attributes(null, Map.of("pod", "acme-x"))).isFalse();
    assertThat(beta.attributes(null, Map.of("tenant", "beta"))).isFalse();
  }
}
