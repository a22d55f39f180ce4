package io.slamon.slo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The window an SLO is judged over: rolling (the last N, moving with now) or calendar (the current
 * month or quarter in the contract's time zone, cut at local midnight, so DST changes are honoured).
 */
public sealed interface SloWindow {
  /** Start of the window that ends at {@code now}. */
  Instant startFor(Instant now);

  /** The last {@code length} before now. */
  record Rolling(Duration length) implements SloWindow {
    public Rolling {
      if (length.isNegative() || length.isZero()) {
        throw new IllegalArgumentException("Illegal rolling window " + length + ": expecting a positive duration");
      }
    }

    @Override
    public Instant startFor(Instant now) {
      return now.minus(length);
    }
  }

  /** The calendar period of {@code months} months (1 = month, 3 = quarter) that contains now. */
  record Calendar(int months, ZoneId zone) implements SloWindow {
    public Calendar {
      Objects.requireNonNull(zone, "zone");
      if (months != 1 && months != 3 && months != 12) {
        throw new IllegalArgumentException("Illegal calendar window of " + months + " months: expecting 1, 3 or 12");
      }
    }

    @Override
    public Instant startFor(Instant now) {
      ZonedDateTime local = now.atZone(zone);
      int monthIndex = local.getMonthValue() - 1;
      int firstMonth = monthIndex - monthIndex % months + 1;
      return local.withMonth(firstMonth).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).toInstant();
    }
  }
}
