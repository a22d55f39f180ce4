package io.slamon.app.web;

import static io.slamon.app.web.Html.attr;
import static io.slamon.app.web.Html.path;
import static io.slamon.app.web.Html.text;

import io.slamon.core.audit.AuditEntry;
import io.slamon.core.config.Tenant;
import io.slamon.incident.RegulatoryClocks.RecordedNotification;
import io.slamon.incident.clock.ClockPlan;
import io.slamon.incident.clock.DeadlineStatus;
import io.slamon.store.IncidentRecord;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** The tenant portal: SLO attainment and budget, incidents with clocks, maintenance, reports. */
final class TenantPages {
  private TenantPages() {}

  static String tenantList(View v, List<Tenant> tenants) {
    StringBuilder sb = new StringBuilder("<ul>");
    for (Tenant t : tenants) {
      sb.append("<li><a href=\"/portal/").append(path(t.id())).append("\">").append(text(t.displayName()))
          .append("</a> <span class=\"muted\">(").append(text(t.id())).append(")</span></li>");
    }
    sb.append("</ul>");
    return Layout.page(v, v.m().t("portal.tenants"), sb.toString());
  }

  static String overview(View v, Overview o, Instant now) {
    Messages m = v.m();
    ZoneId zone = o.zone();
    StringBuilder sb = new StringBuilder(8192);
    sb.append("<p class=\"muted\">").append(text(m.t("portal.period", m.date(o.periodStart(), zone),
        m.date(o.periodEnd().minusSeconds(1), zone), zone.getId()))).append("</p>");

    sb.append("<section aria-labelledby=\"slos\"><h2 id=\"slos\">").append(text(m.t("slo.heading"))).append("</h2>");
    if (o.slos().isEmpty()) {
      sb.append("<p>").append(text(m.t("slo.none"))).append("</p>");
    } else {
      sb.append("<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">").append(text(m.t("slo.name")))
          .append("</th><th scope=\"col\">").append(text(m.t("slo.objective")))
          .append("</th><th scope=\"col\">").append(text(m.t("slo.attainment")))
          .append("</th><th scope=\"col\">").append(text(m.t("slo.budget")))
          .append("</th><th scope=\"col\">").append(text(m.t("slo.evaluated"))).append("</th></tr></thead><tbody>");
      for (Overview.SloRow s : o.slos()) {
        sb.append("<tr data-slo=\"").append(attr(s.name())).append("\"><th scope=\"row\">").append(text(s.displayName()))
            .append("</th><td>").append(text(m.percent(s.objective()))).append("</td>");
        if (s.latest() == null) {
          sb.append("<td colspan=\"3\" class=\"muted\">").append(text(m.t("chart.empty"))).append("</td></tr>");
          continue;
        }
        boolean met = !(s.latest().attainment() < s.objective());
        double budget = s.latest().budgetRemaining();
        sb.append("<td class=\"").append(met ? "ok" : "bad").append("\">").append(text(m.percent(s.latest().attainment())))
            .append(" (").append(text(m.t(met ? "slo.met" : "slo.missed"))).append(")</td>")
            .append("<td><meter min=\"0\" max=\"1\" low=\"0.25\" high=\"0.5\" optimum=\"1\" value=\"")
            .append(attr(String.format(java.util.Locale.ROOT, "%.4f", Math.max(0, Math.min(1, budget)))))
            .append("\" aria-label=\"").append(attr(m.t("slo.budget") + " " + s.displayName())).append("\">")
            .append(text(m.percent(budget))).append("</meter> ")
            .append("<span class=\"").append(budget < 0 ? "bad" : budget < 0.25 ? "warn" : "").append("\">")
            .append(text(m.percent(budget))).append("</span></td><td>")
            .append(text(m.dateTime(s.latest().evaluatedAt(), zone))).append("</td></tr>");
      }
      sb.append("</tbody></table></div>");
      for (Overview.SloRow s : o.slos()) {
        String title = m.t("chart.title", s.displayName(), m.percent(s.objective()));
        sb.append("<figure><figcaption>").append(text(title)).append("</figcaption>")
            .append(Svg.attainment(s.history(), s.objective(), o.periodStart(), o.periodEnd(), title, m)).append("</figure>");
      }
    }
    sb.append("</section>");

    sb.append("<section aria-labelledby=\"incidents\"><h2 id=\"incidents\">").append(text(m.t("incidents.heading"))).append("</h2>");
    sb.append(incidentTable(v, o.incidents(), false, "/portal/" + o.tenant().id() + "/incidents/", now));
    sb.append("</section>");

    sb.append("<section aria-labelledby=\"maintenance\"><h2 id=\"maintenance\">").append(text(m.t("maintenance.heading"))).append("</h2>");
    if (o.maintenance().isEmpty()) {
      sb.append("<p>").append(text(m.t("maintenance.none"))).append("</p>");
    } else {
      sb.append("<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">").append(text(m.t("maintenance.when")))
          .append("</th><th scope=\"col\">").append(text(m.t("maintenance.what"))).append("</th></tr></thead><tbody>");
      for (Overview.MaintenanceItem item : o.maintenance()) {
        sb.append("<tr><td><time datetime=\"").append(attr(item.start())).append("\">").append(text(m.dateTime(item.start(), zone)))
            .append("</time> – ").append(text(m.dateTime(item.end(), zone))).append("</td><td>")
            .append(text(m.t(item.announced() ? "maintenance.announced" : "maintenance.recurring", item.name()))).append("</td></tr>");
      }
      sb.append("</tbody></table></div>");
    }
    sb.append("</section>");

    sb.append("<section aria-labelledby=\"reports\"><h2 id=\"reports\">").append(text(m.t("reports.heading"))).append("</h2>");
    if (o.reports().isEmpty()) {
      sb.append("<p>").append(text(m.t("reports.none"))).append("</p>");
    } else {
      sb.append("<ul>");
      for (ReportShelf.Report r : o.reports()) {
        String base = "/portal/" + path(o.tenant().id()) + "/reports/" + path(r.id());
        sb.append("<li>").append(text(r.month())).append(" (").append(text(r.language())).append(", v").append(r.version())
            .append(") <a href=\"").append(base).append(".pdf\">").append(text(m.t("reports.download"))).append(" PDF</a> · <a href=\"")
            .append(base).append(".json\">JSON</a></li>");
      }
      sb.append("</ul>");
    }
    sb.append("</section>");
    return Layout.page(v, m.t("portal.title", o.tenant().displayName()), sb.toString());
  }

  /** The incident table of the portal and the on-call console. */
  static String incidentTable(View v, List<Overview.IncidentRow> rows, boolean withTenant, String linkPrefix, Instant now) {
    Messages m = v.m();
    if (rows.isEmpty()) {
      return "<p>" + text(m.t(withTenant ? "oncall.none" : "incidents.none")) + "</p>";
    }
    StringBuilder sb = new StringBuilder("<div class=\"table-wrap\"><table><thead><tr>");
    for (String key : withTenant
        ? List.of("incident.id", "incident.severity", "incident.state", "incident.tenant", "incident.title", "incident.opened", "incident.clock")
        : List.of("incident.id", "incident.severity", "incident.state", "incident.title", "incident.opened", "incident.clock")) {
      sb.append("<th scope=\"col\">").append(text(m.t(key))).append("</th>");
    }
    sb.append("</tr></thead><tbody>");
    for (Overview.IncidentRow row : rows) {
      IncidentRecord i = row.incident();
      sb.append("<tr data-incident=\"").append(attr(i.id())).append("\"><th scope=\"row\"><a href=\"").append(attr(linkPrefix))
          .append(path(i.id())).append("\">").append(text(i.id())).append("</a></th><td>").append(text(i.severity()))
          .append("</td><td>").append(text(m.t("state." + i.state()))).append("</td>");
      if (withTenant) {
        sb.append("<td>").append(text(i.tenant() == null ? m.t("incident.provider") : i.tenant())).append("</td>");
      }
      sb.append("<td>").append(text(i.title())).append("</td><td>").append(text(m.dateTime(i.openedAt(), row.zone())))
          .append("</td><td>").append(row.nearest().map(s -> deadline(m, s, row.zone())).orElse(text(m.t("incident.noclock"))))
          .append("</td></tr>");
    }
    sb.append("</tbody></table></div>");
    return sb.toString();
  }

  static String deadline(Messages m, DeadlineStatus s, ZoneId zone) {
    String state = m.t("deadline." + s.state().name(), m.duration(s.amount()));
    String css = s.state() == DeadlineStatus.State.OVERDUE ? "bad" : s.state() == DeadlineStatus.State.RUNNING ? "warn" : "ok";
    return text(m.t("kind." + s.kind().name())) + ": " + text(m.dateTime(s.deadline().due(), zone))
        + " <span class=\"" + css + "\">" + text(state) + "</span>";
  }

  /** The incident page body: facts, clocks, timeline; actions are added by the on-call console. */
  static String incident(View v, IncidentRecord i, Optional<ClockPlan> plan, List<RecordedNotification> notifications,
      List<AuditEntry> timeline, ZoneId zone, Instant now, String actions) {
    Messages m = v.m();
    StringBuilder sb = new StringBuilder();
    sb.append("<dl><dt>").append(text(m.t("incident.severity"))).append("</dt><dd>").append(text(i.severity()))
        .append("</dd><dt>").append(text(m.t("incident.state"))).append("</dt><dd data-state=\"").append(attr(i.state())).append("\">")
        .append(text(m.t("state." + i.state()))).append("</dd><dt>").append(text(m.t("incident.tenant"))).append("</dt><dd>")
        .append(text(i.tenant() == null ? m.t("incident.provider") : i.tenant())).append("</dd><dt>")
        .append(text(m.t("incident.opened"))).append("</dt><dd>").append(text(m.dateTime(i.openedAt(), zone))).append("</dd></dl>");
    sb.append(actions);
    sb.append("<section aria-labelledby=\"clocks\"><h2 id=\"clocks\">").append(text(m.t("clocks.heading"))).append("</h2>");
    if (plan.isEmpty()) {
      sb.append("<p>").append(text(m.t("clocks.none"))).append("</p>");
    } else {
      sb.append("<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">").append(text(m.t("clock.kind")))
          .append("</th><th scope=\"col\">").append(text(m.t("clock.due"))).append("</th><th scope=\"col\">")
          .append(text(m.t("clock.legal"))).append("</th><th scope=\"col\">").append(text(m.t("clock.status")))
          .append("</th></tr></thead><tbody>");
      for (DeadlineStatus s : plan.get().statuses(now)) {
        sb.append("<tr><th scope=\"row\">").append(text(m.t("kind." + s.kind().name()))).append("</th><td>")
            .append(text(s.deadline().isWaiting() ? "–" : m.dateTime(s.deadline().due(), plan.get().zone()))).append("</td><td>")
            .append(text(s.deadline().legalDue() == null ? "–" : m.dateTime(s.deadline().legalDue(), plan.get().zone())))
            .append("</td><td>").append(text(m.t("deadline." + s.state().name(), m.duration(s.amount())))).append("</td></tr>");
      }
      sb.append("</tbody></table></div>");
    }
    sb.append("</section>").append(notifications(v, notifications, zone));
    sb.append("<section aria-labelledby=\"timeline\"><h2 id=\"timeline\">").append(text(m.t("timeline.heading"))).append("</h2>");
    if (timeline.isEmpty()) {
      sb.append("<p>").append(text(m.t("timeline.none"))).append("</p>");
    } else {
      sb.append("<ol class=\"timeline\">");
      for (AuditEntry e : timeline) {
        sb.append("<li><time datetime=\"").append(attr(e.at())).append("\">").append(text(m.dateTime(e.at(), zone))).append("</time> ")
            .append(text(e.actor())).append(": ").append(text(e.action())).append(' ')
            .append(text(e.oldValue() == null ? "" : e.oldValue() + " → ")).append(text(e.newValue() == null ? "" : e.newValue()))
            .append(e.reason() == null ? "" : " (" + text(e.reason()) + ")").append("</li>");
      }
      sb.append("</ol>");
    }
    sb.append("</section>");
    return Layout.page(v, i.id() + " – " + (i.title() == null ? "" : i.title()), sb.toString());
  }

  /** The recorded notifications, as {@code slamon incident show} lists them. */
  private static String notifications(View v, List<RecordedNotification> notifications, ZoneId zone) {
    Messages m = v.m();
    StringBuilder sb = new StringBuilder("<section aria-labelledby=\"notifications\"><h2 id=\"notifications\">")
        .append(text(m.t("notifications.heading"))).append("</h2>");
    if (notifications.isEmpty()) {
      return sb.append("<p>").append(text(m.t("notifications.none"))).append("</p></section>").toString();
    }
    sb.append("<ul class=\"notifications\">");
    for (RecordedNotification n : notifications) {
      var r = n.record();
      var q = r.request();
      sb.append("<li data-deadline=\"").append(attr(q.deadline().key())).append("\">").append(text(m.t("kind." + q.deadline().name())))
          .append(", ").append(text(m.t("notification.phase", r.phase()))).append(", ")
          .append(text(r.timeliness().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')))
          .append(r.lateBy().isZero() ? "" : " (" + text(m.duration(r.lateBy())) + ")").append(": ")
          .append("<time datetime=\"").append(attr(q.sentAt())).append("\">").append(text(m.dateTime(q.sentAt(), zone))).append("</time>")
          .append(n.recipient() == null ? "" : " → " + text(n.recipient())).append(", ").append(text(q.recordedBy()))
          .append(q.reason() == null ? "" : " (" + text(q.reason()) + ")").append("</li>");
    }
    return sb.append("</ul></section>").toString();
  }
}
