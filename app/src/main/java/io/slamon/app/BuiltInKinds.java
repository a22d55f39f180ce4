package io.slamon.app;

import io.slamon.core.config.CapacityReservation;
import io.slamon.core.config.MaintenanceWindow;
import io.slamon.core.config.SlamonConfig;
import io.slamon.core.config.Tenant;
import io.slamon.core.openslo.MetricSource;
import io.slamon.core.openslo.Objective;
import io.slamon.core.openslo.Slo;
import io.slamon.slo.AgreedMaintenanceWindow;
import io.slamon.slo.BudgetingMethod;
import io.slamon.slo.MaintenanceExclusions;
import io.slamon.slo.SliKind;
import io.slamon.slo.SloDefinition;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps the configured built-in kinds beyond availability and latency (error rate, queue depth, RAG
 * freshness, GPU capacity, token anomaly, component availability) and the OpenSLO budgeting method onto engine
 * definitions. Pure translation; the rules live in the slo-engine.
 */
final class BuiltInKinds {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BuiltInKinds.class);
  /** Token consumption is judged per hour unless the SLO says otherwise: a minute is too noisy for "3x normal". */
  static final Duration TOKEN_SLICE = Duration.ofHours(1);

  private BuiltInKinds() {}

  /** Whether the kind's {@code threshold} is a duration (latency, TTFT, RAG freshness) rather than a number. */
  static boolean hasDurationThreshold(io.slamon.core.openslo.SliKind kind) {
    var p = kind.params().get("threshold");
    return p != null && p.type() == io.slamon.core.openslo.SliKind.Param.Type.DURATION;
  }

  /**
   * The tenant's agreed maintenance windows as the engine's weekly windows (one per configured day)
   * with their notice periods, in the contract's time zone; none for an unknown tenant.
   */
  static List<MaintenanceExclusions.AgreedWindow> agreedWindows(SlamonConfig config, String tenantId) {
    Optional<Tenant> tenant = tenantId == null ? Optional.empty() : config.tenant(tenantId);
    if (tenant.isEmpty()) {
      return List.of();
    }
    var contract = tenant.get().contract();
    List<MaintenanceExclusions.AgreedWindow> out = new ArrayList<>();
    for (MaintenanceWindow w : contract.maintenanceWindows()) {
      for (DayOfWeek day : w.days()) {
        out.add(new MaintenanceExclusions.AgreedWindow(
            new AgreedMaintenanceWindow(day, w.start(), w.duration(), contract.timeZone()), w.announceAhead()));
      }
    }
    return out;
  }

  /** The SLO's burn-rate policy from the OpenSLO alert policies it names; the SRE Workbook table without any. */
  static io.slamon.slo.BurnRatePolicy burnRatePolicy(SlamonConfig config, String sloName) {
    return io.slamon.slo.OpenSloAlerting.policy(alertPolicies(config, sloName));
  }

  private static List<io.slamon.core.openslo.AlertPolicy> alertPolicies(SlamonConfig config, String sloName) {
    List<String> names = config.slos().stream().filter(s -> s.name().equals(sloName)).findFirst().map(Slo::alertPolicies).orElse(List.of());
    return config.alertPolicies().stream().filter(p -> names.contains(p.name())).toList();
  }

  /**
   * The NO_DATA incident signal of an SLO: when the engine found no SLI data in the no-data window
   * and one of the SLO's alert policies says {@code alertWhenNoData: true}.
   */
  static java.util.Optional<io.slamon.incident.Signal> noDataSignal(SlamonConfig config, io.slamon.slo.SloDefinition slo,
      io.slamon.slo.BurnRateEvaluation burn, java.time.Instant at) {
    if (!burn.noData() || !io.slamon.slo.OpenSloAlerting.alertWhenNoData(alertPolicies(config, slo.name()))) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(io.slamon.incident.Signal.noData(slo.tenant(), slo.name(),
        burnRatePolicy(config, slo.name()).noDataWindow(), at));
  }

  static SliKind engineKind(io.slamon.core.openslo.SliKind kind) {
    return switch (kind) {
      case ERROR_RATE -> SliKind.ERROR_RATE;
      case QUEUE_DEPTH_UNDER -> SliKind.QUEUE_DEPTH_UNDER;
      case RAG_FRESHNESS_UNDER -> SliKind.RAG_FRESHNESS_UNDER;
      case GPU_CAPACITY -> SliKind.GPU_CAPACITY;
      case TOKEN_ANOMALY -> SliKind.TOKEN_ANOMALY;
      case COMPONENT_AVAILABILITY -> SliKind.COMPONENT_AVAILABILITY;
      default -> null;
    };
  }

  /**
   * Adds the kind's parameters (the configured spec; the queue threshold as a number; the GPU
   * reservation from the tenant's contract) and the budgeting method with its slices. Empty when
   * a GPU capacity SLO names no reservation the contract has.
   */
  static Optional<SloDefinition> complete(SloDefinition d, Slo slo, MetricSource source, Tenant tenant) {
    Map<String, String> params = new HashMap<>(source.spec());
    params.remove("kind");
    double threshold = d.threshold();
    if (d.kind() == SliKind.QUEUE_DEPTH_UNDER) {
      threshold = source.numberParam("threshold").orElse(0.0);
    }
    if (d.kind() == SliKind.GPU_CAPACITY) {
      List<CapacityReservation> reservations = tenant == null ? List.of() : tenant.contract().capacityReservations();
      String wanted = params.get("reservation");
      Optional<CapacityReservation> r = reservations.stream().filter(c -> wanted == null || c.name().equals(wanted)).findFirst();
      if (r.isEmpty()) {
        LOG.warn("SLO {} is not evaluated: tenant {} has no capacity reservation {}", d.name(), d.tenant(),
            wanted == null ? "at all" : "named '" + wanted + "' (known: " + reservations.stream().map(CapacityReservation::name).toList() + ")");
        return Optional.empty();
      }
      params.put("reservedGpus", String.valueOf(r.get().gpus()));
      if (r.get().migProfile() != null) {
        params.put("migProfile", r.get().migProfile());
      }
    }
    Objective o = slo.objectives().getFirst();
    BudgetingMethod method = switch (slo.budgetingMethod()) {
      case OCCURRENCES -> BudgetingMethod.OCCURRENCES;
      case TIMESLICES -> BudgetingMethod.TIMESLICES;
      case RATIO_TIMESLICES -> BudgetingMethod.RATIO_TIMESLICES;
    };
    Duration slice = o.timeSliceWindow() != null ? o.timeSliceWindow()
        : d.kind() == SliKind.TOKEN_ANOMALY ? TOKEN_SLICE : SloDefinition.DEFAULT_SLICE;
    double sliceTarget = o.timeSliceTarget() != null ? o.timeSliceTarget() : method == BudgetingMethod.TIMESLICES ? 1.0 : Double.NaN;
    return Optional.of(new SloDefinition(d.tenant(), d.name(), d.kind(), threshold, d.objective(), d.window(), method, sliceTarget, slice, params));
  }
}
