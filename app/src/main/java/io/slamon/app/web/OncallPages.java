package io.slamon.app.web;

import static io.slamon.app.web.Html.attr;
import static io.slamon.app.web.Html.path;
import static io.slamon.app.web.Html.text;

import io.slamon.incident.IncidentState;
import io.slamon.incident.clock.DeadlineKind;
import io.slamon.incident.clock.Regime;
import io.slamon.store.IncidentRecord;
import java.time.Instant;
import java.util.List;

/** The on-call console (provider roles): live incidents in working order and the action forms. */
final class OncallPages {
  private OncallPages() {}

  static String console(View v, List<Overview.IncidentRow> live, String notice, Instant now) {
    Messages m = v.m();
    StringBuilder sb = new StringBuilder();
    if (notice != null) {
      sb.append("<p class=\"notice\" role=\"status\">").append(text(notice)).append("</p>");
    }
    sb.append("<p>").append(text(m.t("oncall.intro"))).append("</p>")
        .append(TenantPages.incidentTable(v, live, true, "/oncall/incidents/", now));
    return Layout.page(v, m.t("oncall.title"), sb.toString());
  }

  /** The action forms of one incident, for on-call tokens only; each carries the session's CSRF token. */
  static String actions(View v, IncidentRecord i, String notice) {
    Messages m = v.m();
    StringBuilder sb = new StringBuilder();
    if (notice != null) {
      sb.append("<p class=\"notice\" role=\"status\">").append(text(notice)).append("</p>");
    }
    if (!v.principal().canAct()) {
      return sb.toString();
    }
    String base = "/oncall/incidents/" + path(i.id());
    IncidentState state = IncidentState.fromWireName(i.state());
    if (state.next().contains(IncidentState.ACKNOWLEDGED)) {
      sb.append("<form method=\"post\" action=\"").append(base).append("/ack\">").append(Layout.csrfField(v))
          .append("<button type=\"submit\" id=\"ack\">").append(text(m.t("action.ack"))).append("</button></form>");
    }
    if (state.next().contains(IncidentState.RESOLVED)) {
      sb.append("<form method=\"post\" action=\"").append(base).append("/resolve\">").append(Layout.csrfField(v))
          .append("<label for=\"resolve-reason\">").append(text(m.t("action.reason"))).append("</label>")
          .append("<input type=\"text\" id=\"resolve-reason\" name=\"reason\" size=\"40\">")
          .append("<p><button type=\"submit\" id=\"resolve\">").append(text(m.t("action.resolve"))).append("</button></p></form>");
    }
    sb.append("<details><summary>").append(text(m.t("action.classify"))).append("</summary>")
        .append("<form method=\"post\" action=\"").append(base).append("/classify\">").append(Layout.csrfField(v))
        .append("<label for=\"regime\">").append(text(m.t("action.regime"))).append("</label><select id=\"regime\" name=\"regime\">");
    for (Regime r : Regime.values()) {
      sb.append("<option value=\"").append(attr(r.name())).append("\">").append(text(r.name())).append("</option>");
    }
    sb.append("</select><label for=\"aware-at\">").append(text(m.t("action.awareAt"))).append("</label>")
        .append("<input type=\"text\" id=\"aware-at\" name=\"awareAt\" placeholder=\"2026-11-24T10:00:00Z\" size=\"30\">")
        .append("<label for=\"source\">").append(text(m.t("action.source"))).append("</label>")
        .append("<input type=\"text\" id=\"source\" name=\"source\" required size=\"40\">")
        .append("<p><button type=\"submit\" id=\"classify\">").append(text(m.t("action.classify"))).append("</button></p></form></details>");
    notifyForm(v, base, sb);
    awarenessForm(v, base, sb);
    return sb.toString();
  }

  private static void notifyForm(View v, String base, StringBuilder sb) {
    Messages m = v.m();
    sb.append("<details><summary>").append(text(m.t("action.notify"))).append("</summary>")
        .append("<form method=\"post\" action=\"").append(base).append("/notify\">").append(Layout.csrfField(v))
        .append("<label for=\"deadline\">").append(text(m.t("action.deadline"))).append("</label><select id=\"deadline\" name=\"deadline\">");
    for (DeadlineKind k : DeadlineKind.values()) {
      sb.append("<option value=\"").append(attr(k.key())).append("\">").append(text(m.t("kind." + k.name()))).append("</option>");
    }
    sb.append("</select>");
    field(sb, "notify-to", "to", m.t("action.to"), "");
    field(sb, "sent-at", "sentAt", m.t("action.sentAt"), "");
    field(sb, "notify-reason", "reason", m.t("action.reason"), "");
    sb.append("<p><input type=\"checkbox\" id=\"not-notified\" name=\"notNotified\" value=\"true\"> <label for=\"not-notified\">")
        .append(text(m.t("action.notNotified"))).append("</label></p>")
        .append("<p><button type=\"submit\" id=\"notify\">").append(text(m.t("action.notify"))).append("</button></p></form></details>");
  }

  private static void awarenessForm(View v, String base, StringBuilder sb) {
    Messages m = v.m();
    sb.append("<details><summary>").append(text(m.t("action.correctAwareness"))).append("</summary>")
        .append("<form method=\"post\" action=\"").append(base).append("/awareness\">").append(Layout.csrfField(v));
    field(sb, "corrected-aware-at", "awareAt", m.t("action.awareAt"), " required");
    field(sb, "corrected-source", "source", m.t("action.source"), " required");
    field(sb, "awareness-reason", "reason", m.t("action.reason"), "");
    sb.append("<p><button type=\"submit\" id=\"awareness\">").append(text(m.t("action.correctAwareness")))
        .append("</button></p></form></details>");
  }

  private static void field(StringBuilder sb, String id, String name, String label, String extra) {
    sb.append("<label for=\"").append(id).append("\">").append(text(label)).append("</label><input type=\"text\" id=\"").append(id)
        .append("\" name=\"").append(name).append("\" size=\"40\"").append(extra).append('>');
  }
}
