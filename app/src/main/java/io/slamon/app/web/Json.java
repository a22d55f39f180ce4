package io.slamon.app.web;

import io.slamon.core.audit.AuditEntry;
import io.slamon.incident.RegulatoryClocks;
import io.slamon.incident.clock.ClockPlan;
import io.slamon.incident.clock.DeadlineStatus;
import io.slamon.store.IncidentRecord;
import io.slamon.store.SloStatus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The API's JSON shapes (documented in docs/portal.md). */
final class Json {
  private Json() {}

  static JsonObject slo(SloStatus s) {
    return new JsonObject()
        .put("slo", s.slo())
        .put("evaluatedAt", str(s.evaluatedAt()))
        .put("windowStart", str(s.windowStart()))
        .put("windowEnd", str(s.windowEnd()))
        .put("good", s.good())
        .put("total", s.total())
        .put("objective", s.objective())
        .put("attainment", Double.isNaN(s.attainment()) ? null : s.attainment())
        .put("budgetRemaining", Double.isNaN(s.budgetRemaining()) ? null : s.budgetRemaining())
        .put("met", !(s.attainment() < s.objective()));
  }

  static JsonObject incident(IncidentRecord i, Optional<ClockPlan> plan, Instant now) {
    JsonArray clocks = new JsonArray();
    plan.ifPresent(p -> p.statuses(now).forEach(s -> clocks.add(clock(s))));
    return new JsonObject()
        .put("id", i.id())
        .put("tenant", i.tenant())
        .put("severity", i.severity())
        .put("state", i.state())
        .put("title", i.title())
        .put("openedAt", str(i.openedAt()))
        .put("updatedAt", str(i.updatedAt()))
        .put("timeZone", plan.map(p -> p.zone().getId()).orElse(null))
        .put("clocks", clocks);
  }

  static JsonObject clock(DeadlineStatus s) {
    return new JsonObject()
        .put("kind", s.kind().key())
        .put("regime", s.kind().regime().name())
        .put("label", s.kind().label())
        .put("due", str(s.deadline().due()))
        .put("legalDue", str(s.deadline().legalDue()))
        .put("waitingFor", s.deadline().waitingFor() == null ? null : s.deadline().waitingFor().key())
        .put("basis", s.deadline().basis())
        .put("ruleVersion", s.deadline().ruleVersion())
        .put("state", s.state().name())
        .put("seconds", s.amount().toSeconds())
        .put("message", s.message());
  }

  static JsonArray timeline(List<AuditEntry> entries) {
    JsonArray a = new JsonArray();
    for (AuditEntry e : entries) {
      a.add(new JsonObject().put("seq", e.seq()).put("at", str(e.at())).put("actor", e.actor()).put("action", e.action())
          .put("oldValue", e.oldValue()).put("newValue", e.newValue()).put("reason", e.reason()).put("hash", e.hash()));
    }
    return a;
  }

  /** Recorded notifications as {@code incident show} prints them: deadline, phase, timeliness, when, to whom, content. */
  static JsonArray notifications(List<RegulatoryClocks.RecordedNotification> notifications) {
    JsonArray a = new JsonArray();
    for (RegulatoryClocks.RecordedNotification n : notifications) {
      var r = n.record();
      var q = r.request();
      JsonObject o = new JsonObject().put("deadline", q.deadline().key()).put("label", q.deadline().label()).put("phase", r.phase())
          .put("timeliness", r.timeliness().name()).put("lateBySeconds", r.lateBy().toSeconds()).put("outcome", q.outcome().name())
          .put("sentAt", str(q.sentAt())).put("recipient", n.recipient()).put("recordedBy", q.recordedBy())
          .put("recordedAt", str(n.recordedAt())).put("reason", q.reason()).put("dataSubjectsInformed", q.dataSubjectsInformed());
      if (q.content() != null) {
        o.put("content", new JsonObject().put("nature", q.content().nature()).put("contact", q.content().contact())
            .put("likelyConsequences", q.content().likelyConsequences()).put("measures", q.content().measures()));
      }
      a.add(o);
    }
    return a;
  }

  static JsonObject report(ReportShelf.Report r) {
    return new JsonObject().put("id", r.id()).put("tenant", r.tenant()).put("month", r.month().toString())
        .put("language", r.language()).put("version", r.version()).put("supersedes", r.supersedes()).put("issuedAt", str(r.issuedAt()))
        .put("sha256", r.sha256())
        .put("pdf", "/api/v1/reports/" + r.id() + ReportShelf.Format.PDF.suffix())
        .put("json", "/api/v1/reports/" + r.id() + ReportShelf.Format.JSON.suffix());
  }

  static JsonObject error(String message) {
    return new JsonObject().put("error", message);
  }

  private static String str(Instant at) {
    return at == null ? null : at.toString();
  }
}
