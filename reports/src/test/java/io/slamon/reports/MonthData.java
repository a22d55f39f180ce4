package io.slamon.reports;

import io.slamon.store.Database;
import io.slamon.store.Event;
import io.slamon.store.IncidentRecord;
import io.slamon.store.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a month of scraped-looking data for one tenant through the store's write paths (the same
 * ones the collector uses): request counters, TTFT histogram, {@code up}, and pushed events.
 */
public final class MonthData {
  static final Duration STEP = Duration.ofMinutes(5);

  private MonthData() {}

  /**
   * Request counters, TTFT histogram and {@code up} every 5 minutes in {@code [from, to)}.
   *
   * @param failFrom start of an outage (5xx answers and failed scrapes), or null for none
   * @param failFor its length
   * @return the number of samples written
   */
  public static long samples(Database db, String tenant, String model, Instant from, Instant to, Instant failFrom, Duration failFor) {
    List<Sample> batch = new ArrayList<>();
    long written = 0;
    double ok = 0;
    double bad = 0;
    double[] ttft = new double[4]; // le 0.25, 0.5, 1, +Inf
    Map<String, String> target = Map.of("job", "vllm", "instance", tenant + "-vllm:8000");
    for (Instant t = from; t.isBefore(to); t = t.plus(STEP)) {
      boolean failing = failFrom != null && !t.isBefore(failFrom) && t.isBefore(failFrom.plus(failFor));
      long ms = t.toEpochMilli();
      ok += failing ? 0 : 100;
      bad += failing ? 50 : 0;
      ttft[0] += 60;
      ttft[1] += 97;
      ttft[2] += 100;
      ttft[3] += 100;
      batch.add(new Sample(tenant, "http_requests_total", Map.of("status", "2xx", "model_name", model), ms, ok));
      batch.add(new Sample(tenant, "http_requests_total", Map.of("status", "5xx", "model_name", model), ms, bad));
      batch.add(new Sample(tenant, "up", target, ms, failing ? 0 : 1));
      String[] le = {"0.25", "0.5", "1", "+Inf"};
      for (int i = 0; i < le.length; i++) {
        batch.add(new Sample(tenant, "vllm:time_to_first_token_seconds_bucket", Map.of("le", le[i], "model_name", model), ms, ttft[i]));
      }
      batch.add(new Sample(tenant, "vllm:time_to_first_token_seconds_count", Map.of("model_name", model), ms, ttft[3]));
      if (batch.size() > 5000) {
        db.sampleStore().write(batch);
        written += batch.size();
        batch.clear();
      }
    }
    db.sampleStore().write(batch);
    return written + batch.size();
  }

  static void event(Database db, String id, String tenant, String type, Instant at, Map<String, Object> attributes) {
    db.eventStore().append(new Event(id, tenant, type, at, "test", attributes));
  }

  /** An incident opened at {@code opened}, acknowledged and resolved after the given times, its changes in the audit log. */
  static void incident(Database db, String id, String tenant, String severity, String title, Instant opened, Duration toAck, Duration toResolve) {
    db.incidentStore().openOrGet(new IncidentRecord(id, tenant, "fp-" + id, severity, "open", title, opened, opened));
    db.auditLog().append(opened.plus(toAck), "oncall", id, "state", "open", "acknowledged", null);
    db.incidentStore().updateState(id, "open", "acknowledged", opened.plus(toAck));
    db.auditLog().append(opened.plus(toResolve), "oncall", id, "state", "acknowledged", "resolved", "fixed");
    db.incidentStore().updateState(id, "acknowledged", "resolved", opened.plus(toResolve));
  }
}
