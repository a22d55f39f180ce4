package io.slamon.app.web;

import io.slamon.core.config.Tenant;
import io.slamon.incident.clock.DeadlineStatus;
import io.slamon.store.IncidentRecord;
import io.slamon.store.SloStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** The data of a tenant's portal page, gathered by {@link PortalData}; rendered by {@link TenantPages}. */
record Overview(
    Tenant tenant,
    Instant periodStart,
    Instant periodEnd,
    List<SloRow> slos,
    List<IncidentRow> incidents,
    List<MaintenanceItem> maintenance,
    List<ReportShelf.Report> reports) {

  /** One SLO: its latest evaluation (null before the first) and the period's history. */
  record SloRow(String name, String displayName, double objective, SloStatus latest, List<SloStatus> history) {}

  /** One incident with the nearest running or overdue regulatory deadline, if any. */
  record IncidentRow(IncidentRecord incident, Optional<DeadlineStatus> nearest, ZoneId zone) {}

  /** A maintenance window: recurring from the contract, or announced by an event. */
  record MaintenanceItem(Instant start, Instant end, String name, boolean announced) {}

  ZoneId zone() {
    return tenant.contract().timeZone();
  }
}
