package io.slamon.slo;

import io.slamon.slo.internal.Intervals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Time-based availability of one component over one SLA period, with maintenance exclusion
 * (DOMAIN.md "Planned maintenance windows"):
 *
 * <ul>
 *   <li>excluded = the part of an announced maintenance that lies inside both its announced
 *       interval and the contract's agreed windows; it leaves the denominator and is not good;
 *   <li>downtime = outages plus every other minute of maintenance (unannounced, started early,
 *       overrunning the announced end, or outside the agreed windows), minus excluded time;
 *   <li>attainment = (period − excluded − downtime) / (period − excluded).
 * </ul>
 */
public final class AvailabilityPeriod {
  private AvailabilityPeriod() {}

  public static AvailabilityResult evaluate(
      TimeInterval period, List<TimeInterval> outages, List<Maintenance> maintenance, List<TimeInterval> agreedWindows) {
    Objects.requireNonNull(outages, "outages");
    Objects.requireNonNull(maintenance, "maintenance");
    Objects.requireNonNull(agreedWindows, "agreedWindows");
    List<TimeInterval> whole = List.of(Objects.requireNonNull(period, "period"));
    List<TimeInterval> excludedParts = new ArrayList<>();
    List<TimeInterval> maintenanceDone = new ArrayList<>();
    for (Maintenance m : maintenance) {
      maintenanceDone.add(m.actual());
      if (m.wasAnnounced()) {
        excludedParts.addAll(Intervals.intersect(Intervals.intersect(List.of(m.actual()), List.of(m.announced())), agreedWindows));
      }
    }
    List<TimeInterval> excluded = Intervals.intersect(excludedParts, whole);
    List<TimeInterval> down = Intervals.subtract(Intervals.intersect(Intervals.union(outages, maintenanceDone), whole), excluded);
    Duration outsideAgreement = Intervals.total(Intervals.intersect(Intervals.subtract(maintenanceDone, agreedWindows), whole));
    return new AvailabilityResult(period, Intervals.total(excluded), Intervals.total(down), outsideAgreement, excluded, down);
  }
}
