package io.slamon.slo;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What the engine needs to know of one SLO, independent of how it was configured (the app maps
 * OpenSLO documents onto this).
 *
 * @param tenant owning tenant
 * @param name the SLO's name
 * @param kind which built-in SLI measures it
 * @param threshold the kind's parameter: seconds for latency, TTFT and RAG freshness, requests for
 *     queue depth; ignored by the others
 * @param objective target ratio in (0, 1), e.g. 0.999
 * @param window the window the status is computed over (rolling, or the calendar period so far)
 * @param budgeting OpenSLO budgeting method
 * @param timeSliceTarget the ratio a slice must reach to be good (Timeslices only; NaN otherwise)
 * @param timeSliceWindow slice length for the slice methods and the time-based kinds
 * @param params further kind parameters as configured (e.g. {@code errorStatus}, {@code factor},
 *     {@code baseline}, {@code reservedGpus}, {@code migProfile}, {@code index})
 */
public record SloDefinition(
    String tenant,
    String name,
    SliKind kind,
    double threshold,
    double objective,
    SloWindow window,
    BudgetingMethod budgeting,
    double timeSliceTarget,
    Duration timeSliceWindow,
    Map<String, String> params) {
  /** Default slice length: one minute, the resolution of the rollups. */
  public static final Duration DEFAULT_SLICE = Duration.ofMinutes(1);

  public SloDefinition {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(budgeting, "budgeting");
    Objects.requireNonNull(timeSliceWindow, "timeSliceWindow");
    params = Map.copyOf(params);
    if (!(objective > 0 && objective < 1)) {
      throw new IllegalArgumentException("Illegal objective " + objective + " for SLO " + name + ": expecting 0 < objective < 1");
    }
    if (timeSliceWindow.isNegative() || timeSliceWindow.isZero()) {
      throw new IllegalArgumentException("Illegal timeSliceWindow " + timeSliceWindow + " for SLO " + name + ": expecting a positive duration");
    }
    if (budgeting == BudgetingMethod.TIMESLICES && !(timeSliceTarget > 0 && timeSliceTarget <= 1)) {
      throw new IllegalArgumentException("Illegal timeSliceTarget " + timeSliceTarget + " for SLO " + name + ": expecting 0 < timeSliceTarget <= 1");
    }
  }

  /** Occurrences budgeting, one-minute slices, no further parameters. */
  public SloDefinition(String tenant, String name, SliKind kind, double threshold, double objective, SloWindow window) {
    this(tenant, name, kind, threshold, objective, window, BudgetingMethod.OCCURRENCES, Double.NaN, DEFAULT_SLICE, Map.of());
  }

  /** A copy with another budgeting method and slices. */
  public SloDefinition withBudgeting(BudgetingMethod method, double sliceTarget, Duration sliceWindow) {
    return new SloDefinition(tenant, name, kind, threshold, objective, window, method, sliceTarget, sliceWindow, params);
  }

  /** A copy with these kind parameters. */
  public SloDefinition withParams(Map<String, String> newParams) {
    return new SloDefinition(tenant, name, kind, threshold, objective, window, budgeting, timeSliceTarget, timeSliceWindow, newParams);
  }

  /** A number parameter, or {@code dflt} when absent. */
  public double number(String param, double dflt) {
    String v = params.get(param);
    if (v == null) {
      return dflt;
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Illegal " + param + " '" + v + "' for SLO " + name + ": expecting a number", e);
    }
  }
}
