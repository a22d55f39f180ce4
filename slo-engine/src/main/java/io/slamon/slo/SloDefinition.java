package io.slamon.slo;

import java.util.Objects;

/**
 * What the engine needs to know of one SLO, independent of how it was configured (the app maps
 * OpenSLO documents onto this).
 *
 * @param tenant owning tenant
 * @param name the SLO's name
 * @param kind which built-in SLI measures it
 * @param threshold the kind's parameter: seconds for latency kinds, ignored for availability
 * @param objective target ratio in (0, 1), e.g. 0.999
 * @param window the window the status is computed over (rolling, or the calendar period so far)
 */
public record SloDefinition(String tenant, String name, SliKind kind, double threshold, double objective, SloWindow window) {
  public SloDefinition {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(window, "window");
    if (!(objective > 0 && objective < 1)) {
      throw new IllegalArgumentException("Illegal objective " + objective + " for SLO " + name + ": expecting 0 < objective < 1");
    }
  }
}
