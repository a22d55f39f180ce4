package io.slamon.core.openslo;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * OpenSLO SLO with its indicator resolved ({@code indicatorRef} replaced by the referenced SLI).
 *
 * @param indicatorRef the referenced SLI name, or null for an inline indicator
 */
public record Slo(
    Metadata metadata,
    String description,
    String service,
    String indicatorRef,
    Sli indicator,
    BudgetingMethod budgetingMethod,
    List<TimeWindow> timeWindow,
    List<Objective> objectives,
    List<String> alertPolicies,
    String file) {
  public Slo {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(indicator, "indicator");
    Objects.requireNonNull(budgetingMethod, "budgetingMethod");
    timeWindow = List.copyOf(timeWindow);
    objectives = List.copyOf(objectives);
    alertPolicies = List.copyOf(alertPolicies);
    if (objectives.isEmpty()) {
      throw new IllegalArgumentException("an SLO needs at least one objective");
    }
  }

  public String name() {
    return metadata.name();
  }

  public Optional<String> tenant() {
    return metadata.tenant();
  }
}
