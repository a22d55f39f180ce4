package io.slamon.slo;

import io.slamon.store.Event;
import io.slamon.store.EventStore;
import io.slamon.slo.internal.Intervals;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The time of a tenant's window that announced maintenance removes from every SLO's denominator:
 * maintenance events of the tenant and provider-wide ones, judged by {@link AvailabilityPeriod}
 * against each of the contract's agreed windows with that window's notice period.
 */
public final class MaintenanceExclusions {
  /** How far back announcements are looked for before a window starts. */
  static final Duration ANNOUNCEMENT_LOOKBACK = Duration.ofDays(90);

  /** One agreed weekly window of a contract and the notice it requires. */
  public record AgreedWindow(AgreedMaintenanceWindow window, Duration announceAhead) {
    public AgreedWindow {
      Objects.requireNonNull(window, "window");
      Objects.requireNonNull(announceAhead, "announceAhead");
    }
  }

  private final EventStore events;
  private final Function<String, List<AgreedWindow>> agreedWindows;
  private final InstantSource clock;

  public MaintenanceExclusions(EventStore events, Function<String, List<AgreedWindow>> agreedWindows, InstantSource clock) {
    this.events = Objects.requireNonNull(events, "events");
    this.agreedWindows = Objects.requireNonNull(agreedWindows, "agreedWindows");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Sorted, disjoint excluded intervals inside {@code [from, to)}. */
  public List<TimeInterval> excluded(String tenant, Instant from, Instant to) {
    List<AgreedWindow> windows = agreedWindows.apply(tenant);
    if (windows == null || windows.isEmpty() || !from.isBefore(to)) {
      return List.of();
    }
    List<Event> maintenanceEvents = new ArrayList<>(events.list(tenant, "maintenance.", from.minus(ANNOUNCEMENT_LOOKBACK), to));
    if (tenant != null) {
      maintenanceEvents.addAll(events.list(null, "maintenance.", from.minus(ANNOUNCEMENT_LOOKBACK), to));
    }
    if (maintenanceEvents.isEmpty()) {
      return List.of();
    }
    TimeInterval window = new TimeInterval(from, to);
    List<TimeInterval> excluded = new ArrayList<>();
    for (AgreedWindow w : windows) {
      List<Maintenance> maintenance = MaintenanceEvents.fromEvents(maintenanceEvents, w.announceAhead(), clock.instant());
      excluded.addAll(AvailabilityPeriod.evaluate(window, List.of(), maintenance, w.window().occurrencesIn(window)).excludedIntervals());
    }
    return Intervals.normalize(excluded);
  }
}
