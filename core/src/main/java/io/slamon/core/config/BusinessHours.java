package io.slamon.core.config;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A contract's business-hours calendar for incident response targets (never for regulatory clocks):
 * the working days and hours in the contract's time zone, minus the public holidays of a German
 * state and any extra closing days.
 *
 * @param days working days, e.g. MON–FRI
 * @param start start of the working day (local time)
 * @param end end of the working day (local time), after {@code start}
 * @param holidays public holidays of {@code DE} (nationwide only) or a state, {@code DE-BY},
 *     {@code DE-BE}, … (ISO 3166-2); {@code null}: no public holidays
 * @param extraClosedDays further days without business hours (company holidays, 24 and 31 Dec, a
 *     municipal holiday such as Mariä Himmelfahrt in Catholic Bavarian municipalities)
 */
public record BusinessHours(Set<DayOfWeek> days, LocalTime start, LocalTime end, String holidays, List<LocalDate> extraClosedDays) {
  /** Germany (nationwide holidays only) and its 16 states. */
  public static final Set<String> REGIONS = Set.of("DE", "DE-BW", "DE-BY", "DE-BE", "DE-BB", "DE-HB", "DE-HH", "DE-HE",
      "DE-MV", "DE-NI", "DE-NW", "DE-RP", "DE-SL", "DE-SN", "DE-ST", "DE-SH", "DE-TH");

  public BusinessHours {
    if (days == null || days.isEmpty()) {
      throw new IllegalArgumentException("business hours need at least one working day");
    }
    days = Set.copyOf(EnumSet.copyOf(days));
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("business hours end " + end + " must be after their start " + start);
    }
    if (holidays != null && !REGIONS.contains(holidays)) {
      throw new IllegalArgumentException("unknown holiday region '" + holidays + "'; use DE or DE-BW, DE-BY, … (ISO 3166-2)");
    }
    extraClosedDays = extraClosedDays == null ? List.of() : List.copyOf(extraClosedDays);
  }
}
