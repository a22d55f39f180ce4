package io.slamon.app.web;

import io.slamon.core.config.MaintenanceWindow;
import io.slamon.core.config.SlamonConfig;
import io.slamon.core.config.Tenant;
import io.slamon.core.openslo.Slo;
import io.slamon.incident.IncidentState;
import io.slamon.incident.Scope;
import io.slamon.incident.clock.DeadlineStatus;
import io.slamon.store.Event;
import io.slamon.store.EventStore;
import io.slamon.store.IncidentRecord;
import io.slamon.store.SloStatus;
import io.slamon.store.SloStatusStore;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gathers what the pages and the API show, from the stores, the incident desk, the report shelf
 * and the configuration. No authorisation here: the routes check the {@link Principal} first.
 */
public final class PortalData {
  private static final ZoneId PROVIDER_ZONE = ZoneId.of("Europe/Berlin");

  private final SlamonConfig config;
  private final SloStatusStore sloStatus;
  private final SloHistory history;
  private final EventStore events;
  private final IncidentDesk desk;
  private final ReportShelf reports;
  private final InstantSource clock;

  public PortalData(SlamonConfig config, SloStatusStore sloStatus, SloHistory history, EventStore events, IncidentDesk desk,
      ReportShelf reports, InstantSource clock) {
    this.config = config;
    this.sloStatus = sloStatus;
    this.history = history;
    this.events = events;
    this.desk = desk;
    this.reports = reports;
    this.clock = clock;
  }

  SlamonConfig config() {
    return config;
  }

  IncidentDesk desk() {
    return desk;
  }

  ReportShelf reports() {
    return reports;
  }

  Instant now() {
    return clock.instant();
  }

  Optional<Tenant> tenant(String id) {
    return config.tenant(id);
  }

  /** The SLA period shown: the current calendar month in the tenant's contract time zone. */
  Instant[] period(Tenant tenant) {
    ZonedDateTime start = clock.instant().atZone(tenant.contract().timeZone()).toLocalDate().withDayOfMonth(1)
        .atStartOfDay(tenant.contract().timeZone());
    return new Instant[] {start.toInstant(), start.plusMonths(1).toInstant()};
  }

  /** The latest evaluation of each of the tenant's SLOs. */
  List<SloStatus> sloStatus(String tenant) {
    return sloStatus.latest(tenant);
  }

  Overview overview(Tenant tenant) {
    Instant[] period = period(tenant);
    Map<String, SloStatus> latest = new java.util.HashMap<>();
    sloStatus.latest(tenant.id()).forEach(s -> latest.put(s.slo(), s));
    List<Overview.SloRow> slos = new ArrayList<>();
    for (Slo slo : config.slosOf(tenant.id())) {
      SloStatus l = latest.get(slo.name());
      double objective = l != null ? l.objective() : slo.objectives().getFirst().target();
      slos.add(new Overview.SloRow(slo.name(), slo.metadata().displayName(), objective, l,
          history.between(tenant.id(), slo.name(), period[0], period[1])));
    }
    List<Overview.IncidentRow> incidents = desk.list(Scope.ofTenant(tenant.id()), tenant.id()).stream().map(this::row).toList();
    return new Overview(tenant, period[0], period[1], slos, incidents, maintenance(tenant), reports.list(tenant.id()));
  }

  Overview.IncidentRow row(IncidentRecord i) {
    Instant now = clock.instant();
    // the incident's own scope: rows are made only from lists already scoped to the caller
    Optional<DeadlineStatus> nearest = desk.clocks(new Scope(i.tenant()), i.id()).flatMap(plan -> plan.statuses(now).stream()
        .filter(s -> s.state() == DeadlineStatus.State.RUNNING || s.state() == DeadlineStatus.State.OVERDUE)
        .min(Comparator.comparing(s -> s.deadline().due())));
    return new Overview.IncidentRow(i, nearest, zone(i.tenant()));
  }

  ZoneId zone(String tenant) {
    return tenant == null ? PROVIDER_ZONE : config.tenant(tenant).map(t -> t.contract().timeZone()).orElse(PROVIDER_ZONE);
  }

  /** Live incidents of every tenant: most severe first, then the nearest regulatory deadline, then the oldest. */
  List<Overview.IncidentRow> liveIncidents() {
    return desk.list(Scope.provider(), null).stream()
        .filter(i -> IncidentState.fromWireName(i.state()).live())
        .map(this::row)
        .sorted(Comparator.comparing((Overview.IncidentRow r) -> r.incident().severity())
            .thenComparing(r -> r.nearest().map(s -> s.deadline().due()).orElse(Instant.MAX))
            .thenComparing(r -> r.incident().openedAt()))
        .toList();
  }

  /** The next 14 days: the contract's recurring windows and maintenance announced by events. */
  List<Overview.MaintenanceItem> maintenance(Tenant tenant) {
    ZoneId zone = tenant.contract().timeZone();
    Instant now = clock.instant();
    Instant until = now.plus(java.time.Duration.ofDays(14));
    List<Overview.MaintenanceItem> items = new ArrayList<>();
    LocalDate day = now.atZone(zone).toLocalDate();
    for (int d = 0; d <= 14; d++, day = day.plusDays(1)) {
      for (MaintenanceWindow w : tenant.contract().maintenanceWindows()) {
        if (w.days().contains(day.getDayOfWeek())) {
          Instant start = day.atTime(w.start()).atZone(zone).toInstant();
          Instant end = start.plus(w.duration());
          if (end.isAfter(now) && start.isBefore(until)) {
            items.add(new Overview.MaintenanceItem(start, end, w.name(), false));
          }
        }
      }
    }
    for (Event e : events.list(tenant.id(), "maintenance.announced", now.minus(java.time.Duration.ofDays(30)), now.plusSeconds(1))) {
      Instant start = parse(e.attributes().get("plannedStart"));
      Instant end = parse(e.attributes().get("plannedEnd"));
      if (start != null && end != null && end.isAfter(now) && start.isBefore(until)) {
        items.add(new Overview.MaintenanceItem(start, end, String.valueOf(e.attributes().get("maintenanceId")), true));
      }
    }
    items.sort(Comparator.comparing(Overview.MaintenanceItem::start));
    return items;
  }

  private static Instant parse(Object value) {
    try {
      return value == null ? null : java.time.OffsetDateTime.parse(value.toString()).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }
}
