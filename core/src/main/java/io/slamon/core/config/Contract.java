package io.slamon.core.config;

import io.slamon.core.AvailabilityClass;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The service level part of a tenant's contract. */
public record Contract(
    AvailabilityClass availabilityClass,
    ZoneId timeZone,
    List<MaintenanceWindow> maintenanceWindows,
    List<Asset> assets,
    List<PatchRule> patchPolicy,
    List<CapacityReservation> capacityReservations,
    IncidentTargets incidentTargets,
    List<ServiceCredit> serviceCredits) {
  public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Europe/Berlin");

  public Contract {
    Objects.requireNonNull(availabilityClass, "availabilityClass");
    Objects.requireNonNull(timeZone, "timeZone");
    maintenanceWindows = List.copyOf(maintenanceWindows);
    assets = List.copyOf(assets);
    patchPolicy = List.copyOf(patchPolicy);
    capacityReservations = List.copyOf(capacityReservations);
    Objects.requireNonNull(incidentTargets, "incidentTargets");
    // sorted so the first step that matches is the most generous one
    serviceCredits =
        serviceCredits.stream().sorted(Comparator.comparingDouble(ServiceCredit::below)).toList();
  }

  public Optional<Asset> asset(String name) {
    return assets.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /** The patch rule covering a CVSS score, if any. */
  public Optional<PatchRule> patchRuleFor(double cvss) {
    return patchPolicy.stream().filter(r -> r.covers(cvss)).findFirst();
  }

  /** Credit percent owed for a month with {@code availabilityPercent}; 0 when none applies. */
  public double creditPercentFor(double availabilityPercent) {
    return serviceCredits.stream()
        .filter(c -> availabilityPercent < c.below())
        .mapToDouble(ServiceCredit::creditPercent)
        .max()
        .orElse(0);
  }
}
