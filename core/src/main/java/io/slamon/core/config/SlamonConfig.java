package io.slamon.core.config;

import io.slamon.core.openslo.AlertCondition;
import io.slamon.core.openslo.AlertPolicy;
import io.slamon.core.openslo.Service;
import io.slamon.core.openslo.Sli;
import io.slamon.core.openslo.Slo;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A complete, validated slamon configuration (see {@link ConfigLoader}). */
public record SlamonConfig(
    Path configDir,
    Provider provider,
    Storage storage,
    Http http,
    CollectorSettings collector,
    Evaluation evaluation,
    List<Tenant> tenants,
    List<ScrapeConfig> scrapeConfigs,
    List<Slo> slos,
    List<Sli> slis,
    List<Service> services,
    List<AlertPolicy> alertPolicies,
    List<AlertCondition> alertConditions,
    Alerting alerting,
    Portal portal,
    Reports reports) {
  public SlamonConfig {
    Objects.requireNonNull(configDir, "configDir");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(collector, "collector");
    Objects.requireNonNull(evaluation, "evaluation");
    tenants = List.copyOf(tenants);
    scrapeConfigs = List.copyOf(scrapeConfigs);
    slos = List.copyOf(slos);
    slis = List.copyOf(slis);
    services = List.copyOf(services);
    alertPolicies = List.copyOf(alertPolicies);
    alertConditions = List.copyOf(alertConditions);
    Objects.requireNonNull(alerting, "alerting");
    Objects.requireNonNull(portal, "portal");
    Objects.requireNonNull(reports, "reports");
  }

  public Optional<Tenant> tenant(String id) {
    return tenants.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  /** The SLOs bound to a tenant by the {@code tenant} label. */
  public List<Slo> slosOf(String tenantId) {
    return slos.stream().filter(s -> s.tenant().filter(tenantId::equals).isPresent()).toList();
  }

  public Optional<Slo> slo(String name) {
    return slos.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  public Optional<ScrapeConfig> scrapeConfig(String jobName) {
    return scrapeConfigs.stream().filter(s -> s.jobName().equals(jobName)).findFirst();
  }

  /** Tenant attribution built from all tenants' rules. */
  public TenantAttribution attribution() {
    return TenantAttribution.of(tenants);
  }
}
